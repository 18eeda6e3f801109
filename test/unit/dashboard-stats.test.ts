/** The dashboards' statistics against values worked out by hand, including zero and tiny counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeChange, per1000, poissonZ, shareChangeZ } from '../../src/core/dashboards/stats';

describe('poissonZ: z = √2(√nu − √förra)', () => {
  it('stämmer med handräknade värden', () => {
    expect(poissonZ(0, 0)).toBe(0);
    expect(poissonZ(100, 64)).toBeCloseTo(2.828427, 6); // √2(10 − 8)
    expect(poissonZ(64, 100)).toBeCloseTo(-2.828427, 6);
    expect(poissonZ(49, 36)).toBeCloseTo(1.414214, 6); // √2(7 − 6)
    expect(poissonZ(9, 0)).toBeCloseTo(4.242641, 6); // √2(3 − 0)
    expect(poissonZ(2, 1)).toBeCloseTo(0.585786, 6); // √2(1.414214 − 1)
  });

  it('kallar ungefär 5 % av oförändrade par en säkerställd förändring (simulerat)', () => {
    // Two Poisson counts with the same mean, drawn with a seeded generator (Knuth's method).
    let state = 20261122;
    const uniform = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const poisson = (lambda: number) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k++;
      return k;
    };
    let judged = 0;
    let flagged = 0;
    for (let i = 0; i < 40_000; i++) {
      const j = judgeChange(poisson(20), poisson(20));
      if (j.verdict === 'for_fa') continue;
      judged++;
      if (j.verdict !== 'ingen_sakerstalld_forandring') flagged++;
    }
    // 2(√a − √b) without the √2 flags about 17 %; the test must stay near its 5 % level.
    expect(flagged / judged).toBeGreaterThan(0.035);
    expect(flagged / judged).toBeLessThan(0.07);
  });

  it('vägrar antal som inte är heltal ≥ 0', () => {
    expect(() => poissonZ(-1, 3)).toThrow(RangeError);
    expect(() => poissonZ(1.5, 3)).toThrow(RangeError);
    expect(() => poissonZ(3, Number.NaN)).toThrow(RangeError);
  });

  it('är antisymmetrisk och växer med skillnaden', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(100), (a, b, d) => {
        expect(poissonZ(a, b)).toBeCloseTo(-poissonZ(b, a), 9);
        expect(poissonZ(a + d, b)).toBeGreaterThanOrEqual(poissonZ(a, b));
      }),
    );
  });
});

describe('judgeChange', () => {
  it('kallar |z| ≥ 1,96 en säkerställd förändring, annars inte', () => {
    expect(judgeChange(100, 64)).toMatchObject({ current: 100, previous: 64, verdict: 'okning' });
    expect(judgeChange(64, 100)).toMatchObject({ current: 64, previous: 100, verdict: 'minskning' });
    // √2(√56 − √36) = √2(7.483315 − 6) = 2.0977: just above the limit.
    expect(judgeChange(56, 36)).toMatchObject({ verdict: 'okning' });
    expect(judgeChange(56, 36).z).toBeCloseTo(2.0977, 4);
    // √2(√53 − √36) = 1.8103: just below. And 49 against 36 (a third more): 1.4142, not a real change.
    expect(judgeChange(53, 36)).toMatchObject({ verdict: 'ingen_sakerstalld_forandring' });
    expect(judgeChange(53, 36).z).toBeCloseTo(1.8103, 4);
    expect(judgeChange(49, 36).verdict).toBe('ingen_sakerstalld_forandring');
    expect(judgeChange(40, 30).z).toBeCloseTo(1.1983, 4); // √2(6.324555 − 5.477226)
    expect(judgeChange(20, 20)).toEqual({ current: 20, previous: 20, z: 0, verdict: 'ingen_sakerstalld_forandring' });
  });

  it('säger "för få" när det är för få händelser, också när allt är noll', () => {
    expect(judgeChange(0, 0)).toEqual({ current: 0, previous: 0, z: null, verdict: 'for_fa' });
    expect(judgeChange(3, 0).verdict).toBe('for_fa');
    expect(judgeChange(6, 3).verdict).toBe('for_fa'); // 9 in all
    expect(judgeChange(4, 4).verdict).toBe('for_fa'); // neither period reaches 5
    expect(judgeChange(10, 0)).toMatchObject({ verdict: 'okning' }); // z = √2·√10 = 4.47
    expect(judgeChange(0, 10)).toMatchObject({ verdict: 'minskning' });
    expect(judgeChange(5, 5)).toMatchObject({ z: 0, verdict: 'ingen_sakerstalld_forandring' });
  });
});

describe('per1000', () => {
  it('räknar per 1 000 invånare och säger ingenting utan folkmängd', () => {
    expect(per1000(177, 17_714)).toBeCloseTo(9.992, 3); // Klippan
    expect(per1000(0, 17_714)).toBe(0);
    expect(per1000(5, 0)).toBeNull();
    expect(per1000(5, null)).toBeNull();
    expect(per1000(5, undefined)).toBeNull();
    expect(() => per1000(-1, 100)).toThrow(RangeError);
  });
});

describe('andelar i trygghetsmätningen', () => {
  it('räknar z för två andelar med poolad andel, för hand', () => {
    // 20 % of 500 → 15 % of 500: p̄ = 0.175, se = √(0.175·0.825·(2/500)) = 0.024031…, z = −0.05/0.024031 = −2.0806
    expect(shareChangeZ(20, 500, 15, 500)).toBeCloseTo(-2.0806, 3);
    // 54 % of 329 → 50 % of 400: p̄ = (177.66 + 200)/729 = 0.51805, se = √(0.51805·0.48195·(1/329 + 1/400)) = 0.037190
    expect(shareChangeZ(54, 329, 50, 400)).toBeCloseTo(-1.0756, 3);
    expect(shareChangeZ(10, 1000, 10, 1000)).toBe(0);
  });

  it('prövar inte för små urval eller andelar utan spridning', () => {
    expect(shareChangeZ(20, 29, 40, 500)).toBeNull();
    expect(shareChangeZ(20, 500, 40, 29)).toBeNull();
    expect(shareChangeZ(0, 500, 0, 500)).toBeNull();
    expect(shareChangeZ(100, 500, 100, 400)).toBeNull();
    expect(() => shareChangeZ(120, 500, 40, 500)).toThrow(RangeError);
    expect(() => shareChangeZ(20, 50.5, 40, 500)).toThrow(RangeError);
  });
});
