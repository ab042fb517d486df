import { describe, expect, it } from 'vitest';
import { ProcSampler } from './proc-sampler.ts';

describe('ProcSampler', () => {
  it("samples this process's memory and counts the CPU it burns", async () => {
    // burn a fixed amount of CPU time, not of wall time: on a busy machine this process gets only a
    // share of a core, and the sampler must report that share, whatever it is
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const sampler = new ProcSampler(process.pid);
    const cpuMs = () => {
      const d = process.cpuUsage(cpuBefore);
      return (d.user + d.system) / 1000;
    };
    while (cpuMs() < 300) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 250));
    const usage = sampler.stop();
    const expected = (100 * cpuMs()) / (performance.now() - wallBefore);
    expect(usage.rssPeakMb).toBeGreaterThanOrEqual(usage.rssEndMb);
    expect(usage.rssEndMb).toBeGreaterThan(10);
    // /proc counts in 10 ms ticks: allow two ticks either side, and the readings' few ms apart
    expect(usage.cpuPercent).toBeGreaterThan(expected * 0.8 - 5);
    expect(usage.cpuPercent).toBeLessThan(expected * 1.2 + 5);
  });
});
