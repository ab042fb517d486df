// A clock the load driver, the proxy and the upstream share although they run in different
// processes: epoch milliseconds with sub-millisecond precision. performance.now() alone is
// relative to each process's own start, so it cannot compare an abort in one with a close in another.

export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
