import { describe, expect, it } from 'vitest';
import { pathOf } from './bun-exchange.ts';

describe('pathOf', () => {
  it("keeps the path and query of Bun's request URL (absolute, or the path alone without Host), as node:http gives them", () => {
    expect(pathOf('http://127.0.0.1:8080/v1/models?x=1')).toBe('/v1/models?x=1');
    expect(pathOf('https://[::1]:8443/v1/models/a%2Fb')).toBe('/v1/models/a%2Fb');
    expect(pathOf('http://host')).toBe('/');
    expect(pathOf('/healthz')).toBe('/healthz');
    expect(pathOf('x:443')).toBe('/');
  });
});
