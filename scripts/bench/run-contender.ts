// Measures one running contender: one plain request (a contender that fails it is reported, not
// measured), a stream probe, a warm-up, then every non-streaming and every
// streaming point, sampling the proxy process during each point.
import { Agent, request } from 'undici';
import type { Contender } from './contenders/contender.ts';
import { CONTENDER_LABELS } from './contenders/contender.ts';
import { failureReason, type FirstAnswer, succeeded } from './failure.ts';
import { JSON_BODY, runJsonPoint } from './json-load.ts';
import type { BenchOptions } from './options.ts';
import { ProcSampler, type ProcUsage } from './proc-sampler.ts';
import type { ContenderResult, StreamProbe } from './results.ts';
import { runStream } from './stream-client.ts';
import { runStreamPoint } from './stream-load.ts';
import { summarizeStreams } from './stream-summary.ts';

export type Progress = (line: string) => void;

export async function runContender(c: Contender, opts: BenchOptions, progress: Progress): Promise<ContenderResult> {
  const result: ContenderResult = { name: c.name, label: CONTENDER_LABELS[c.name], version: c.version, streamProbe: null, json: [], stream: [] };
  const target = { baseUrl: c.baseUrl, headers: c.headers };
  const first = await probeJson(c);
  if (!succeeded(first)) {
    result.error = failureReason(first, c.diagnose?.());
    progress(`[${c.name}] not measured: ${result.error}`);
    return result;
  }
  result.streamProbe = await probeStream(c);
  const streams = result.streamProbe.status === 200 && result.streamProbe.done;
  if (!streams) {
    result.streamsSkipped = `one streaming request got HTTP ${result.streamProbe.status}${result.streamProbe.done ? '' : ' without a complete stream'}`;
    progress(`[${c.name}] streams will be skipped: ${result.streamsSkipped}`);
  }
  // warms the JIT of the proxy, the upstream and this process alike, so going first is no handicap
  progress(`[${c.name}] warm-up ${opts.warmupS} s`);
  await runJsonPoint({ ...target, concurrency: 16, durationS: opts.warmupS });
  if (streams) await runStreamPoint({ ...target, model: 'bench', concurrency: 16, durationS: opts.warmupS });
  for (const concurrency of opts.concurrencies) {
    progress(`[${c.name}] non-streaming c=${concurrency} for ${opts.durationS} s`);
    const { value, proc } = await sampled(c.pid, () => runJsonPoint({ ...target, concurrency, durationS: opts.durationS }));
    result.json.push({ concurrency, ...value, proc });
  }
  if (!streams) return result;
  for (const concurrency of opts.concurrencies) {
    progress(`[${c.name}] streams of ${opts.streamChunks} chunks c=${concurrency} for ${opts.durationS} s`);
    const { value, proc } = await sampled(c.pid, () => runStreamPoint({ ...target, model: 'bench', concurrency, durationS: opts.durationS }));
    result.stream.push({ concurrency, ...summarizeStreams(value), proc });
  }
  return result;
}

async function sampled<T>(pid: number | null, run: () => Promise<T>): Promise<{ value: T; proc: ProcUsage | null }> {
  const sampler = pid === null ? null : new ProcSampler(pid);
  let value: T;
  try {
    value = await run();
  } catch (error) {
    sampler?.stop();
    throw error;
  }
  return { value, proc: sampler?.stop() ?? null };
}

async function probeJson(c: Contender): Promise<FirstAnswer> {
  try {
    const res = await request(`${c.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...c.headers },
      body: JSON_BODY,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    return { status: res.statusCode, body: await res.body.text() };
  } catch (error) {
    return { status: 0, body: '', error: (error as Error).message };
  }
}

async function probeStream(c: Contender): Promise<StreamProbe> {
  const dispatcher = new Agent({ connections: 1 });
  try {
    const r = await runStream({ baseUrl: c.baseUrl, headers: c.headers, model: 'bench', dispatcher });
    return { status: r.status, events: r.events.length, done: r.done, ...(r.error ? { error: r.error } : {}) };
  } finally {
    await dispatcher.close();
  }
}
