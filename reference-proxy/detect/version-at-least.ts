// Compares a version a server reported (e.g. "0.12.6", "v0.13.3-rc1") with a release that added
// or fixed something: what a backend can do often depends on it (wire-facts-surface.md).

/** Whether `version` is `minimum` or later; undefined when the version is missing or unreadable. */
export function versionAtLeast(version: string | undefined, minimum: readonly number[]): boolean | undefined {
  const parts = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version?.trim() ?? '')?.slice(1).map(Number);
  if (!parts) return undefined;
  for (let i = 0; i < 3; i++) if (parts[i] !== minimum[i]) return parts[i] > minimum[i];
  return true;
}
