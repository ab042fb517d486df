// Reads one recording file, whatever its format, told apart by content rather than by name: a
// HAR is one JSON object with log.entries; a dropin transcript and request/response pairs are
// JSON lines, told apart by their first line.
import { basename } from 'node:path';
import type { ReadRecording } from '../captured-exchange.ts';
import { isHar, readHar } from './har.ts';
import { isPairLine, readPairs } from './pairs-jsonl.ts';
import { RecordingError } from './recording-error.ts';
import { isTranscriptLine, readTranscript } from './transcript.ts';

const FORMATS = 'a dropin transcript (docs/transcript-format.md), a HAR 1.2 file, or JSON lines of request/response pairs (docs/judge.md)';

/** `source` names the file in ids and messages (its base name). */
export function readRecording(text: string, path: string): ReadRecording {
  const source = basename(path);
  const whole = parseOrUndefined(text);
  if (whole !== undefined && isHar(whole)) return readHar(whole, source);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) throw new RecordingError(`${path} is empty; expected ${FORMATS}`);
  const first = parseOrUndefined(lines[0]);
  if (isTranscriptLine(first)) return readTranscript(text, source);
  if (isPairLine(first)) return readPairs(lines.map((l, i) => parseLine(l, `${path}:${i + 1}`)), source);
  throw new RecordingError(`${path}: unknown format; dropin judge reads ${FORMATS}`);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseLine(line: string, where: string): unknown {
  try {
    return JSON.parse(line);
  } catch (e) {
    throw new RecordingError(`${where}: not JSON (${(e as Error).message})`);
  }
}
