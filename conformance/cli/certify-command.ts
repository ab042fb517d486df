// `dropin certify`: run the whole suite through the reference proxy in front of the emulator and
// its quirk profiles, write the reports, exit 0 only when every MUST and SHOULD check passed.
import { writeReports } from '../report/write.ts';
import { createProgress } from './progress.ts';
import { summaryText } from './print-summary.ts';
import { UsageError } from './usage-error.ts';

export async function certifyCommand(flags: { out?: string; repeat?: string }): Promise<number> {
  const repeat = flags.repeat === undefined ? 3 : Number(flags.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 100) throw new UsageError(`--repeat must be an integer from 1 to 100 (got "${flags.repeat}")`);
  const { certify } = await import('../../reference-proxy/certify/certify.ts');
  const progress = createProgress(process.stderr, process.env);
  const run = await certify({
    repeat,
    onTargetStart: (name, n) => progress.targetStart(name, n),
    onScenario: (e) => progress.scenario(e),
    onTargetEnd: (r) => progress.targetEnd(r),
  });
  progress.stop();
  const paths = await writeReports(run, flags.out ?? './dropin-certify');
  process.stdout.write(summaryText(run, paths));
  process.stdout.write(run.exitCode === 0 ? 'certified: every MUST and SHOULD check passes through the proxy\n' : 'NOT certified\n');
  return run.exitCode;
}
