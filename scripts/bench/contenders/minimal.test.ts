// The floors as real processes: node-minimal under Node and bun-minimal under Bun, in front of a
// real upstream, answer a completion, relay a stream event by event, and cancel the upstream
// request when their client goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNumberedUpstream, type NumberedUpstream } from '../../load/numbered-upstream.ts';
import { JSON_BODY } from '../json-load.ts';
import { runStream } from '../stream-client.ts';
import { completionJson } from '../upstream-body.ts';
import { startUpstream, type Upstream } from '../upstream.ts';
import type { Contender } from './contender.ts';
import { startMinimal } from './minimal.ts';

const paths = { repoRoot: resolve(fileURLToPath(new URL('../../..', import.meta.url))), workDir: mkdtempSync(join(tmpdir(), 'bench-minimal-')) };
let upstream: Upstream;
let numbered: NumberedUpstream;
const closed = new Set<string>();
beforeAll(async () => {
  upstream = await startUpstream({ chunks: 5, delayMs: 1 });
  numbered = await startNumberedUpstream({ chunks: 1_000, delayMs: 20, onClosedEarly: (id) => closed.add(id) });
});
afterAll(async () => {
  await upstream.close();
  await numbered.close();
  rmSync(paths.workDir, { recursive: true, force: true });
});

describe.each(['node', 'bun'] as const)('%s-minimal', (runtime) => {
  let proxy: Contender;
  let aborting: Contender;
  beforeAll(async () => {
    proxy = await startMinimal(runtime, paths, upstream.port);
    aborting = await startMinimal(runtime, paths, Number(new URL(numbered.baseUrl).port));
  });
  afterAll(async () => {
    await proxy?.stop();
    await aborting?.stop();
  });

  it("passes the upstream's answer through unchanged", async () => {
    const res = await request(`${proxy.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON_BODY });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.text()).toBe(completionJson('bench'));
  });

  it('relays a stream with every event and [DONE]', async () => {
    const dispatcher = new Agent({ connections: 1 });
    const r = await runStream({ baseUrl: proxy.baseUrl, headers: {}, model: 'bench-7x2ms', dispatcher });
    await dispatcher.close();
    expect(r).toMatchObject({ status: 200, done: true });
    expect(r.events.length).toBe(7);
    expect(r.events.every((e) => e.sentUs !== null)).toBe(true);
  });

  it('cancels the upstream request when the client aborts', async () => {
    const dispatcher = new Agent({ connections: 1 });
    const abort = new AbortController();
    const id = `${runtime}-abort`;
    const r = runStream({ baseUrl: aborting.baseUrl, headers: {}, model: 'load-model', dispatcher, signal: abort.signal, streamId: id, onFirstEvent: () => abort.abort() });
    await r;
    await dispatcher.destroy();
    // the upstream notices the close on its own schedule; wait for it without timing it
    for (let i = 0; i < 200 && !closed.has(id); i++) await new Promise((done) => setTimeout(done, 25));
    expect(closed.has(id)).toBe(true);
  });
});
