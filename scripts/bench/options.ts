// Turns the command-line flags into the bench's settings; --quick is a short smoke run.
import type { ContenderName } from './contenders/contender.ts';

export interface BenchFlags {
  quick?: boolean;
  duration?: string;
  concurrency?: string;
  only?: string;
  chunks?: string;
  chunkDelayMs?: string;
  holdStreams?: string;
  holdSeconds?: string;
  hold?: boolean;
  cpuProf?: boolean;
}

export interface BenchOptions {
  quick: boolean;
  durationS: number;
  warmupS: number;
  concurrencies: number[];
  contenders: ContenderName[];
  streamChunks: number;
  chunkDelayMs: number;
  /** 0 turns the hold test off (it runs through dropin and node-minimal, each when it is in the run) */
  holdStreams: number;
  holdS: number;
  /** profile fresh dropin and node-minimal proxies at c=64 after the points */
  cpuProf: boolean;
  /** whether the figures replace the published ones in docs/bench: only a full run does */
  publish: boolean;
}

/** In the order they run: the floors before the proxies measured against them. */
const ALL: ContenderName[] = ['direct', 'nginx', 'node-minimal', 'bun-minimal', 'portkey', 'dropin', 'dropin-generic', 'dropin-bun'];

export class BenchUsageError extends Error {}

export function resolveOptions(flags: BenchFlags): BenchOptions {
  const quick = flags.quick === true;
  const contenders = flags.only ? list(flags.only, '--only').map(contenderName) : ALL;
  // every figure is a ratio to direct, so direct always runs, and first
  const withDirect: ContenderName[] = ['direct', ...ALL.filter((c) => c !== 'direct' && contenders.includes(c))];
  return {
    quick,
    durationS: positive(flags.duration ?? (quick ? '1' : '5'), '--duration'),
    warmupS: quick ? 0.5 : 1,
    concurrencies: flags.concurrency ? list(flags.concurrency, '--concurrency').map((c) => integer(c, '--concurrency')) : quick ? [1, 64] : [1, 16, 64, 256],
    contenders: withDirect,
    streamChunks: integer(flags.chunks ?? '50', '--chunks'),
    chunkDelayMs: positive(flags.chunkDelayMs ?? '10', '--chunk-delay-ms'),
    holdStreams: flags.hold === false ? 0 : integer(flags.holdStreams ?? '1000', '--hold-streams'),
    holdS: positive(flags.holdSeconds ?? (quick ? '1' : '5'), '--hold-seconds'),
    cpuProf: flags.cpuProf === true,
    publish: !quick && flags.only === undefined && flags.concurrency === undefined && flags.duration === undefined && flags.hold !== false,
  };
}

function list(value: string, flag: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new BenchUsageError(`${flag} needs a comma-separated list, e.g. ${flag} 1,64`);
  return items;
}

function contenderName(value: string): ContenderName {
  if ((ALL as string[]).includes(value)) return value as ContenderName;
  throw new BenchUsageError(`--only: unknown contender "${value}"; choose from ${ALL.join(', ')}`);
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new BenchUsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

function integer(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new BenchUsageError(`${flag} must be a whole number of at least 1, got "${value}"`);
  return n;
}
