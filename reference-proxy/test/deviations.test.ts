// Conformant by default: the whole conformance suite, through the proxy with a config that has
// no `profile:` line, in front of a backend making one deviation at a time (an emulator quirk).
// Each deviation the proxy can repair in flight must be invisible to the suite at --fail-on
// should, and the repair must show in dropin_repairs_total under its kind. The suite's own error
// requests are answered by the proxy before any backend sees them, so for the error deviations
// one request the backend itself rejects (temperature out of range) is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type QuirkName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { runSuite } from '../../conformance/run/run-suite.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy, type RunningProxy } from '../index.ts';
import type { RepairKind } from '../normalize/repairs.ts';
import { chatBody, postChat } from './helpers/proxy.ts';

const MODEL = 'dropin-emulator-1';
const BACKEND_REJECTS = ['error-flat', 'error-string'];

/**
 * The 20 deviations of issue 10 → the repair that fixes each. None for the two that never reach
 * a client through the proxy: it parses the request itself (a malformed body gets its 400, not
 * the backend's 500) and lists models from its config (no `data: null`).
 */
const DEVIATIONS: Array<[QuirkName, RepairKind[]]> = [
  ['no-done', ['done_appended']],
  ['no-finish-reason', ['finish_synthesized']],
  ['chunk-object-wrong', ['object_fixed']],
  ['chunk-id-changes', ['id_pinned']],
  ['created-changes', ['created_pinned']],
  ['role-every-chunk', ['role_fixed']],
  ['usage-no-choices', ['usage_choices_added']],
  ['usage-unrequested', ['usage_dropped']],
  ['tool-index-missing', ['tool_index_added']],
  ['tool-index-zero', ['tool_index_split']],
  ['tool-id-repeated', ['tool_fields_deduplicated']],
  ['tool-finish-stop', ['finish_reason_reconciled']],
  ['arguments-object', ['arguments_stringified']],
  ['finish-reason-nonstandard', ['finish_reason_mapped']],
  ['created-float', ['created_integer']],
  ['error-flat', ['error_envelope']],
  ['error-string', ['error_envelope']],
  ['bad-json-500', []],
  ['content-type-json-stream', ['stream_content_type']],
  ['models-data-null', []],
];

describe('the suite through the proxy, default config, one deviation at a time', () => {
  it('covers the 20 deviations of issue 10', () => {
    expect(new Set(DEVIATIONS.map(([q]) => q)).size).toBe(20);
  });

  describe.each(DEVIATIONS)('%s', (quirk, repairs) => {
    let emulator: RunningEmulator;
    let proxy: RunningProxy;
    beforeAll(async () => {
      emulator = await startEmulator({ quirks: [quirk], models: [MODEL] });
      const config = parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'b', baseUrl: emulator.url, models: [MODEL] }] });
      proxy = await startProxy(config, { log: () => {} });
    });
    afterAll(async () => {
      await proxy.close();
      await emulator.close();
    });

    it('passes every MUST and SHOULD check, and counts the repair', async () => {
      const run = await runSuite([{ name: `proxy→${quirk}`, kind: 'url', baseUrl: `${proxy.url}/v1`, model: MODEL }], { failOn: 'should' });
      const target = run.targets[0];
      expect(target.error).toBeUndefined();
      const bad = target.checks.filter((c) => c.status === 'error' || (c.status === 'fail' && c.level !== 'MAY'));
      expect(bad.map((c) => `${c.id} (${c.scenario}): ${c.message}`)).toEqual([]);
      expect(run.exitCode).toBe(0);
      if (BACKEND_REJECTS.includes(quirk)) {
        const res = await postChat(proxy, chatBody({ model: MODEL, temperature: 3 }));
        expect(res.status).toBe(400);
        // a string error body carries only the message: the param cannot be recovered
        const param = quirk === 'error-string' ? null : 'temperature';
        expect(await res.json()).toEqual({ error: { message: expect.stringContaining('temperature'), type: 'invalid_request_error', param, code: null } });
      }
      const metrics = await proxy.metrics.getSingleMetricAsString('dropin_repairs_total');
      for (const kind of repairs) expect(metrics).toMatch(new RegExp(`dropin_repairs_total\\{backend="b",kind="${kind}"\\} [1-9]`));
    }, 30_000);
  });
});
