import { describe, expect, it } from 'vitest';
import { jsonExchange } from '../checks/test-exchange.ts';
import { fail, pass } from '../checks/verdict.ts';
import type { Check, Exchange, Scenario } from '../types.ts';
import { judgeScenario } from './judge.ts';

const check = (id: string, run: Check['run'], level: Check['level'] = 'MUST', kind: Check['kind'] = 'protocol'): Check => ({
  id, capability: 'chat', level, title: id, spec: 's', kind, consequence: 'c', evidence: 'e', run,
});
const scenario = (behaviourChecks: Check[] = [], featureParams?: string[]): Scenario => ({
  id: 'chat.x', capability: 'chat', title: 't', kind: 'behaviour',
  build: () => ({ method: 'POST', path: '/chat/completions', body: {} }),
  protocolChecks: [], behaviourChecks, featureParams,
});
const judged = (...exchanges: Exchange[]) => exchanges.map((exchange, i) => ({ id: `chat.x#${i + 1}`, exchange, request: {} }));
const ok = jsonExchange({ ok: true });
const bad = jsonExchange({ ok: false });
const okIs = check('chat.ok', (i) => ((i.exchange.json as { ok: boolean }).ok ? pass() : fail('not ok', { expected: 'ok', received: 'not ok' })), 'MUST', 'behaviour');

describe('judgeScenario', () => {
  it('decides protocol checks on the first exchange only', () => {
    const [r] = judgeScenario(scenario(), [check('chat.p', (i) => (i.exchange === ok ? pass() : fail('x')))], judged(ok, bad), 'm');
    expect(r).toMatchObject({ id: 'chat.p', status: 'pass', exchanges: ['chat.x#1'] });
  });

  it('runs behaviour checks on every repeat and reports the pass rate and pass^k', () => {
    const [r] = judgeScenario(scenario([okIs]), [], judged(ok, bad, ok), 'm');
    expect(r.status).toBe('fail');
    expect(r.repeat).toEqual({ runs: 3, passed: 2, passRate: 2 / 3, passAll: false });
    expect(r.message).toMatch(/^2\/3 runs passed \(pass\^3 false\)/);
    expect(r.expected).toBe('ok');
    const [all] = judgeScenario(scenario([okIs]), [], judged(ok, ok), 'm');
    expect(all).toMatchObject({ status: 'pass', repeat: { runs: 2, passed: 2, passAll: true } });
  });

  it('turns a failed MAY into a warning', () => {
    const [r] = judgeScenario(scenario(), [check('chat.may', () => fail('advice'), 'MAY')], judged(ok), 'm');
    expect(r.status).toBe('warn');
  });

  it('skips every check of a cleanly unsupported feature', () => {
    const rejected = jsonExchange({ error: { message: 'n is not supported', type: 'invalid_request_error', param: 'n', code: null } }, { status: 400 });
    const results = judgeScenario(scenario([okIs], ['n']), [check('chat.p', () => pass())], judged(rejected), 'm');
    expect(results.map((r) => r.status)).toEqual(['skip', 'skip']);
    expect(results[0].message).toMatch(/unsupported/);
  });

  it('reports error, not fail, when no response arrived or a check threw', () => {
    const lost: Exchange = { ...ok, status: undefined, transportError: { kind: 'connect', message: 'ECONNREFUSED' } };
    expect(judgeScenario(scenario([okIs]), [], judged(lost), 'm')[0]).toMatchObject({ status: 'error', message: /connect: ECONNREFUSED/ });
    const [thrown] = judgeScenario(scenario(), [check('chat.boom', () => { throw new Error('bug'); })], judged(ok), 'm');
    expect(thrown).toMatchObject({ status: 'error', message: /check chat.boom threw: bug/ });
  });

  it('judges a two-turn exchange on its second turn, with the first as previous and both as evidence', () => {
    const first = jsonExchange({ id: 'resp_1' });
    const seen: unknown[] = [];
    const probe = check('chat.turns', (i) => (seen.push(i.previous?.exchange), pass()));
    const [r] = judgeScenario(scenario(), [probe], [{ id: 'chat.x#1', exchange: ok, request: {}, previous: { id: 'chat.x#1/turn1', exchange: first, request: {} } }], 'm');
    expect(seen).toEqual([first]);
    expect(r.exchanges).toEqual(['chat.x#1/turn1', 'chat.x#1']);
  });

  it('skips an optional endpoint the server does not serve, on the first turn only', () => {
    const optional = { ...scenario([okIs]), optionalEndpoint: true, unsupportedNote: 'Clients of it fail.' };
    const missing = jsonExchange('404 page not found', { status: 404, path: '/responses', request: {} });
    const [skipped] = judgeScenario(optional, [], judged(missing), 'm');
    expect(skipped).toMatchObject({ status: 'skip', message: /^unsupported: the endpoint does not serve .*Clients of it fail\.$/ });
    const notFound = jsonExchange({ error: { message: "Response with id 'resp_1' not found.", type: 'invalid_request_error', param: 'response_id', code: null } }, { status: 404 });
    const [judgedSecond] = judgeScenario(optional, [], [{ id: 'x#1', exchange: notFound, request: {}, previous: { id: 'x#1/turn1', exchange: ok, request: {} } }], 'm');
    expect(judgedSecond.status).toBe('fail');
  });
});
