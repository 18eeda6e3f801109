/**
 * Trygghetsmätning results in the database: reading them per indicator, the latest movement per area, and
 * writing them (demo data and imports, with what they replaced kept so an import can be undone).
 */
import type { Db } from '../db/connection';
import {
  INDICATOR_BY_CODE,
  type SurveyArea,
  type SurveyMovement,
  type SurveyResult,
  type SurveyValue,
} from '../../shared/survey';
import { shareChangeZ, Z_CRITICAL } from './stats';

interface Row {
  id: number;
  import_id: number | null;
  year: number;
  kommun_id: number | null;
  lpo_id: number | null;
  indicator: string;
  value: number;
  respondents: number | null;
  response_rate: number | null;
  source: string;
}

const areaOf = (r: { kommun_id: number | null; lpo_id: number | null }): SurveyArea =>
  r.kommun_id !== null ? { kind: 'kommun', id: r.kommun_id } : { kind: 'lpo', id: r.lpo_id! };

const toResult = (r: Row): SurveyResult => ({
  id: r.id,
  year: r.year,
  area: areaOf(r),
  indicator: r.indicator,
  value: r.value,
  respondents: r.respondents,
  responseRate: r.response_rate,
  source: r.source,
});

/** All results, or one indicator's, by area and year. */
export function surveyResults(db: Db, indicator?: string): SurveyResult[] {
  const where = indicator ? 'WHERE indicator = ?' : '';
  return (
    db
      .prepare(`SELECT * FROM survey_result ${where} ORDER BY indicator, lpo_id IS NULL, kommun_id, lpo_id, year`)
      .all(...(indicator ? [indicator] : [])) as Row[]
  ).map(toResult);
}

/** Which indicators the database has values for, with the latest year of each. */
export function surveyIndicatorsPresent(db: Db): { indicator: string; latestYear: number; values: number }[] {
  return db
    .prepare(
      'SELECT indicator, max(year) AS latestYear, count(*) AS "values" FROM survey_result GROUP BY indicator ORDER BY indicator',
    )
    .all() as { indicator: string; latestYear: number; values: number }[];
}

/**
 * Per area and indicator, the two latest surveys and what the change means. Shares with respondents in both
 * years get a two-proportion test; an index cannot be tested without the answers' spread, and says so.
 */
export function surveyMovements(db: Db, indicators: string | readonly string[]): SurveyMovement[] {
  const codes = typeof indicators === 'string' ? [indicators] : indicators;
  const byArea = new Map<string, Row[]>();
  const rows = db
    .prepare(
      `SELECT * FROM survey_result WHERE indicator IN (${codes.map(() => '?').join(', ')})
       ORDER BY indicator, lpo_id IS NULL, kommun_id, lpo_id, year DESC`,
    )
    .all(...codes) as Row[];
  for (const r of rows) {
    const key = `${r.indicator}:${r.kommun_id ?? ''}:${r.lpo_id ?? ''}`;
    const list = byArea.get(key) ?? [];
    if (list.length < 2) list.push(r);
    byArea.set(key, list);
  }
  const out: SurveyMovement[] = [];
  for (const [latest, previous] of byArea.values()) {
    if (!latest || !previous) continue;
    const def = INDICATOR_BY_CODE.get(latest.indicator);
    const z =
      def?.kind === 'andel' && latest.respondents !== null && previous.respondents !== null
        ? shareChangeZ(previous.value, previous.respondents, latest.value, latest.respondents)
        : null;
    let verdict: SurveyMovement['verdict'] = 'kan_inte_bedomas';
    if (z !== null) {
      const better = def!.lowerIsBetter ? z <= -Z_CRITICAL : z >= Z_CRITICAL;
      const worse = def!.lowerIsBetter ? z >= Z_CRITICAL : z <= -Z_CRITICAL;
      verdict = better ? 'battre' : worse ? 'samre' : 'ingen_sakerstalld_forandring';
    }
    out.push({
      area: areaOf(latest),
      indicator: latest.indicator,
      year: latest.year,
      value: latest.value,
      previousYear: previous.year,
      previousValue: previous.value,
      z,
      verdict,
    });
  }
  return out;
}

/** What a survey value replaced, to put back on undo (null: it was new). */
export interface SurveyPrevious {
  year: number;
  kommunId: number | null;
  lpoId: number | null;
  indicator: string;
  old: Omit<Row, 'id' | 'year' | 'kommun_id' | 'lpo_id' | 'indicator'> | null;
}

export interface SurveyWriteCounts {
  added: number;
  updated: number;
  duplicates: number;
  previous: SurveyPrevious[];
}

/** Inserts or replaces values (same year, area and indicator); identical values count as duplicates. */
export function writeSurvey(
  db: Db,
  rows: readonly (SurveyValue & { source?: string })[],
  /** For rows that do not name their own source. */
  source: string,
  importId: number | null,
  counts: SurveyWriteCounts = { added: 0, updated: 0, duplicates: 0, previous: [] },
): SurveyWriteCounts {
  const find = db.prepare(
    'SELECT * FROM survey_result WHERE indicator = ? AND ifnull(kommun_id, 0) = ? AND ifnull(lpo_id, 0) = ? AND year = ?',
  );
  const insert = db.prepare(
    `INSERT INTO survey_result (year, kommun_id, lpo_id, indicator, value, respondents, response_rate, source, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    'UPDATE survey_result SET value = ?, respondents = ?, response_rate = ?, source = ?, import_id = ? WHERE id = ?',
  );
  for (const v of rows) {
    const kommunId = v.area.kind === 'kommun' ? v.area.id : null;
    const lpoId = v.area.kind === 'lpo' ? v.area.id : null;
    const old = find.get(v.indicator, kommunId ?? 0, lpoId ?? 0, v.year) as Row | undefined;
    if (old && old.value === v.value && old.respondents === v.respondents && old.response_rate === v.responseRate) {
      counts.duplicates++;
      continue;
    }
    counts.previous.push({
      year: v.year,
      kommunId,
      lpoId,
      indicator: v.indicator,
      old: old
        ? {
            value: old.value,
            respondents: old.respondents,
            response_rate: old.response_rate,
            source: old.source,
            import_id: old.import_id,
          }
        : null,
    });
    const from = v.source ?? source;
    if (old) {
      update.run(v.value, v.respondents, v.responseRate, from, importId, old.id);
      counts.updated++;
    } else {
      insert.run(v.year, kommunId, lpoId, v.indicator, v.value, v.respondents, v.responseRate, from, importId);
      counts.added++;
    }
  }
  return counts;
}

/** Undo of a survey import: removes what it added, puts back what it replaced. */
export function undoSurvey(db: Db, previous: readonly SurveyPrevious[]): { removed: number; restored: number } {
  let removed = 0;
  let restored = 0;
  const key = 'indicator = ? AND ifnull(kommun_id, 0) = ? AND ifnull(lpo_id, 0) = ? AND year = ?';
  for (const p of previous) {
    const args = [p.indicator, p.kommunId ?? 0, p.lpoId ?? 0, p.year];
    if (p.old) {
      db.prepare(
        `UPDATE survey_result SET value = ?, respondents = ?, response_rate = ?, source = ?, import_id = ? WHERE ${key}`,
      ).run(p.old.value, p.old.respondents, p.old.response_rate, p.old.source, p.old.import_id, ...args);
      restored++;
    } else {
      db.prepare(`DELETE FROM survey_result WHERE ${key}`).run(...args);
      removed++;
    }
  }
  return { removed, restored };
}
