/**
 * The statistics the dashboards show, written out so they can be checked by hand: rates per 1 000
 * inhabitants, and whether a change between two periods is more than chance.
 *
 * Counts of events in a period are modelled as Poisson. The square root of a Poisson count has variance
 * close to 1/4 whatever its mean (Anscombe), so 2√count has variance about 1, and the difference of two
 * independent counts 2(√current − √previous) has variance about 2: z = √2(√current − √previous) is roughly
 * standard normal when nothing has changed, and |z| ≥ 1.96 is called a real change (5 % level). The issue's
 * example, 2(√current − √previous) without the √2, would call about 17 % of unchanged pairs a real change
 * (simulated: 0.166 at λ = 20 and 100, against 0.052 and 0.050 with the √2). The approximation needs counts that
 * are not tiny: below MIN_EVENTS_TO_JUDGE events in the two periods together, or with both periods under
 * MIN_LARGER_PERIOD, the dashboards say "för få händelser för att bedöma" instead of a verdict.
 */

export const Z_CRITICAL = 1.96;
/** Fewer events than this in both periods together: too few to judge. */
export const MIN_EVENTS_TO_JUDGE = 10;
/** The larger of the two periods must have at least this many events. */
export const MIN_LARGER_PERIOD = 5;

export { VERDICT_LABELS, type ChangeJudgement, type ChangeVerdict } from '../../shared/dashboards';
import type { ChangeJudgement, ChangeVerdict } from '../../shared/dashboards';

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} måste vara ett heltal ≥ 0, inte ${n}`);
}

/** z = √2(√current − √previous): two independent counts, each with variance-stabilised sd 1/2. */
export function poissonZ(current: number, previous: number): number {
  assertCount(current, 'current');
  assertCount(previous, 'previous');
  return Math.SQRT2 * (Math.sqrt(current) - Math.sqrt(previous));
}

export function judgeChange(current: number, previous: number): ChangeJudgement {
  const z = poissonZ(current, previous);
  if (current + previous < MIN_EVENTS_TO_JUDGE || Math.max(current, previous) < MIN_LARGER_PERIOD) {
    return { current, previous, z: null, verdict: 'for_fa' };
  }
  const verdict: ChangeVerdict =
    z >= Z_CRITICAL ? 'okning' : z <= -Z_CRITICAL ? 'minskning' : 'ingen_sakerstalld_forandring';
  return { current, previous, z, verdict };
}

/** Events per 1 000 inhabitants; null without a population to divide by. */
export function per1000(count: number, population: number | null | undefined): number | null {
  assertCount(count, 'count');
  if (population === null || population === undefined || population <= 0) return null;
  return (count * 1000) / population;
}

/** Fewer respondents than this in either year: a share's change is not tested. */
export const MIN_RESPONDENTS = 30;

/**
 * Two shares from two independent samples (per cent, with their respondents): z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ +
 * 1/n₂)) with the pooled p̄ = (p₁n₁ + p₂n₂)/(n₁ + n₂). Null when a sample is too small or nothing varies.
 */
export function shareChangeZ(before: number, nBefore: number, after: number, nAfter: number): number | null {
  for (const [p, what] of [
    [before, 'before'],
    [after, 'after'],
  ] as const) {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`${what} måste vara en andel 0–100, inte ${p}`);
  }
  assertCount(nBefore, 'nBefore');
  assertCount(nAfter, 'nAfter');
  if (nBefore < MIN_RESPONDENTS || nAfter < MIN_RESPONDENTS) return null;
  const p1 = before / 100;
  const p2 = after / 100;
  const pooled = (p1 * nBefore + p2 * nAfter) / (nBefore + nAfter);
  const variance = pooled * (1 - pooled) * (1 / nBefore + 1 / nAfter);
  if (variance === 0) return null;
  return (p2 - p1) / Math.sqrt(variance);
}
