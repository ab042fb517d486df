// Where a profiled proxy's CPU time goes, per request: self time by category (dropin's own code
// by file, prom-client, undici, node:http, GC, ...) and the candidates issue 14 names for the
// optimisation work, each measured from the same profile. V8's sampler shows no frames for
// builtins such as JSON.parse or JSON.stringify: their time is the self time of the function that
// calls them, so a candidate that is a JSON call is measured as the self time of its caller,
// chosen where that caller does little else.
import type { CpuProfile } from './cpu-profile-summary.ts';

type Frame = CpuProfile['nodes'][number]['callFrame'];

export interface CostLine {
  /** a category, a candidate, or a file of this repository (own code) */
  name: string;
  /** sampled time, wall clock */
  ms: number;
  /** µs per request served during the profile: its share of the CPU time /proc counted, or of the sampled time without that */
  usPerRequest: number;
  /** of the busy (non-idle) time */
  share: number;
}

export interface CostBreakdown {
  requests: number;
  busyMs: number;
  /**
   * Sampled busy time per request. The sampler runs on the wall clock: time the proxy spent
   * descheduled on a shared machine lands on whatever function was running, so this exceeds the
   * CPU time; the shares are what a profile measures well.
   */
  busyUsPerRequest: number;
  /** what usPerRequest is a share of: the CPU time per request from /proc, or the sampled time */
  basis: 'cpu' | 'wall';
  categories: CostLine[];
  /** the candidates, largest first; they may overlap (a log write is also a socket write) */
  candidates: Array<CostLine & { how: string }>;
}

interface Candidate {
  name: string;
  how: string;
  /** self: the leaf frame matches; inclusive: any frame of the stack does */
  scope: 'self' | 'inclusive';
  match: (f: Frame, path: string) => boolean;
}

const inFile = (file: string, fns?: string[]) => (f: Frame, path: string) => path === file && (!fns || fns.includes(f.functionName));
const nativeNamed = (names: string[]) => (f: Frame) => f.url === '' && names.includes(f.functionName);

export const CANDIDATES: Candidate[] = [
  { name: 'request JSON parse', how: 'self time of readJsonBody and its depth scan (reference-proxy/handlers/read-body.ts): JSON.parse of the body', scope: 'self', match: inFile('reference-proxy/handlers/read-body.ts', ['readJsonBody', 'nestedDeeperThan']) },
  { name: 'request re-serialised for the upstream', how: 'self time of callUpstream (reference-proxy/upstream/call.ts): JSON.stringify of the routed request', scope: 'self', match: inFile('reference-proxy/upstream/call.ts', ['callUpstream']) },
  { name: 'answer parsed (and re-serialised when changed)', how: 'self time of answerChat (reference-proxy/endpoints/chat/answer.ts): JSON.parse of the answer; JSON.stringify only when it was normalised or filtered', scope: 'self', match: inFile('reference-proxy/endpoints/chat/answer.ts', ['answerChat']) },
  { name: 'per-request allocations (GC)', how: "V8's garbage collector, self time", scope: 'self', match: (f) => f.functionName === '(garbage collector)' },
  { name: 'histogram observe', how: "everything under prom-client's lib/histogram.js", scope: 'inclusive', match: (_f, path) => path.endsWith('node_modules/prom-client/lib/histogram.js') },
  { name: 'metrics, all of prom-client', how: 'everything under node_modules/prom-client (counters and histograms)', scope: 'inclusive', match: (_f, path) => path.includes('node_modules/prom-client/') },
  { name: 'the log line', how: 'everything under observe/request-log.ts and observe/line-buffer.ts: formatting (JSON.stringify, toISOString) and the batched write to stdout', scope: 'inclusive', match: (_f, path) => path === 'reference-proxy/observe/request-log.ts' || path === 'reference-proxy/observe/line-buffer.ts' },
  { name: 'promise chains', how: 'self time of the microtask and tick queues (runMicrotasks, processTicksAndRejections, node:internal/process/task_queues)', scope: 'self', match: (f, path) => nativeNamed(['runMicrotasks', 'enqueueMicrotask'])(f) || path === 'node:internal/process/task_queues' },
  { name: 'per-request closures (__name)', how: "self time of tsx's __name helper, called for every closure created (esbuild keepNames); the closures' allocation itself is in GC", scope: 'self', match: (f) => f.functionName === '__name' },
  { name: 'socket writes', how: 'self time of the native writes (writeUtf8String, writev, writeBuffer): the answers, the upstream requests and the log', scope: 'self', match: nativeNamed(['writeUtf8String', 'writev', 'writeBuffer', 'writeLatin1String']) },
];

/** `cpuUsPerRequest`: the proxy's CPU time per request during the profile, from /proc, to spread by the shares. */
export function costBreakdown(profile: CpuProfile, requests: number, repoRoot: string, cpuUsPerRequest?: number | null, topFiles = 12): CostBreakdown {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const categories = new Map<string, number>();
  const candidates = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const leaf = frames.get(id);
    if (!leaf || leaf.functionName === '(idle)') return;
    const stack = stackOf(id, frames, parents);
    if (stack.some(isProfilerItself)) return;
    busyUs += us;
    add(categories, categoryOf(leaf, repoRoot), us);
    for (const c of CANDIDATES) {
      const hit = c.scope === 'self' ? c.match(leaf, pathOf(leaf.url, repoRoot)) : stack.some((f) => c.match(f, pathOf(f.url, repoRoot)));
      if (hit) add(candidates, c.name, us);
    }
  });
  const perRequest = (us: number) => (cpuUsPerRequest != null && busyUs > 0 ? (cpuUsPerRequest * us) / busyUs : requests > 0 ? us / requests : 0);
  const line = (name: string, us: number): CostLine => ({ name, ms: us / 1000, usPerRequest: perRequest(us), share: busyUs > 0 ? us / busyUs : 0 });
  const ranked = [...categories.entries()].sort((a, b) => b[1] - a[1]);
  // the proxy's own files beyond the top few are summed, so the list stays readable
  const rest = ranked.filter(([name]) => isOwnFile(name)).slice(topFiles);
  const kept = ranked.filter(([name]) => !rest.some(([r]) => r === name));
  if (rest.length > 0) kept.push([OTHER_OWN_FILES, rest.reduce((s, [, us]) => s + us, 0)]);
  return {
    requests,
    busyMs: busyUs / 1000,
    busyUsPerRequest: requests > 0 ? busyUs / requests : 0,
    basis: cpuUsPerRequest != null ? 'cpu' : 'wall',
    categories: kept.sort((a, b) => b[1] - a[1]).map(([name, us]) => line(name, us)),
    candidates: CANDIDATES.map((c) => ({ ...line(c.name, candidates.get(c.name) ?? 0), how: c.how })).sort((a, b) => b.ms - a.ms),
  };
}

export const OTHER_OWN_FILES = 'other files of this repository';

/** A category that is one file of this repository: the proxy's own code. */
export function isOwnFile(category: string): boolean {
  return /^(reference-proxy|conformance|fixtures|scripts)\//.test(category) || category === OTHER_OWN_FILES;
}

/** One category per leaf frame: the proxy's own files one by one, packages, Node's HTTP, streams and net, GC, native. */
export function categoryOf(f: Frame, repoRoot: string): string {
  const path = pathOf(f.url, repoRoot);
  if (f.url === '') {
    if (f.functionName === '(garbage collector)') return 'GC';
    if (f.functionName === '(program)') return '(program): V8 outside JavaScript';
    if (['writeUtf8String', 'writev', 'writeBuffer', 'writeLatin1String'].includes(f.functionName)) return 'native: socket and pipe writes';
    return 'native: other';
  }
  if (f.url.startsWith('wasm:')) return "undici's llhttp (wasm)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) {
    if (/^node:(_http_|http$|internal\/http)/.test(path)) return 'node:http';
    if (/^node:(internal\/streams\/|stream$)/.test(path)) return 'node: streams';
    if (/^node:(net$|internal\/net|internal\/stream_base_commons)/.test(path)) return 'node: net';
    return 'node: other internals';
  }
  return path;
}

/** The profiler's own start and stop (the inspector session the bench preloads) is not the proxy's cost. */
function isProfilerItself(f: Frame): boolean {
  return f.url === 'node:inspector' || f.url.endsWith('/cpu-prof-window.mjs');
}

function pathOf(url: string, repoRoot: string): string {
  const path = url.replace(/^file:\/\//, '');
  return repoRoot && path.startsWith(`${repoRoot}/`) ? path.slice(repoRoot.length + 1) : path;
}

function stackOf(id: number, frames: Map<number, Frame>, parents: Map<number, number>): Frame[] {
  const out: Frame[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const f = frames.get(at);
    if (f) out.push(f);
  }
  return out;
}

function add(m: Map<string, number>, key: string, us: number): void {
  m.set(key, (m.get(key) ?? 0) + us);
}
