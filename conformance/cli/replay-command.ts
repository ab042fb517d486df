// `dropin replay FILE`: serve a recorded transcript over loopback until interrupted.
import { readFileSync } from 'node:fs';
import { parseTranscript } from '../transcript/format.ts';
import { startReplay } from '../transcript/replay-server.ts';
import { recordedModel } from '../targets/replay.ts';
import { UsageError } from './usage-error.ts';

export async function replayCommand(file: string, flags: { port?: string; host?: string }): Promise<number> {
  let lines;
  try {
    lines = parseTranscript(readFileSync(file, 'utf8'), file);
  } catch (e) {
    throw new UsageError(`cannot replay ${file}: ${(e as Error).message}`);
  }
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535 (got "${flags.port}")`);
  const server = await startReplay(lines, { port, host: flags.host });
  process.stdout.write(`dropin replay listening on ${server.url} (${lines.length} exchanges, model ${recordedModel(lines)})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return 0;
}
