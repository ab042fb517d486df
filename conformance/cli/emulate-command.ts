// `dropin emulate`: serve the embedded emulator (optionally with a server profile or quirks)
// until interrupted, for other tools to test against.
import { PROFILES, QUIRKS, startEmulator, type ProfileName, type QuirkName } from '../../fixtures/emulator/index.ts';
import { requireAllowed } from './allowed-values.ts';
import { UsageError } from './usage-error.ts';

export interface EmulateFlags {
  port?: string;
  host?: string;
  profile?: string;
  quirk?: string[];
  delay?: string;
  requireKey?: string;
}

export async function emulateCommand(flags: EmulateFlags): Promise<number> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535 (got "${flags.port}")`);
  if (flags.profile !== undefined) requireAllowed('--profile', [flags.profile], Object.keys(PROFILES));
  requireAllowed('--quirk', flags.quirk ?? [], Object.keys(QUIRKS));
  const delay = flags.delay === undefined ? 0 : Number(flags.delay);
  const emulator = await startEmulator({
    port,
    host: flags.host ?? '127.0.0.1',
    profile: flags.profile as ProfileName | undefined,
    quirks: (flags.quirk ?? []) as QuirkName[],
    chunkDelayMs: delay,
    apiKey: flags.requireKey,
  });
  process.stdout.write(`dropin emulator listening on ${emulator.url} (profile ${flags.profile ?? 'spec'}${flags.quirk?.length ? `, quirks ${flags.quirk.join(', ')}` : ''})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}

export function listQuirks(): string {
  const q = Object.entries(QUIRKS).map(([name, d]) => `  ${name.padEnd(32)} ${d.legal ? '(legal)   ' : d.fault ? `(${d.fault})     ` : '          '}${d.description}`);
  const p = Object.entries(PROFILES).map(([name, d]) => `  ${name.padEnd(32)} ${d.description}`);
  return `profiles:\n${p.join('\n')}\nquirks:\n${q.join('\n')}\n`;
}
