// `tsx scripts/bench/main.ts [--quick] [--duration S] ...`: the proxy's cost measured against a
// direct connection, the floor of its runtime (minimal Node and Bun proxies), nginx and the
// Portkey gateway. Every process it starts is stopped by PID at the end, on error and on Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { type BenchFlags, BenchUsageError, resolveOptions } from './options.ts';
import { stopAll } from './processes.ts';
import { runBench } from './run-bench.ts';
import { renderTables } from './table.ts';
import { writeResults } from './write-results.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A hard bound on the whole run, so a hung contender cannot keep CI waiting. */
const WATCHDOG_MS = 30 * 60_000;

const program = new Command('bench')
  .description("measure the dropin proxy's cost against a direct connection, minimal Node and Bun proxies, nginx and the Portkey gateway, on 127.0.0.1")
  .option('--quick', 'smoke run: 1 s per point, c=1 and c=64 only, 1 s hold')
  .option('--duration <seconds>', 'seconds per point (default 5, quick 1)')
  .option('--concurrency <list>', 'comma-separated concurrencies (default 1,16,64,256)')
  .option('--only <list>', 'contenders besides direct: nginx,node-minimal,bun-minimal,portkey,dropin,dropin-generic,dropin-bun (default all)')
  .option('--chunks <n>', 'chunks per measured stream', '50')
  .option('--chunk-delay-ms <ms>', 'delay between chunks of a measured stream', '10')
  .option('--hold-streams <n>', 'concurrent slow streams held through dropin and node-minimal for the RSS and abort test', '1000')
  .option('--hold-seconds <s>', 'how long the streams are held while RSS is sampled (default 5, quick 1)')
  .option('--no-hold', 'skip the hold test')
  .option('--cpu-prof', 'profile fresh dropin and node-minimal proxies at c=64 and break down where each request goes (profiles in .tmp/bench/profiles)')
  .showHelpAfterError();

async function main(): Promise<number> {
  program.parse(process.argv);
  const opts = resolveOptions(program.opts<BenchFlags>());
  const workDir = join(REPO_ROOT, '.tmp', 'bench');
  mkdirSync(workDir, { recursive: true });
  const t0 = performance.now();
  const progress = (line: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
  const results = await runBench(opts, { repoRoot: REPO_ROOT, workDir }, progress);
  const dirs = opts.publish ? [workDir, join(REPO_ROOT, 'docs', 'bench')] : [workDir];
  const written = writeResults(results, dirs);
  process.stdout.write(`\n${renderTables(results)}\n\nWrote ${written.join(', ')}\n`);
  return 0;
}

function stopAndExit(code: number): void {
  void stopAll().finally(() => process.exit(code));
}

process.once('SIGINT', () => {
  process.stderr.write('\nbench: interrupted; stopping every process it started\n');
  stopAndExit(130);
});
process.once('SIGTERM', () => stopAndExit(143));
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping every process it started. Look in .tmp/bench/*.log for the contender that hung.\n`);
  stopAndExit(1);
}, WATCHDOG_MS);
watchdog.unref();

main()
  .catch((error: unknown) => {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`bench: failed: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    clearTimeout(watchdog);
    process.exitCode = code;
  });
