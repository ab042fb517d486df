// dropin's own transcripts (docs/transcript-format.md): the exact bytes and event times of a run.
// A transcript keeps paths, not hosts, so its exchanges form one target named after the file.
import { parseTranscript, type TranscriptLine } from '../../transcript/format.ts';
import type { CapturedExchange, ReadRecording } from '../captured-exchange.ts';
import { RecordingError } from './recording-error.ts';

export function isTranscriptLine(json: unknown): boolean {
  const line = json as Partial<TranscriptLine> | null;
  return line?.v === 1 && typeof line.request?.path === 'string' && typeof line.response?.bodyBase64 === 'string';
}

export function readTranscript(text: string, source: string): ReadRecording {
  let lines: TranscriptLine[];
  try {
    lines = parseTranscript(text, source);
  } catch (e) {
    throw new RecordingError((e as Error).message);
  }
  return { format: 'dropin transcript', exchanges: lines.map((l, i) => toCaptured(l, `${source}#${i + 1}`, source)), ignored: 0 };
}

function toCaptured(line: TranscriptLine, id: string, source: string): CapturedExchange {
  const { request, response } = line;
  return {
    id,
    target: source,
    request: { method: request.method.toUpperCase(), url: request.path, headers: { ...request.headers }, body: request.body },
    requestKnown: true,
    ...(response.status === undefined
      ? { noAnswer: `no answer was recorded (${response.error ?? 'transport failure'})` }
      : { response: { status: response.status, headers: { ...response.headers }, body: new Uint8Array(Buffer.from(response.bodyBase64, 'base64')) } }),
    totalMs: response.totalMs,
    sseTimes: response.events ? { events: response.events.map((e) => e.at), comments: (response.comments ?? []).map((c) => c.at) } : undefined,
  };
}
