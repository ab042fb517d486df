import { describe, expect, it } from 'vitest';
import { BodyCapture } from './body-capture.ts';

const enc = new TextEncoder();
const limits = { maxBodyBytes: 1024, maxEvents: 100 };

describe('BodyCapture', () => {
  it('parses a JSON body', () => {
    const b = new BodyCapture(limits);
    expect(b.add(enc.encode('{"ok":'))).toBeUndefined();
    b.add(enc.encode('true}'));
    expect(b.finish()).toEqual({
      body: enc.encode('{"ok":true}'),
      bodyText: '{"ok":true}',
      truncated: false,
      json: { ok: true },
    });
  });

  it('keeps the parser message for a body that is not JSON', () => {
    const b = new BodyCapture(limits);
    b.add(enc.encode('<html>'));
    const body = b.finish();
    expect(body.json).toBeUndefined();
    expect(body.jsonError).toMatch(/JSON/);
  });

  it('reads an SSE body with the clock it was given and does not parse it as JSON', () => {
    const b = new BodyCapture(limits, () => 42);
    b.add(enc.encode('data: {}\n\n'));
    const body = b.finish();
    expect(body.sse?.events).toEqual([{ data: '{}', at: 42 }]);
    expect(body.jsonError).toBeUndefined();
  });

  it('keeps exactly maxBodyBytes and reports the byte cap', () => {
    const b = new BodyCapture({ maxBodyBytes: 10, maxEvents: 100 });
    expect(b.add(enc.encode('0123456'))).toBeUndefined();
    expect(b.add(enc.encode('789abc'))).toBe('too_large');
    const body = b.finish();
    expect(body.bodyText).toBe('0123456789');
    expect(body.truncated).toBe(true);
  });

  it('accepts a body of exactly the cap', () => {
    const b = new BodyCapture({ maxBodyBytes: 4, maxEvents: 100 });
    expect(b.add(enc.encode('1234'))).toBeUndefined();
    expect(b.finish().truncated).toBe(false);
  });

  it('reports the event cap once more than maxEvents events arrived and keeps maxEvents', () => {
    const b = new BodyCapture({ maxBodyBytes: 1024, maxEvents: 2 }, () => 0);
    expect(b.add(enc.encode('data: 1\n\ndata: 2\n\n'))).toBeUndefined();
    expect(b.add(enc.encode('data: 3\n\ndata: 4\n\n'))).toBe('too_many_events');
    const body = b.finish();
    expect(body.sse?.events.map((e) => e.data)).toEqual(['1', '2']);
    expect(body.sse?.problems).toEqual([]);
    expect(body.truncated).toBe(true);
  });

  it('flags invalid UTF-8', () => {
    const b = new BodyCapture(limits);
    b.add(new Uint8Array([0x22, 0xff, 0x22]));
    expect(b.finish().invalidUtf8).toBe(true);
  });
});
