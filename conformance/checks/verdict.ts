// Small constructors for check verdicts, so checks read as rules rather than object literals.
import type { Verdict } from '../types.ts';

export const pass = (message?: string): Verdict => ({ status: 'pass', message });

export const skip = (message: string): Verdict => ({ status: 'skip', message });

export const warn = (message: string, detail: Omit<Verdict, 'status' | 'message'> = {}): Verdict => ({
  status: 'warn',
  message,
  ...detail,
});

export const fail = (message: string, detail: Omit<Verdict, 'status' | 'message'> = {}): Verdict => ({
  status: 'fail',
  message,
  ...detail,
});

/** Short, single-line rendering of a received value for Expected / Received text. */
export function show(value: unknown, max = 200): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
