// Reads a V8 .cpuprofile and says where the time went: self time per function and per source
// area (a package under node_modules, a folder of this repository, or Node's internals).

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  functions: Hotspot[];
  areas: Hotspot[];
}

const IDLE = new Set(['(idle)', '(program)']);

export function summarizeProfile(profile: CpuProfile, top = 15, repoRoot = ''): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id);
    if (!frame) return;
    totalUs += us;
    if (IDLE.has(frame.functionName)) {
      idleUs += us;
      return;
    }
    const where = shortUrl(frame.url, repoRoot);
    add(fns, `${frame.functionName || '(anonymous)'} ${where ? `${where}:${frame.lineNumber + 1}` : ''}`.trim(), us);
    add(areas, areaOf(frame.url, frame.functionName, repoRoot), us);
  });
  const busyUs = totalUs - idleUs;
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return { totalMs: totalUs / 1000, idleMs: idleUs / 1000, functions: rank(fns), areas: rank(areas) };
}

function add(m: Map<string, number>, key: string, us: number): void {
  m.set(key, (m.get(key) ?? 0) + us);
}

function shortUrl(url: string, repoRoot: string): string {
  const path = url.replace(/^file:\/\//, '');
  return repoRoot && path.startsWith(`${repoRoot}/`) ? path.slice(repoRoot.length + 1) : path;
}

/** node_modules/<package>, the first two folders inside the repository, node:internal, or the V8 bucket name. */
export function areaOf(url: string, functionName: string, repoRoot: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const path = shortUrl(url, repoRoot);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `node_modules/${pkg[1]}`;
  return path.split('/').slice(0, 2).join('/');
}

export function renderProfileSummary(s: ProfileSummary): string {
  const line = (h: Hotspot) => `  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.name}`;
  return [
    `CPU profile: ${(s.totalMs / 1000).toFixed(1)} s sampled, ${((s.totalMs - s.idleMs) / 1000).toFixed(1)} s busy (shares are of busy time)`,
    'Self time by area:',
    ...s.areas.map(line),
    'Self time by function:',
    ...s.functions.map(line),
  ].join('\n');
}
