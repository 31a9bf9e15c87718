import { compareTimings, normalCdf, studentTwoSidedP } from './timing-statistics';

describe('timing statistics', () => {
  it('computes the normal CDF and Student t p-values against table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 5);
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(2.0, 1000)).toBeCloseTo(0.0458, 3);
    expect(studentTwoSidedP(0, 5)).toBeCloseTo(1, 7);
  });

  it('gives U, the probability of superiority and p-values for a textbook example', () => {
    // x1 > x2 in 7 of the 25 pairs.
    const r = compareTimings([1, 2, 3, 7, 9], [4, 5, 6, 8, 10]);
    expect(r.u).toBe(7);
    expect(r.superiority).toBeCloseTo(7 / 25, 10);
    // Normal approximation: z = (7 - 12.5) / sqrt(25 * 11 / 12) = -1.149, p = 0.251.
    expect(r.pMannWhitney).toBeCloseTo(0.2506, 3);
    expect(r.median1).toBe(3);
    expect(r.median2).toBe(6);
  });

  it('tells a shifted sample from the same sample', () => {
    const base = Array.from({ length: 200 }, (_, i) => 4 + ((i * 7919) % 101) / 100);
    const same = compareTimings(base, [...base].reverse());
    expect(same.pMannWhitney).toBeGreaterThan(0.9);
    expect(same.superiority).toBeCloseTo(0.5, 5);
    const slower = compareTimings(
      base.map((v) => v + 0.3),
      base,
    );
    expect(slower.pMannWhitney).toBeLessThan(1e-6);
    expect(slower.pWelch).toBeLessThan(1e-6);
    expect(slower.superiority).toBeGreaterThan(0.6);
  });

  it('counts ties as half', () => {
    expect(compareTimings([1, 1, 1], [1, 1, 1]).superiority).toBe(0.5);
  });
});
