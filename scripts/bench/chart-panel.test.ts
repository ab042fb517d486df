import { describe, expect, it } from 'vitest';
import { axisTicks, esc, renderPanel } from './chart-panel.ts';

describe('axisTicks', () => {
  it('picks a round step and enough gridlines to cover the value', () => {
    expect(axisTicks(26_000)).toEqual({ step: 10_000, ticks: 3 });
    expect(axisTicks(0.07)).toEqual({ step: 0.02, ticks: 4 });
    expect(axisTicks(15.5)).toEqual({ step: 5, ticks: 4 });
    expect(axisTicks(50)).toEqual({ step: 10, ticks: 5 });
    expect(axisTicks(0)).toEqual({ step: 1, ticks: 1 });
  });
});

describe('renderPanel', () => {
  const svg = renderPanel({
    x: 0,
    y: 0,
    width: 400,
    height: 300,
    title: 'req/s <higher>',
    groups: ['c=1', 'c=64'],
    series: [
      { name: 'a', color: '#111111', values: [10, 20] },
      { name: 'b', color: '#222222', values: [5, null] },
    ],
    format: (v) => v.toFixed(0),
    note: 'b: skipped',
  });
  it('draws one labelled bar per value and n/a for a missing one', () => {
    expect(svg.match(/<rect /g)?.length).toBe(3);
    expect(svg.match(/>n\/a</g)?.length).toBe(1);
    expect(svg).toContain('<title>a c=64: 20</title>');
    expect(svg).toContain('b: skipped');
  });
  it('scales the tallest bar to the top gridline', () => {
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...heights)).toBeCloseTo(300 - 34 - 44);
    expect(heights[1]).toBeCloseTo(heights[0] / 2);
  });
  it('stands the labels upright when the bars are too narrow for them, with room above the tallest', () => {
    const many = renderPanel({ x: 0, y: 0, width: 300, height: 300, title: 't', groups: ['c=1', 'c=64'], series: Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, color: '#000000', values: [i + 1, 8] })), format: (v) => v.toFixed(0) });
    expect(many.match(/transform="rotate\(-90 /g)?.length).toBe(16);
    const heights = [...many.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...heights)).toBeLessThan(300 - 34 - 44);
    expect(svg).not.toContain('rotate(');
  });
  it('gives no slot to a series without any value in the panel', () => {
    const one = renderPanel({ x: 0, y: 0, width: 400, height: 300, title: 't', groups: ['c=1'], series: [{ name: 'a', color: '#111111', values: [1] }, { name: 'b', color: '#222222', values: [null] }], format: String });
    expect(one.match(/<rect /g)?.length).toBe(1);
    expect(one).not.toContain('n/a');
  });
  it('escapes text', () => {
    expect(svg).toContain('req/s &lt;higher&gt;');
    expect(esc('a & b')).toBe('a &amp; b');
  });
});
