// `created` in whole seconds, as the spec types it (integer). Some servers send a float timestamp
// (seconds with a fraction) or a numeric string; strict clients and schemas reject both.

/** The value as whole seconds; the current time when it is no timestamp at all. */
export function wholeSeconds(value: unknown): number {
  if (Number.isInteger(value)) return value as number;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : Math.floor(Date.now() / 1000);
}
