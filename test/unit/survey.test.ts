/** Trygghetsmätning in the database: demo values, movements, import through the pipeline and its undo. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography, seedSurvey } from '../../src/core/demo/seed';
import { INVENTED_SOURCE, PUBLISHED_TOTALINDEX } from '../../src/core/demo/survey';
import { surveyMovements, surveyResults } from '../../src/core/dashboards/survey';
import { commitImport, detectFormat, previewImport, undoImport } from '../../src/core/imports/pipeline';
import { SURVEY_INDICATORS } from '../../src/shared/survey';
import { tempDb, type TempDb } from '../helpers/db';

const FIXTURES = path.join(__dirname, '../fixtures/imports');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

let t: TempDb;
let areaId: (name: string) => { kind: 'kommun' | 'lpo'; id: number };
beforeEach(() => {
  t = tempDb();
  seedGeography(t.db);
  areaId = (name) => {
    const lpo = /^LPO (.+)$/.exec(name);
    const id = t.db
      .prepare(lpo ? 'SELECT id FROM lpo WHERE name = ?' : 'SELECT id FROM kommun WHERE name = ?')
      .pluck()
      .get(lpo ? lpo[1] : name) as number;
    return { kind: lpo ? 'lpo' : 'kommun', id };
  };
});
afterEach(() => t.cleanup());

const snapshot = () => t.db.prepare('SELECT * FROM survey_result ORDER BY id').all();

describe('exempeldata för trygghetsmätningen', () => {
  it('bär de publicerade totalindexen med källa, och allt annat är märkt som påhittat', () => {
    const written = seedSurvey(t.db);
    // 9 kommuner + 2 LPO, 10 years, every indicator.
    expect(written).toBe(11 * 10 * SURVEY_INDICATORS.length);
    expect(seedSurvey(t.db)).toBe(0);
    const all = surveyResults(t.db);
    let published = 0;
    for (const [area, years] of Object.entries(PUBLISHED_TOTALINDEX)) {
      for (const [year, value] of Object.entries(years)) {
        const hit = all.find(
          (r) =>
            r.indicator === 'totalindex' &&
            r.year === Number(year) &&
            r.area.kind === areaId(area).kind &&
            r.area.id === areaId(area).id,
        )!;
        expect(hit.value, `${area} ${year}`).toBe(value);
        expect(hit.source).toBe(`Polisen Region Syd, trygghetsmätning ${year}: publicerat totalindex`);
        published++;
      }
    }
    expect(published).toBe(19);
    expect(all.filter((r) => r.source !== INVENTED_SOURCE)).toHaveLength(19);
    // Published sample sizes where DOMAIN.md has them; none invented beside a published figure.
    const lpoK = all.find(
      (r) =>
        r.indicator === 'totalindex' &&
        r.year === 2023 &&
        r.area.kind === 'lpo' &&
        r.area.id === areaId('LPO Kävlinge').id,
    )!;
    expect([lpoK.respondents, lpoK.responseRate]).toEqual([1514, 56.1]);
    const perstorp = all.find(
      (r) =>
        r.indicator === 'totalindex' &&
        r.year === 2018 &&
        r.area.id === areaId('Perstorp').id &&
        r.area.kind === 'kommun',
    )!;
    expect([perstorp.respondents, perstorp.responseRate]).toEqual([329, 54.8]);
    const klippan2016 = all.find(
      (r) =>
        r.indicator === 'totalindex' &&
        r.year === 2016 &&
        r.area.id === areaId('Klippan').id &&
        r.area.kind === 'kommun',
    )!;
    expect([klippan2016.respondents, klippan2016.responseRate]).toEqual([null, null]);
    // Values on their scales.
    for (const r of all) {
      const kind = SURVEY_INDICATORS.find((i) => i.code === r.indicator)!.kind;
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(kind === 'index' ? 6 : 100);
    }
  });

  it('säger att ett index inte kan prövas och prövar andelar med svarande', () => {
    seedSurvey(t.db);
    const index = surveyMovements(t.db, 'totalindex');
    expect(index).toHaveLength(11);
    expect(
      index.every(
        (m) => m.verdict === 'kan_inte_bedomas' && m.z === null && m.year === 2025 && m.previousYear === 2024,
      ),
    ).toBe(true);
    const shares = surveyMovements(t.db, 'otrygg_kvall');
    expect(shares.every((m) => m.z !== null)).toBe(true);
    for (const m of shares) {
      const expected = m.z! >= 1.96 ? 'samre' : m.z! <= -1.96 ? 'battre' : 'ingen_sakerstalld_forandring';
      expect(m.verdict).toBe(expected);
    }
    // "Polisen bryr sig" is better when it rises.
    for (const m of surveyMovements(t.db, 'polisen_bryr_sig')) {
      if (m.verdict === 'battre') expect(m.value).toBeGreaterThan(m.previousValue);
      if (m.verdict === 'samre') expect(m.value).toBeLessThan(m.previousValue);
    }
  });
});

describe('import av trygghetsmätning', () => {
  it('känns igen, förhandsgranskas, skrivs, dubbletter känns igen och ångra återställer', async () => {
    const bytes = fixture('trygghet-syd.csv');
    expect(detectFormat('resultat.csv', bytes)).toBe('trygghet');
    const preview = await previewImport(t.db, { fileName: 'resultat.csv', bytes });
    expect(preview.format).toBe('trygghet');
    expect(snapshot()).toEqual([]);

    const report = await commitImport(t.db, { fileName: 'resultat.csv', bytes });
    expect(report.added).toBe(22);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'Malmö finns inte i databasen',
      expect.stringContaining('Region Syd'),
      expect.stringContaining('Hela landet'),
      expect.anything(),
    ]);
    const lpo = surveyResults(t.db, 'totalindex').filter((r) => r.area.kind === 'lpo');
    expect(lpo.map((r) => [r.year, r.value])).toEqual([
      [2017, 1.94],
      [2018, 1.81],
      [2019, 1.66],
      [2020, 1.69],
      [2021, 1.56],
      [2022, 1.57],
      [2023, 1.54],
    ]);
    expect(lpo.at(-1)).toMatchObject({ respondents: 1514, responseRate: 56.1, source: 'Import av resultat.csv' });

    const again = await commitImport(t.db, { fileName: 'kopia.csv', bytes });
    expect([again.added, again.updated, again.duplicates]).toEqual([0, 0, 22]);

    // An import that replaces demo values is undone back to them.
    seedSurvey(t.db); // no-op: the table is not empty
    const before = snapshot();
    const changed = Buffer.from(
      'År;Område;Indikator;Värde;Svarande\n2023;LPO Kävlinge;Totalindex;1,60;1500\n2024;Lomma;Nedskräpning;1,1;300\n',
      'utf8',
    );
    const second = await commitImport(t.db, { fileName: 'rattelse.csv', bytes: changed });
    expect([second.added, second.updated]).toEqual([1, 1]);
    expect(surveyResults(t.db, 'totalindex').find((r) => r.area.kind === 'lpo' && r.year === 2023)!.value).toBe(1.6);
    expect(undoImport(t.db, second.importId!)).toEqual({ removed: 1, restored: 1 });
    expect(snapshot()).toEqual(before);
  });

  it('vägrar en fil med ogiltiga rader och ändrar ingenting', async () => {
    seedSurvey(t.db);
    const before = snapshot();
    const log = t.db.prepare('SELECT count(*) FROM import_log').pluck().get();
    await expect(commitImport(t.db, { fileName: 'fel.csv', bytes: fixture('trygghet-invalid.csv') })).rejects.toThrow(
      /rad \d+: /,
    );
    expect(snapshot()).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM import_log').pluck().get()).toBe(log);
  });
});
