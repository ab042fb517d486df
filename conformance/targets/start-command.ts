// For a target dropin served itself, in process, for the run (the emulator, a replayed transcript):
// the command that serves the same endpoint again on the same port. That port is closed once the
// run ends, so a report's curl line needs it to reproduce anything.
import { shellQuote } from '../report/curl.ts';
import type { TargetSpec } from './target-spec.ts';

export function startCommand(spec: TargetSpec, baseUrl: string): string | undefined {
  const port = portOf(baseUrl);
  if (port === undefined) return undefined;
  if (spec.kind === 'emulator') {
    const quirks = (spec.quirks ?? []).map((q) => ` --quirk ${q}`).join('');
    return `npx dropin emulate --port ${port}${spec.profile ? ` --profile ${spec.profile}` : ''}${quirks}`;
  }
  if (spec.kind === 'replay' && spec.transcript) return `npx dropin replay ${shellQuote(spec.transcript)} --port ${port}`;
  return undefined;
}

function portOf(url: string): string | undefined {
  try {
    return new URL(url).port || undefined;
  } catch {
    return undefined;
  }
}
