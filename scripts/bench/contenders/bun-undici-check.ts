// Run by Bun (bun.ts): does `Pool.request` from the bare 'undici' specifier, the import dropin's
// upstream pools use, return a promise? Prints {"poolRequest": "promise" | "undefined" | ...}.
import { Pool } from 'undici';

const pool = new Pool('http://127.0.0.1:9');
let kind = 'throws';
try {
  const returned: unknown = pool.request({ method: 'GET', path: '/' });
  if (returned === undefined) kind = 'undefined';
  else if (typeof (returned as Promise<unknown>).then === 'function') {
    kind = 'promise';
    // port 9 refuses: the failed connection is expected and beside the point
    (returned as Promise<unknown>).catch(() => undefined);
  } else kind = 'other';
} catch {
  kind = 'throws';
}
process.stdout.write(`${JSON.stringify({ poolRequest: kind })}\n`);
process.exit(0);
