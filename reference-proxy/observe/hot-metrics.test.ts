import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HotCounter, HotHistogram } from './hot-metrics.ts';

/** The same observations through prom-client's own metrics and through the hot ones, rendered by one Registry each. */
async function both(feed: (c: { inc(l: Record<string, string>, v?: number): void }, h: { observe(l: Record<string, string>, v: number): void }) => void) {
  const theirs = new Registry();
  const ours = new Registry();
  const buckets = [0.05, 0.1, 1, 10];
  feed(
    new Counter({ name: 'x_total', help: 'a counter', labelNames: ['route', 'status'], registers: [theirs] }),
    new Histogram({ name: 'x_seconds', help: 'a histogram', labelNames: ['route'], buckets, registers: [theirs] }),
  );
  feed(
    new HotCounter({ name: 'x_total', help: 'a counter', labelNames: ['route', 'status'], registers: [ours] }),
    new HotHistogram({ name: 'x_seconds', help: 'a histogram', labelNames: ['route'], buckets, registers: [ours] }),
  );
  return { theirs, ours };
}

describe('hot metrics', () => {
  it("render on /metrics exactly as prom-client's counter and histogram do", async () => {
    const { theirs, ours } = await both((c, h) => {
      c.inc({ route: '/v1/chat/completions', status: '200' });
      c.inc({ route: '/v1/chat/completions', status: '200' }, 2);
      c.inc({ status: '502', route: '/v1/chat/completions' });
      c.inc({ route: 'other', status: '404' }, 0);
      for (const v of [0.01, 0.05, 0.07, 3, 99]) h.observe({ route: '/v1/chat/completions' }, v);
      h.observe({ route: 'a "quoted"\\path' }, 0.2);
    });
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain('x_seconds_bucket{le="0.1",route="/v1/chat/completions"} 3');
    expect(text).toContain('x_total{route="/v1/chat/completions",status="200"} 3');
  });

  it("export the same JSON as prom-client's, and reset", async () => {
    const { theirs, ours } = await both((c, h) => {
      c.inc({ route: 'r', status: '200' });
      h.observe({ route: 'r' }, 0.5);
    });
    // prom-client adds an empty exemplar to each histogram value; exemplars are off in both
    const withoutExemplars = (metrics: Awaited<ReturnType<Registry['getMetricsAsJSON']>>) =>
      metrics.map((m) => ({ ...m, values: m.values.map((v) => ({ ...v, exemplar: undefined })) }));
    expect(withoutExemplars(await ours.getMetricsAsJSON())).toEqual(withoutExemplars(await theirs.getMetricsAsJSON()));
    ours.resetMetrics();
    expect(await ours.metrics()).toBe('# HELP x_total a counter\n# TYPE x_total counter\n\n# HELP x_seconds a histogram\n# TYPE x_seconds histogram\n');
  });
});
