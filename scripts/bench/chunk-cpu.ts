// The per-chunk work of the proxy's two stream paths, measured in process on the bench upstream's
// own stream, without sockets: the raw pass-through only watches the bytes it pipes
// (StreamObserver.seeRaw), the generic profile de-frames each event, normalises it, watches it
// and frames it again. CPU time from process.cpuUsage over many streams after a warm-up: the
// end-to-end figure (generic-cost.ts) carries the noise of a shared machine, this one does not.
import { StreamObserver } from '../../reference-proxy/endpoints/data-stream/observer.ts';
import { createStreamNormalizer } from '../../reference-proxy/normalize/index.ts';
import { frame, SseSplitter } from '../../reference-proxy/normalize/sse.ts';
import { chunkEvent, DONE_EVENT } from './upstream-body.ts';

export interface ChunkCpu {
  rawUs: number;
  genericUs: number;
  addedUs: number;
}

/** The upstream's stream of `chunks` chunks, as the socket delivers it: one buffer per event. */
export function benchStream(chunks: number): Buffer[] {
  return [...Array.from({ length: chunks }, (_, i) => chunkEvent('bench', i, chunks, 1_000_000 + i)), DONE_EVENT].map((e) => Buffer.from(e));
}

/** One stream on the raw path; returns the events it saw. */
export function relayRaw(stream: readonly Buffer[]): number {
  const observer = new StreamObserver({ collectContent: false });
  for (const buf of stream) observer.seeRaw(buf);
  return observer.payloads;
}

/** One stream on the generic path; returns the events it sent. */
export function relayGeneric(stream: readonly Buffer[]): number {
  const splitter = new SseSplitter();
  const normalizer = createStreamNormalizer({ profile: 'generic', request: {}, repairs: new Set() });
  const observer = new StreamObserver({ collectContent: false });
  const framed: string[] = [];
  const send = (payload: string) => {
    observer.see(payload);
    framed.push(frame(payload));
  };
  for (const buf of stream) for (const data of splitter.push(buf)) normalizer.event(data).forEach(send);
  normalizer.end().forEach(send);
  return framed.length;
}

export function measureChunkCpu(chunks: number, streams = 20_000): ChunkCpu {
  const stream = benchStream(chunks);
  const perChunk = (relay: (s: readonly Buffer[]) => number) => {
    for (let i = 0; i < streams / 10; i++) relay(stream);
    const start = process.cpuUsage();
    for (let i = 0; i < streams; i++) relay(stream);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / (streams * stream.length);
  };
  const rawUs = perChunk(relayRaw);
  const genericUs = perChunk(relayGeneric);
  return { rawUs, genericUs, addedUs: genericUs - rawUs };
}
