// Which JavaScript runtime runs the proxy: each has its own HTTP front (node:http on Node,
// Bun.serve on Bun) and its own upstream client (undici on Node, fetch on Bun).

export type RuntimeName = 'node' | 'bun';

export function currentRuntime(): RuntimeName {
  return process.versions.bun === undefined ? 'node' : 'bun';
}
