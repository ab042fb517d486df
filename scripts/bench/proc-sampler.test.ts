import { describe, expect, it } from 'vitest';
import { ProcSampler } from './proc-sampler.ts';

describe('ProcSampler', () => {
  it("samples this process's memory and counts the CPU it burns", async () => {
    const sampler = new ProcSampler(process.pid);
    const until = performance.now() + 300;
    while (performance.now() < until) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 250));
    const usage = sampler.stop();
    expect(usage.rssPeakMb).toBeGreaterThanOrEqual(usage.rssEndMb);
    expect(usage.rssEndMb).toBeGreaterThan(10);
    expect(usage.cpuPercent).toBeGreaterThan(10);
  });
});
