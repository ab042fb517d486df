// The usage error for a value outside a fixed set (a profile, a quirk, a capability, a preset):
// it names the closest allowed value and lists them all, so the fix needs no documentation.
import { closest } from './closest.ts';
import { UsageError } from './usage-error.ts';

export function notAllowed(where: string, value: string, allowed: readonly string[]): UsageError {
  const near = closest(value, allowed);
  return new UsageError(`${where}: unknown "${value}"${near ? `; did you mean "${near}"?` : ''} Allowed: ${allowed.join(', ')}`);
}

/** Throws the usage error for the first value of `values` not in `allowed`. */
export function requireAllowed(where: string, values: readonly string[], allowed: readonly string[]): void {
  const bad = values.find((v) => !allowed.includes(v));
  if (bad !== undefined) throw notAllowed(where, bad, allowed);
}
