// Whether a backend host is "local" (counts towards the share served without a cloud bill) when
// the config does not say. Loopback and private addresses are local; so are single-label and
// cluster-internal names (`ollama`, `ollama.ai.svc.cluster.local`), which only resolve inside
// the operator's own network.
import { isIP } from 'node:net';

const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.svc', '.cluster.local'];

export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  if (family === 4) return isPrivateV4(host);
  if (family === 6) return isPrivateV6(host);
  if (host === 'localhost' || !host.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((s) => host.endsWith(s));
}

function isPrivateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateV6(ip: string): boolean {
  if (ip === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return isPrivateV4(mapped[1]);
  return /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
}
