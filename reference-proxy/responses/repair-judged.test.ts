// The pass-through repairers judged by the suite's own checks on the bytes of the emulator's
// deviating Responses servers: every quirk (and every profile) that is about the wire shape comes
// out with no failing check, streamed and not; conformant answers come out byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type ProfileName, type QuirkName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { responsesIncompleteStatus } from '../../conformance/checks/responses/incomplete-status.ts';
import { RESPONSES_QUIRKS } from '../../fixtures/emulator/responses/quirks.ts';
import { SseSplitter } from '../normalize/sse.ts';
import { countingIds } from './ids.ts';
import { BODY_CHECKS, bodyInput, eventsOf, failures, STREAM_CHECKS, streamInput } from './judge.fixtures.ts';
import { repairResponseBody } from './repair-body.ts';
import { ResponsesStreamRepairer } from './repair-stream.ts';
import type { Json } from './types.ts';

const MODEL = 'dropin-emulator-1';
const WEATHER = { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: true };
const TIME = { type: 'function', name: 'get_time', parameters: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] }, strict: true };
/** the shapes of answer the suite's scenarios get: text, a cut answer, parallel calls, reasoning-free JSON */
const REQUESTS: Json[] = [
  { model: MODEL, input: 'Say hello', max_output_tokens: 32 },
  { model: MODEL, input: 'Count from 1 to 100', max_output_tokens: 16 },
  { model: MODEL, input: 'Weather and time in Paris?', tools: [WEATHER, TIME], tool_choice: 'required' },
  { model: MODEL, instructions: 'Answer with the single word "pineapple".', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Sky?' }] }] },
];
/** an invalid item: refused, in a 4xx or inside a 200 stream depending on the server */
const INVALID = { model: MODEL, input: [{ type: 'dropin_no_such_item', text: 'hi' }] };
/** the checks for one request: the cut answer is also held to its status (unless the stream lost its end, so failed is right) */
const checksFor = (request: Json, base: typeof STREAM_CHECKS, quirk?: string) =>
  request.input === REQUESTS[1].input && quirk !== 'responses-no-terminal' ? [...base, responsesIncompleteStatus] : base;
/** deviations that are not about the shape of an answer: behaviour, state, refusals of the request */
const NOT_SHAPE = /previous-id|item-reference|tool-choice-ignored|json-object|endpoint-missing/;

const emulators = new Map<string, RunningEmulator>();
async function emulatorFor(key: string, opts: { profile?: ProfileName; quirks?: QuirkName[] }): Promise<RunningEmulator> {
  if (!emulators.has(key)) emulators.set(key, await startEmulator(opts));
  return emulators.get(key)!;
}
afterAll(() => Promise.all([...emulators.values()].map((e) => e.close())));

/** The stream as the repairer passes it on; a refusal (not 200) is relayed as an error body, not repaired. */
async function repairedStream(url: string, request: Json): Promise<{ frames: string[]; repairs: Set<string>; raw: string }> {
  const r = await fetch(`${url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...request, stream: true }) });
  const raw = await r.text();
  if (r.status !== 200) return { frames: [], repairs: new Set(), raw: '' };
  const repairer = new ResponsesStreamRepairer({ request: { ...request, stream: true } });
  const splitter = new SseSplitter();
  const frames = [...splitter.push(Buffer.from(raw)).flatMap((d) => repairer.event(d)), ...repairer.end()];
  return { frames, repairs: new Set(repairer.repairs), raw };
}

async function repairedBody(url: string, request: Json): Promise<Json> {
  const r = await fetch(`${url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return repairResponseBody(await r.json(), request);
}

const shapeQuirks = (Object.keys(RESPONSES_QUIRKS) as QuirkName[]).filter((q) => !NOT_SHAPE.test(q));

describe('pass-through repair of Responses backends', () => {
  let spec: RunningEmulator;
  beforeAll(async () => {
    spec = await emulatorFor('spec', {});
  });

  it('a conformant stream passes through byte for byte, only the event: lines written by the proxy', async () => {
    for (const request of REQUESTS) {
      const { frames, repairs, raw } = await repairedStream(spec.url, request);
      expect(frames.join('')).toBe(raw);
      expect([...repairs]).toEqual([]);
    }
  });

  it.each(shapeQuirks)('quirk %s: the repaired stream and body fail no check', async (quirk) => {
    const emulator = await emulatorFor(quirk, { quirks: [quirk] });
    const unrepaired: string[] = [];
    for (const request of [...REQUESTS, INVALID]) {
      const { frames, raw } = await repairedStream(emulator.url, request);
      const streamed = { ...request, stream: true };
      if (raw === '') continue;
      expect(failures(streamInput(frames, streamed), checksFor(request, STREAM_CHECKS, quirk)), `${quirk} ${request.input}`).toEqual([]);
      unrepaired.push(...failures(streamInput([raw], streamed), checksFor(request, STREAM_CHECKS, quirk)));
      if (request === INVALID) continue;
      const answer = await (await fetch(`${emulator.url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })).json();
      expect(failures(bodyInput(repairResponseBody(answer, request), request), checksFor(request, BODY_CHECKS)), `${quirk} ${request.input} (body)`).toEqual([]);
      unrepaired.push(...failures(bodyInput(answer, request), checksFor(request, BODY_CHECKS)));
    }
    // the suite sees the deviation before the repair (legal variations excepted)
    if (!RESPONSES_QUIRKS[quirk as keyof typeof RESPONSES_QUIRKS].legal) expect(unrepaired.length, quirk).toBeGreaterThan(0);
  });

  it.each(['ollama', 'llama.cpp', 'vllm', 'lm-studio'] as ProfileName[])('profile %s: every answer shape comes out conformant', async (profile) => {
    const emulator = await emulatorFor(profile, { profile });
    for (const request of REQUESTS) {
      const { frames } = await repairedStream(emulator.url, request);
      expect(failures(streamInput(frames, { ...request, stream: true }), checksFor(request, STREAM_CHECKS)), `${profile} ${request.input}`).toEqual([]);
      expect(failures(bodyInput(await repairedBody(emulator.url, request), request), checksFor(request, BODY_CHECKS)), `${profile} ${request.input} (body)`).toEqual([]);
    }
  });

  it('the cut answer Ollama calls completed ends incomplete; a stream without its end ends failed', async () => {
    const ollama = await emulatorFor('ollama', { profile: 'ollama' });
    const cut = await repairedStream(ollama.url, REQUESTS[1]);
    expect(eventsOf(cut.frames).at(-1)!.data).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } });
    expect(cut.repairs.has('incomplete_status')).toBe(true);
    const cutBody = await repairedBody(ollama.url, REQUESTS[1]);
    expect(cutBody).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const dying = await emulatorFor('responses-no-terminal', { quirks: ['responses-no-terminal'] });
    const cutOff = eventsOf((await repairedStream(dying.url, REQUESTS[0])).frames);
    expect(cutOff.map((e) => e.name).slice(-2)).toEqual(['error', 'response.failed']);
    expect(cutOff.some((e) => e.name === 'response.completed')).toBe(false);
  });

  it('with the proxy\'s ids, every response and item id is replaced consistently, streamed and not', async () => {
    const ollama = await emulatorFor('ollama', { profile: 'ollama' });
    const request = { ...REQUESTS[2], stream: true };
    const r = await fetch(`${ollama.url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    const repairer = new ResponsesStreamRepairer({ request, newId: countingIds() });
    const frames = [...new SseSplitter().push(Buffer.from(await r.text())).flatMap((d) => repairer.event(d)), ...repairer.end()];
    expect(failures(streamInput(frames, request))).toEqual([]);
    const ids = new Set(eventsOf(frames).flatMap((e) => [e.data.item_id, e.data.item?.id, e.data.response?.id, ...(e.data.response?.output ?? []).map((o: Json) => o.id)]).filter(Boolean));
    expect([...ids].every((id) => /_0{40}/.test(id))).toBe(true);
    expect(repairer.final!.output.map((o: Json) => o.id)).toEqual(eventsOf(frames).filter((e) => e.name === 'response.output_item.added').map((e) => e.data.item.id));
    const body = repairResponseBody({ id: 'resp_1', object: 'response', output: [{ id: 'msg_1', type: 'message', content: [] }] }, REQUESTS[0], { newId: countingIds() });
    expect([body.id, body.output[0].id]).toEqual([`resp_${'1'.padStart(50, '0')}`, `msg_${'2'.padStart(50, '0')}`]);
  });
});
