import { describe, expect, it } from 'vitest';
import type { BackendConfig, Candidate, HealthView } from '../types.ts';
import { balancedOrder, chainOrder, isUsable, seededRandom } from './order-candidates.ts';

function backend(name: string, extra: Partial<BackendConfig> = {}): BackendConfig {
  return { name, baseUrl: `http://127.0.0.1/${name}/v1`, models: ['m'], weight: 1, timeouts: { connectMs: 1, firstByteMs: 1, totalMs: 1 }, profile: 'openai', local: true, ...extra };
}
const cand = (name: string, extra: Partial<BackendConfig> = {}): Candidate => ({ backend: backend(name, extra), model: 'm' });
function health(down: string[] = [], outstanding: Record<string, number> = {}): HealthView {
  return { isAvailable: (b) => !down.includes(b), outstanding: (b) => outstanding[b] ?? 0 };
}
const names = (cs: Candidate[]) => cs.map((c) => c.backend.name);

describe('isUsable', () => {
  it('is false when the circuit is open or the backend is at capacity', () => {
    expect(isUsable(cand('a'), health())).toBe(true);
    expect(isUsable(cand('a'), health(['a']))).toBe(false);
    expect(isUsable(cand('a', { maxConcurrency: 2 }), health([], { a: 1 }))).toBe(true);
    expect(isUsable(cand('a', { maxConcurrency: 2 }), health([], { a: 2 }))).toBe(false);
  });
});

describe('chainOrder', () => {
  it('keeps the configured order and moves unusable backends to the end', () => {
    const chain = [cand('a'), cand('b'), cand('c')];
    expect(names(chainOrder(chain, health()))).toEqual(['a', 'b', 'c']);
    expect(names(chainOrder(chain, health(['a'])))).toEqual(['b', 'c', 'a']);
    expect(names(chainOrder(chain, health(['a', 'b'])))).toEqual(['c', 'a', 'b']);
  });
});

describe('balancedOrder', () => {
  it('prefers the backend with the fewest outstanding requests', () => {
    expect(names(balancedOrder([cand('a'), cand('b'), cand('c')], health([], { a: 3, b: 1, c: 2 })))).toEqual(['b', 'c', 'a']);
  });

  it('weighs outstanding requests by weight', () => {
    expect(names(balancedOrder([cand('small'), cand('big', { weight: 4 })], health([], { small: 1, big: 3 })))).toEqual(['big', 'small']);
  });

  it('puts unhealthy and full backends last, however idle', () => {
    const list = [cand('down'), cand('full', { maxConcurrency: 1 }), cand('busy')];
    expect(names(balancedOrder(list, health(['down'], { full: 1, busy: 9 })))).toEqual(['busy', 'down', 'full']);
  });

  it('breaks ties by a weighted draw that is deterministic for a seed', () => {
    const list = [cand('a'), cand('b', { weight: 3 })];
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 400 }, () => names(balancedOrder(list, health(), random))[0]);
    };
    expect(run(7)).toEqual(run(7));
    const firstB = run(7).filter((n) => n === 'b').length;
    expect(firstB).toBeGreaterThan(250);
    expect(firstB).toBeLessThan(350);
  });

  it('uses the random draw only among equals', () => {
    expect(names(balancedOrder([cand('a'), cand('b')], health([], { a: 1 }), () => 0.999))).toEqual(['b', 'a']);
    expect(names(balancedOrder([cand('a'), cand('b')], health(), sequence([0.1, 0.9])))).toEqual(['b', 'a']);
    expect(names(balancedOrder([cand('a'), cand('b')], health(), sequence([0.9, 0.1])))).toEqual(['a', 'b']);
  });
});

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}
