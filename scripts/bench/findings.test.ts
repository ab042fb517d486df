import { describe, expect, it } from 'vitest';
import { findingsFor } from './findings.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';

describe('findingsFor', () => {
  it("explains Portkey's failed stream and says which figures remain", () => {
    const portkey = { ...contender('portkey', [jsonPoint(1, 400, 2)]), version: '1.15.2', streamsSkipped: 'one streaming request got HTTP 500 without a complete stream' };
    const [finding] = findingsFor([portkey], null, 'v24.21.0');
    expect(finding).toMatch(/^Portkey gateway 1\.15\.2 one streaming request got HTTP 500 .* on Node v24\.21\.0/);
    expect(finding).toContain('Only its non-streaming figures are compared.');
  });
  it('reports failed requests and streams with their statuses', () => {
    const failing = { ...jsonPoint(64, 100, 1), failed: 3, statuses: { '200': 97, '429': 3 } };
    const broken = { ...streamPoint(1, 1, 1), failed: 1, statuses: { '200': 9, '0': 1 } };
    const out = findingsFor([contender('dropin', [failing], [broken])], null, 'v24');
    expect(out).toEqual([
      'dropin proxy had failed non-streaming requests: c=64: 3 (HTTP 200: 97, HTTP 429: 3).',
      'dropin proxy had failed or incomplete streams: c=1: 1 of 10 (no response: 1, HTTP 200: 9).',
    ]);
  });
  it('notes a hold test where not every stream opened', () => {
    const hold = { streams: 1000, opened: 990, failed: 10, rssIdleMb: 1, rssPeakMb: 2, cpuPercent: 1, holdS: 1 };
    expect(findingsFor([], hold, 'v24')).toEqual(['Hold test: only 990 of 1000 streams through dropin delivered a first event (10 were refused or failed).']);
  });
  it('has nothing to say about a clean run', () => expect(findingsFor([contender('nginx', [jsonPoint(1, 1, 1)])], null, 'v24')).toEqual([]));
});
