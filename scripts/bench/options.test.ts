import { describe, expect, it } from 'vitest';
import { BenchUsageError, resolveOptions } from './options.ts';

describe('resolveOptions', () => {
  it('defaults to 5 s points at c=1,16,64,256 for every contender, with the hold test', () => {
    const o = resolveOptions({});
    expect(o).toMatchObject({ quick: false, durationS: 5, concurrencies: [1, 16, 64, 256], contenders: ['direct', 'nginx', 'node-minimal', 'bun-minimal', 'portkey', 'dropin', 'dropin-generic', 'dropin-bun'], holdStreams: 1000, holdS: 5, streamChunks: 50, chunkDelayMs: 10 });
  });
  it('--quick shortens points and drops concurrencies, but a flag still wins', () => {
    expect(resolveOptions({ quick: true })).toMatchObject({ durationS: 1, concurrencies: [1, 64], holdS: 1 });
    expect(resolveOptions({ quick: true, duration: '2' }).durationS).toBe(2);
  });
  it('always runs direct, first, whatever --only says', () => {
    expect(resolveOptions({ only: 'dropin,nginx' }).contenders).toEqual(['direct', 'nginx', 'dropin']);
  });
  it('runs each floor before the proxies measured against it, whatever order --only gives', () => {
    expect(resolveOptions({ only: 'dropin-bun,dropin,bun-minimal,node-minimal' }).contenders).toEqual(['direct', 'node-minimal', 'bun-minimal', 'dropin', 'dropin-bun']);
  });
  it('publishes to docs/bench only a full run: every contender, every default point, the hold', () => {
    expect(resolveOptions({}).publish).toBe(true);
    expect(resolveOptions({ quick: true }).publish).toBe(false);
    expect(resolveOptions({ only: 'dropin' }).publish).toBe(false);
    expect(resolveOptions({ duration: '3' }).publish).toBe(false);
    expect(resolveOptions({ concurrency: '1' }).publish).toBe(false);
    expect(resolveOptions({ hold: false }).publish).toBe(false);
  });
  it('--no-hold turns the hold test off', () => expect(resolveOptions({ hold: false }).holdStreams).toBe(0));
  it('names the flag and the choices when a value is wrong', () => {
    expect(() => resolveOptions({ only: 'haproxy' })).toThrow(/--only: unknown contender "haproxy"; choose from direct, nginx, node-minimal, bun-minimal, portkey, dropin, dropin-generic, dropin-bun/);
    expect(() => resolveOptions({ concurrency: '1,x' })).toThrow(BenchUsageError);
    expect(() => resolveOptions({ duration: '0' })).toThrow(/--duration must be a positive number/);
  });
});
