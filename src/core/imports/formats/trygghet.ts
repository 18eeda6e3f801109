/** Trygghetsmätning (CSV/Excel): survey results per kommun or LPO, indicator and year. */
import { referenceRepoOf } from '../../db/repos';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import { formatSurveyValue, INDICATOR_BY_CODE, type SurveyValue } from '../../../shared/survey';
import { undoSurvey, writeSurvey, type SurveyPrevious, type SurveyWriteCounts } from '../../dashboards/survey';
import { parseTrygghet } from '../trygghet';
import { emptyCounts, type Importer } from '../importer';
import { streamOf } from '../types';

export const trygghetImporter: Importer<SurveyValue> = {
  async open({ db, req, input, ctx }) {
    const lpos = referenceRepoOf(db)
      .lpos()
      .map((l) => ({ id: l.id, name: l.name }));
    return { stream: streamOf(await parseTrygghet(input.whole(), req.fileName, { ...ctx, lpos })), extra: {} };
  },
  changes(db) {
    const find = db.prepare(
      'SELECT value, respondents, response_rate FROM survey_result WHERE indicator = ? AND ifnull(kommun_id, 0) = ? AND ifnull(lpo_id, 0) = ? AND year = ?',
    );
    return (v) => {
      const old = find.get(
        v.indicator,
        v.area.kind === 'kommun' ? v.area.id : 0,
        v.area.kind === 'lpo' ? v.area.id : 0,
        v.year,
      ) as { value: number; respondents: number | null; response_rate: number | null } | undefined;
      return !old || old.value !== v.value || old.respondents !== v.respondents || old.response_rate !== v.responseRate;
    };
  },
  writer({ db, req, importId }) {
    const counts = emptyCounts();
    const source = `Import av ${req.fileName}`;
    return {
      write: (rows) =>
        writeSurvey(
          db,
          rows.map((r) => r.value),
          source,
          importId,
          counts as SurveyWriteCounts,
        ),
      finish: () => counts,
    };
  },
  undo: (db, _importId, previous) => undoSurvey(db, previous as SurveyPrevious[]),
  display({ db, kommunName }) {
    const lpoName = new Map(
      referenceRepoOf(db)
        .lpos()
        .map((l) => [l.id, `LPO ${l.name}`]),
    );
    return {
      columns: ['År', 'Område', 'Indikator', 'Värde', 'Svarande', 'Svarsfrekvens'],
      cells: (r) => [
        String(r.year),
        (r.area.kind === 'kommun' ? kommunName.get(r.area.id) : lpoName.get(r.area.id)) ?? '',
        INDICATOR_BY_CODE.get(r.indicator)?.label ?? r.indicator,
        formatSurveyValue(r.indicator, r.value),
        r.respondents === null ? '–' : formatInteger(r.respondents),
        r.responseRate === null ? '–' : `${formatDecimal1(r.responseRate)} %`,
      ],
    };
  },
};
