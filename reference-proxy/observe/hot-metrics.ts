// Counters and histograms for the metrics every request updates, registered in a prom-client
// Registry like its own and rendered the same way on /metrics. prom-client checks and sorts a
// label set on every inc() and observe(); these find their series by the label values, in the
// order of labelNames, which the types already check.
import type { Registry } from 'prom-client';

interface MetricOptions<T extends string> {
  name: string;
  help: string;
  labelNames: readonly T[];
  registers: Registry[];
}

type Labels<T extends string> = Record<T, string>;

interface ExportedValue {
  labels: Record<string, string | number>;
  sharedLabels?: Record<string, string>;
  value: number;
  metricName?: string;
}

/** The shape prom-client's Registry reads from a metric (what its own metrics return from get()). */
interface ExportedMetric {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: ExportedValue[];
  aggregator: 'sum';
}

abstract class HotMetric<T extends string, S> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum';
  protected readonly labelNames: readonly T[];
  protected series = new Map<string, { labels: Labels<T>; state: S }>();
  /** label value → … → series, one level per label: no key string is built per update */
  private index = new Map<string, unknown>();

  constructor(o: MetricOptions<T>) {
    this.name = o.name;
    this.help = o.help;
    this.labelNames = o.labelNames;
    for (const registry of o.registers) registry.registerMetric(this as never);
  }

  reset(): void {
    this.series = new Map();
    this.index = new Map();
  }

  /** The series of a label set, created on first use. */
  protected find(labels: Labels<T>): S {
    const names = this.labelNames;
    const last = names.length - 1;
    let level = this.index;
    for (let i = 0; i < last; i++) {
      const value = labels[names[i]];
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const found = level.get(labels[names[last]]) as S | undefined;
    return found ?? this.create(labels, level);
  }

  private create(labels: Labels<T>, level: Map<string, unknown>): S {
    const state = this.fresh();
    const copy = { ...labels };
    this.series.set(this.labelNames.map((n) => labels[n]).join('\u0001'), { labels: copy, state });
    level.set(labels[this.labelNames[this.labelNames.length - 1]], state);
    return state;
  }

  protected abstract fresh(): S;
}

export class HotCounter<T extends string> extends HotMetric<T, { value: number }> {
  readonly type = 'counter';

  inc(labels: Labels<T>, value = 1): void {
    this.find(labels).value += value;
  }

  async get(): Promise<ExportedMetric> {
    const values = [...this.series.values()].map((s) => ({ labels: s.labels, value: s.state.value }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  protected fresh() {
    return { value: 0 };
  }
}

export class HotHistogram<T extends string> extends HotMetric<T, { counts: number[]; sum: number; count: number }> {
  readonly type = 'histogram';
  private readonly buckets: readonly number[];

  constructor(o: MetricOptions<T> & { buckets: readonly number[] }) {
    super(o);
    this.buckets = [...o.buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels<T>, value: number): void {
    const s = this.find(labels);
    s.sum += value;
    s.count += 1;
    const { buckets } = this;
    for (let i = 0; i < buckets.length; i++) {
      if (value <= buckets[i]) {
        s.counts[i] += 1;
        return;
      }
    }
  }

  /** What the Registry renders: cumulative buckets, +Inf, sum and count, the series' labels after `le` (as prom-client's own). */
  async getForPromString(): Promise<ExportedMetric> {
    const values: ExportedValue[] = [];
    const bucket = `${this.name}_bucket`;
    for (const { labels, state } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += state.counts[i];
        values.push({ labels: { le }, sharedLabels: labels, value: cumulative, metricName: bucket });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: labels, value: state.count, metricName: bucket });
      values.push({ labels: {}, sharedLabels: labels, value: state.sum, metricName: `${this.name}_sum` });
      values.push({ labels: {}, sharedLabels: labels, value: state.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** The same, each value's labels whole (the Registry's JSON export). */
  async get(): Promise<ExportedMetric> {
    const metric = await this.getForPromString();
    metric.values = metric.values.map(({ labels, sharedLabels, value, metricName }) => ({ labels: { ...labels, ...sharedLabels }, value, metricName }));
    return metric;
  }

  protected fresh() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }
}
