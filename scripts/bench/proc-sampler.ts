// Samples RSS and CPU time of a process (and its direct children, for nginx's workers) from /proc
// while a bench point runs.
import { readFileSync } from 'node:fs';
import { childPids, cpuTicks, rssBytes } from './proc-stat.ts';

export interface ProcUsage {
  rssPeakMb: number;
  rssEndMb: number;
  /** CPU time over wall time, in percent of one core */
  cpuPercent: number;
  /** CPU time used during the point, user and system */
  cpuSeconds: number;
}

/** Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream architecture. */
const TICKS_PER_SECOND = 100;
const INTERVAL_MS = 200;

interface Reading {
  rss: number;
  ticks: number;
  atMs: number;
}

export class ProcSampler {
  private readonly first: Reading;
  private last: Reading;
  private peakRss: number;
  private readonly timer: NodeJS.Timeout;

  private readonly pid: number;

  constructor(pid: number) {
    this.pid = pid;
    this.first = this.read();
    this.last = this.first;
    this.peakRss = this.first.rss;
    this.timer = setInterval(() => this.sample(), INTERVAL_MS);
  }

  stop(): ProcUsage {
    clearInterval(this.timer);
    this.sample();
    const wallS = (this.last.atMs - this.first.atMs) / 1000;
    const cpuS = (this.last.ticks - this.first.ticks) / TICKS_PER_SECOND;
    return {
      rssPeakMb: this.peakRss / 2 ** 20,
      rssEndMb: this.last.rss / 2 ** 20,
      cpuPercent: wallS > 0 ? (100 * cpuS) / wallS : 0,
      cpuSeconds: cpuS,
    };
  }

  private sample(): void {
    try {
      this.last = this.read();
      this.peakRss = Math.max(this.peakRss, this.last.rss);
    } catch {
      // the process exited between two samples; keep the last reading
    }
  }

  private read(): Reading {
    const pids = [this.pid, ...childPids(readOr(`/proc/${this.pid}/task/${this.pid}/children`, ''))];
    let rss = 0;
    let ticks = 0;
    for (const pid of pids) {
      rss += rssBytes(readOr(`/proc/${pid}/status`, ''));
      ticks += cpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    }
    return { rss, ticks, atMs: performance.now() };
  }
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
