/**
 * The trygghetsvandringar of a follow-up: the area's walks in the period (as the walk list counts them) and
 * the åtgärder from walks that concern the period — from a walk in it, due in it, or from an earlier walk
 * and still open — with their status, as `measures.list` reads them.
 */
import type { Block, Section } from '../../../shared/report';
import { formatInteger } from '../../../shared/format';
import type { Measure } from '../../../shared/walks';
import { periodLabel, section } from '../common';
import { fig, measureFigure, measureTally } from './lofte-blocks';
import { measuresOf } from './lofte-data';
import type { TemplateInput } from './types';

const open = (m: Measure) => m.status === 'planerad' || m.status === 'pagar';

/** Åtgärder from walks that concern from..to. */
export function walkMeasures(input: TemplateInput): Measure[] {
  const { from, to } = input.sel;
  return measuresOf(input, { kommunIds: input.area.kommuner.map((k) => k.id) }).filter(
    (m) =>
      m.walkId !== null &&
      (m.walkDay ?? '') <= to &&
      ((m.walkDay ?? '') >= from || (m.dueDay >= from && m.dueDay <= to) || open(m)),
  );
}

export function walkChapter(input: TemplateInput): Section {
  const { from, to } = input.sel;
  const ids = input.area.kommuner.map((k) => k.id);
  const name = new Map(input.area.kommuner.map((k) => [k.id, k.name]));
  const walks = input.ctx.r.walks.list(ids).filter((w) => w.walkDay >= from && w.walkDay <= to);
  const measures = walkMeasures(input);
  const blocks: Block[] = [];
  if (walks.length) {
    blocks.push(
      fig(
        'vandringar',
        `Trygghetsvandringar ${periodLabel(from, to)}`,
        ['Datum', 'Vandring', 'Kommun', 'Iakttagelser', 'Åtgärder', 'Försenade'],
        [...walks]
          .reverse()
          .map((w) => [
            w.walkDay,
            w.title,
            name.get(w.kommunId) ?? '',
            formatInteger(w.observations),
            formatInteger(w.measures),
            formatInteger(w.overdue),
          ]),
        { align: ['left', 'left', 'left', 'right', 'right', 'right'] },
      ),
    );
  } else {
    blocks.push({ kind: 'text', text: `Inga trygghetsvandringar under ${periodLabel(from, to)}.` });
  }
  if (measures.length) {
    blocks.push(
      { kind: 'keyFigures', items: [{ label: 'Åtgärder från trygghetsvandringar', value: measureTally(measures) }] },
      measureFigure('atgarder', 'Åtgärder från trygghetsvandringar och deras status', measures, [
        'what',
        'origin',
        'responsible',
        'due',
        'lofte',
        'status',
      ]),
    );
  } else {
    blocks.push({ kind: 'text', text: 'Inga åtgärder från trygghetsvandringar gäller perioden.' });
  }
  return section('trygghetsvandringar', 'Åtgärder från trygghetsvandringar', blocks);
}
