/**
 * Two-sample tests for timing side channels: does one group of response times (a known user's)
 * differ from another (an unknown name's)? Used by bench/user-enumeration.bench.ts and by the
 * specs that prove an answer takes as long for an unknown name as for a user (ADR 0037).
 */

export interface TimingComparison {
  n1: number;
  n2: number;
  median1: number;
  median2: number;
  /** Mann–Whitney U of the first sample. */
  u: number;
  /** Two-sided p-value of Mann–Whitney U (normal approximation with tie correction). */
  pMannWhitney: number;
  /**
   * Probability of superiority: P(x1 > x2) + P(x1 = x2) / 2 over all pairs, U / (n1 n2). 0.5 means
   * no tendency; "known users slower in 93% of pairs" is 0.93.
   */
  superiority: number;
  /** Welch's t statistic and its two-sided p-value (Welch–Satterthwaite degrees of freedom). */
  welchT: number;
  pWelch: number;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 for erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function lnGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized incomplete beta I_x(a, b), by Lentz's continued fraction. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front =
    Math.exp(Math.log(x) * a + Math.log(1 - x) * b - (lnGamma(a) + lnGamma(b) - lnGamma(a + b))) / a;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = Math.floor(i / 2);
    let numerator: number;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < 1e-30) d = 1e-30;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < 1e-30) c = 1e-30;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-12) break;
  }
  return front * (f - 1);
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

export function compareTimings(sample1: number[], sample2: number[]): TimingComparison {
  const n1 = sample1.length;
  const n2 = sample2.length;
  if (n1 < 2 || n2 < 2) throw new Error('each sample needs at least two values');
  // Ranks over the pooled sample, ties given their average rank.
  const pooled = [...sample1.map((v) => ({ v, g: 1 })), ...sample2.map((v) => ({ v, g: 2 }))].sort(
    (a, b) => a.v - b.v,
  );
  let rankSum1 = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length;) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1].v === pooled[i].v) j++;
    const rank = (i + j) / 2 + 1;
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    for (let k = i; k <= j; k++) if (pooled[k].g === 1) rankSum1 += rank;
    i = j + 1;
  }
  const u = rankSum1 - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = sigma === 0 ? 0 : (u - (n1 * n2) / 2) / sigma;
  const a = meanAndVariance(sample1);
  const b = meanAndVariance(sample2);
  const se2 = a.variance / n1 + b.variance / n2;
  const welchT = se2 === 0 ? 0 : (a.mean - b.mean) / Math.sqrt(se2);
  const df =
    se2 === 0 ? 1 : se2 ** 2 / ((a.variance / n1) ** 2 / (n1 - 1) + (b.variance / n2) ** 2 / (n2 - 1));
  return {
    n1,
    n2,
    median1: median(sample1),
    median2: median(sample2),
    u,
    pMannWhitney: 2 * (1 - normalCdf(Math.abs(z))),
    superiority: u / (n1 * n2),
    welchT,
    pWelch: studentTwoSidedP(welchT, df),
  };
}

/**
 * Runs `first` and `second` `pairs` times each, interleaved pair by pair in random order (so that
 * whatever else loads the machine hits both alike), and returns each one's durations in ms.
 */
export async function interleavedTimings(
  pairs: number,
  first: (i: number) => Promise<unknown>,
  second: (i: number) => Promise<unknown>,
): Promise<{ first: number[]; second: number[] }> {
  const timings = { first: [] as number[], second: [] as number[] };
  const time = async (run: (i: number) => Promise<unknown>, into: number[], i: number) => {
    const started = performance.now();
    await run(i);
    into.push(performance.now() - started);
  };
  for (let i = 0; i < pairs; i++) {
    if (Math.random() < 0.5) {
      await time(first, timings.first, i);
      await time(second, timings.second, i);
    } else {
      await time(second, timings.second, i);
      await time(first, timings.first, i);
    }
  }
  return timings;
}

/**
 * Whether `slower` is told apart from `faster` by time: Mann–Whitney U finds the difference
 * (two-sided p below `alpha`) and the medians differ by more than `minGapMs`, in either direction.
 * The gap keeps a systematic difference of microseconds, which a rank test over enough samples can
 * find but no attacker over a network can use, from failing a spec on a loaded machine.
 */
export function timingTellsApart(
  comparison: TimingComparison,
  { alpha = 0.001, minGapMs }: { alpha?: number; minGapMs: number },
): boolean {
  return comparison.pMannWhitney < alpha && Math.abs(comparison.median1 - comparison.median2) > minGapMs;
}
