// `tsx scripts/bench/responses-chunk-cpu.ts [--chunks N] [--streams N]`: the per-chunk CPU cost
// of the Responses paths, in process and without sockets, as chunk-cpu.ts measures the chat
// paths: the bench upstream's chat stream on the generic chat path (de-frame, normalise, frame),
// the same stream translated into a Responses stream by the proxy's own producer (de-frame,
// normalise, translate, frame: endpoints/responses/translated-events.ts), and a Responses
// backend's stream through the pass-through repairer (endpoints/responses/native-events.ts):
// conformant and from an `openai`-profile backend (sent as it came), with the proxy's ids put in
// (every other profile), and llama.cpp-shaped (no sequence numbers or indices: every event
// rewritten). CPU time from process.cpuUsage over many streams after a warm-up; a
// micro-benchmark, not a test. The main bench (run-bench.ts) reports it too.
import { Command } from 'commander';
import { createStreamNormalizer } from '../../reference-proxy/normalize/index.ts';
import { SseSplitter } from '../../reference-proxy/normalize/sse.ts';
import { NativeEvents } from '../../reference-proxy/endpoints/responses/native-events.ts';
import { TranslatedEvents } from '../../reference-proxy/endpoints/responses/translated-events.ts';
import { randomId, type NewId } from '../../reference-proxy/responses/ids.ts';
import { ResponsesStreamRepairer } from '../../reference-proxy/responses/repair-stream.ts';
import { ResponsesStreamTranslator } from '../../reference-proxy/responses/stream-translator.ts';
import { toChatRequest } from '../../reference-proxy/responses/to-chat-request.ts';
import { benchStream, relayGeneric } from './chunk-cpu.ts';

const REQUEST = { model: 'bench', input: 'Say hello', stream: true };
const CHAT_REQUEST = toChatRequest(REQUEST);

/** One chat stream translated into Responses frames, as the proxy's stream session does it; returns the frames sent. */
export function relayTranslated(stream: readonly Buffer[]): string[] {
  const splitter = new SseSplitter();
  const normalizer = createStreamNormalizer({ profile: 'generic', request: CHAT_REQUEST, repairs: new Set() });
  const head = { id: 'resp_bench', createdAt: 1_700_000_000, model: 'bench', request: REQUEST };
  const events = new TranslatedEvents(normalizer, new ResponsesStreamTranslator({ head, chatRequest: CHAT_REQUEST, newId: randomId, reasoning: 'summary' }));
  const frames: string[] = [];
  for (const buf of stream) for (const data of splitter.push(buf)) frames.push(...events.event(data));
  frames.push(...events.end());
  return frames;
}

/** One Responses stream through the pass-through repairer (`newId`: the proxy's ids put in); returns the frames sent. */
export function relayRepaired(stream: readonly Buffer[], newId?: NewId): string[] {
  const splitter = new SseSplitter();
  const events = new NativeEvents(new ResponsesStreamRepairer({ request: REQUEST, newId }));
  const frames: string[] = [];
  for (const buf of stream) for (const data of splitter.push(buf)) frames.push(...events.event(data));
  frames.push(...events.end());
  return frames;
}

/** A Responses stream as llama.cpp's first generation sends it: no sequence_number, no indices. */
function llamaShaped(frames: readonly string[]): Buffer[] {
  return frames.map((f) => {
    const data = JSON.parse(f.slice(f.indexOf('data: ') + 6));
    for (const key of ['sequence_number', 'output_index', 'content_index']) delete data[key];
    return Buffer.from(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`);
  });
}

/** CPU microseconds per unit of `units`, over `streams` runs after a warm-up of a tenth. */
function cpuPer(run: () => unknown, streams: number, units: number): number {
  for (let i = 0; i < streams / 10; i++) run();
  const start = process.cpuUsage();
  for (let i = 0; i < streams; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (streams * units);
}

export interface ResponsesCpu {
  /** chat stream chunks, and the Responses events they become */
  chunks: number;
  responsesEvents: number;
  chatGenericUsPerChunk: number;
  translatedUsPerChunk: number;
  translationAddedUsPerChunk: number;
  repairConformantUsPerEvent: number;
  repairRemappedUsPerEvent: number;
  repairLlamaCppUsPerEvent: number;
}

export function measureResponsesCpu(chunks: number, streams: number): ResponsesCpu {
  const chat = benchStream(chunks);
  const responses = relayTranslated(chat).map((f) => Buffer.from(f));
  const deviating = llamaShaped(relayTranslated(chat));
  const chatUs = cpuPer(() => relayGeneric(chat), streams, chat.length);
  const translatedUs = cpuPer(() => relayTranslated(chat), streams, chat.length);
  return {
    chunks: chat.length,
    responsesEvents: responses.length,
    chatGenericUsPerChunk: chatUs,
    translatedUsPerChunk: translatedUs,
    translationAddedUsPerChunk: translatedUs - chatUs,
    repairConformantUsPerEvent: cpuPer(() => relayRepaired(responses), streams, responses.length),
    repairRemappedUsPerEvent: cpuPer(() => relayRepaired(responses, randomId), streams, responses.length),
    repairLlamaCppUsPerEvent: cpuPer(() => relayRepaired(deviating), streams, deviating.length),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = new Command('responses-chunk-cpu')
    .option('--chunks <n>', 'chunks per chat stream', '50')
    .option('--streams <n>', 'streams per measurement', '4000')
    .parse()
    .opts();
  const result = measureResponsesCpu(Number(opts.chunks), Number(opts.streams));
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, round(v)])), null, 2));
}
