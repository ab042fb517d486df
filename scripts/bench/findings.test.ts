import { describe, expect, it } from 'vitest';
import { findingsFor, stopNote } from './findings.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';

describe('findingsFor', () => {
  it("explains Portkey's failed stream and says which figures remain", () => {
    const portkey = { ...contender('portkey', [jsonPoint(1, 400, 2)]), version: '1.15.2', streamsSkipped: 'one streaming request got HTTP 500 without a complete stream' };
    const [finding] = findingsFor([portkey], [], 'v24.21.0');
    expect(finding).toMatch(/^Portkey gateway 1\.15\.2 one streaming request got HTTP 500 .* on Node v24\.21\.0/);
    expect(finding).toContain('Only its non-streaming figures are compared.');
  });
  it('reports failed requests and streams with their statuses', () => {
    const failing = { ...jsonPoint(64, 100, 1), failed: 3, statuses: { '200': 97, '429': 3 } };
    const broken = { ...streamPoint(1, 1, 1), failed: 1, statuses: { '200': 9, '0': 1 } };
    const out = findingsFor([contender('dropin', [failing], [broken])], [], 'v24');
    expect(out).toEqual([
      'dropin proxy had failed non-streaming requests: c=64: 3 (HTTP 200: 97, HTTP 429: 3).',
      'dropin proxy had failed or incomplete streams: c=1: 1 of 10 (no response: 1, HTTP 200: 9).',
    ]);
  });
  it('notes a hold test where not every stream opened', () => {
    const hold = { contender: 'node-minimal', streams: 1000, opened: 990, failed: 10, rssIdleMb: 1, rssPeakMb: 2, cpuPercent: 1, holdS: 1 };
    expect(findingsFor([], [hold], 'v24')).toEqual(['Hold test: only 990 of 1000 streams through node-minimal delivered a first event (10 were refused or failed).']);
  });
  it('says when a contender could not be measured, with its reason', () => {
    const bun = { ...contender('dropin-bun', []), error: 'fails: the first request got HTTP 502' };
    expect(findingsFor([bun], [], 'v24')).toEqual(['dropin proxy on Bun was not measured: fails: the first request got HTTP 502']);
  });
  it('has nothing to say about a clean run', () => expect(findingsFor([contender('nginx', [jsonPoint(1, 1, 1)])], [], 'v24')).toEqual([]));
});

describe('stopNote', () => {
  it("quotes the crash the proxy's log reports", () => {
    const log = 'dropin proxy listening\ndropin proxy draining\ndropin: internal error: TypeError: this._emitCloseIfDrained is not a function.\n    at close (node:net:2094:34)\n';
    expect(stopNote('dropin proxy on Bun', log)).toBe('dropin proxy on Bun did not exit on its stop signal and was killed; its log: dropin: internal error: TypeError: this._emitCloseIfDrained is not a function.');
  });
  it('says only that it was killed when the log is silent', () => expect(stopNote('x', '')).toBe('x did not exit on its stop signal and was killed.'));
});
