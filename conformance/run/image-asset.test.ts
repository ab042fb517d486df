// The vision probe image: a valid one-colour PNG, served on loopback at one URL per process.
import { describe, expect, it } from 'vitest';
import { pngColour } from '../../fixtures/emulator/vision/png-colour.ts';
import { PROBE_COLOUR, probeImageDataUrl, probeImageUrl, solidPng } from './image-asset.ts';

describe('the probe image', () => {
  it('is a valid PNG of one colour that reads back as that colour', () => {
    const png = solidPng(8, 8, [220, 20, 20]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(pngColour(png)).toBe(PROBE_COLOUR);
    expect(pngColour(solidPng(2, 2, [20, 40, 220]))).toBe('blue');
    expect(pngColour(Buffer.from('not a png'))).toBeUndefined();
  });

  it('is served on loopback, the same URL every time in one process', async () => {
    const url = await probeImageUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropin-probe\.png$/);
    expect(await probeImageUrl()).toBe(url);
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngColour(Buffer.from(await res.arrayBuffer()))).toBe(PROBE_COLOUR);
    expect((await fetch(url.replace('dropin-probe.png', 'other'))).status).toBe(404);
    expect(probeImageDataUrl()).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
