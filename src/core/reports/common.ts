/**
 * What every report template shares: the area a report covers, the period and its wording, the latest data,
 * the user's texts, and the publication rule for small counts. Templates build a `ReportDocument` from a
 * `BuildContext`; nothing here writes.
 */
import type { Kommun } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { formatInteger } from '../../shared/format';
import {
  kommunLongName,
  PUBLIC_TEMPLATES,
  type Block,
  type ReportArea,
  type ReportEdits,
  type ReportSelection,
  type Section,
  type TextSlot,
} from '../../shared/report';
import type { Repos } from '../app/context';

export { defaultTitle, kommunLongName } from '../../shared/report';
import { latestDataDay } from '../dashboards/periods';

export interface BuildContext {
  r: Repos;
  /** Now (the clock of the workspace); `today` is its local day. */
  now: Date;
  today: string;
  /** Who is making the document (PDF metadata). */
  author: string;
  edits: ReportEdits;
  /** The data version (DbContext.version()): built chapters are reused while it stays the same. */
  version?: string | undefined;
}

/** Kommuner below this population are "small": counts below 3 are suppressed in published documents. */
export const SMALL_KOMMUN_POPULATION = 20_000;
/** Counts below this are shown as "färre än 3" in published documents for small kommuner. */
export const SUPPRESS_BELOW = 3;
export const SUPPRESSED_TEXT = 'färre än 3';

export interface ResolvedArea {
  kind: ReportArea['kind'];
  /** "Klippans kommun" / "Lokalpolisområde Klippan". */
  name: string;
  /** Short name for titles: "Klippan" / "LPO Klippan". */
  shortName: string;
  kommuner: Kommun[];
  /** The LPO the area belongs to (for a kommun: its LPO), with all its kommuner. */
  lpo: { id: number; name: string; kommuner: Kommun[] };
}

export function resolveArea(r: Repos, area: ReportArea): ResolvedArea {
  const kommuner = r.reference.kommuner();
  const lpos = r.reference.lpos();
  if (area.kind === 'kommun') {
    const k = kommuner.find((x) => x.scbCode === area.kommunCode);
    if (!k) throw new AppError('not_found', `Kommunkoden ${area.kommunCode} finns inte i databasen.`);
    const lpo = lpos.find((l) => l.id === k.lpoId);
    return {
      kind: 'kommun',
      name: kommunLongName(k.name),
      shortName: k.name,
      kommuner: [k],
      lpo: { id: k.lpoId, name: lpo?.name ?? '', kommuner: kommuner.filter((x) => x.lpoId === k.lpoId) },
    };
  }
  const wanted = area.lpo.trim().toLocaleLowerCase('sv-SE');
  const lpo = lpos.find((l) => l.name.toLocaleLowerCase('sv-SE') === wanted);
  if (!lpo) {
    const known = lpos.map((l) => l.name).join(', ');
    throw new AppError('not_found', `Lokalpolisområdet "${area.lpo}" finns inte i databasen (finns: ${known}).`);
  }
  const own = kommuner.filter((x) => x.lpoId === lpo.id);
  return {
    kind: 'lpo',
    name: `Lokalpolisområde ${lpo.name}`,
    shortName: `LPO ${lpo.name}`,
    kommuner: own,
    lpo: { id: lpo.id, name: lpo.name, kommuner: own },
  };
}

export { longDay, MONTH_SHORT, periodLabel } from '../../shared/report-text';

export function isPublication(sel: ReportSelection): boolean {
  return PUBLIC_TEMPLATES.includes(sel.template) || sel.publication === true;
}

/**
 * How a count for a place or a category is printed. In a published document for a small kommun, counts of
 * 1 and 2 become "färre än 3" (zero cannot single anyone out and stays 0), as Brå suppresses small cells.
 */
export class Counts {
  constructor(
    readonly publication: boolean,
    /** Population of the kommun the count belongs to (null: unknown → treated as small). */
    private readonly populationOf: (kommunId: number) => number | null,
  ) {}

  /** Whether counts for this kommun are suppressed. */
  suppresses(kommunId: number): boolean {
    if (!this.publication) return false;
    const p = this.populationOf(kommunId);
    return p === null || p < SMALL_KOMMUN_POPULATION;
  }

  /** The printed count; `kommunIds` are the kommuner it covers (a count over several is not suppressed). */
  text(n: number, kommunIds: readonly number[]): string {
    return this.hidden(n, kommunIds) ? SUPPRESSED_TEXT : formatInteger(n);
  }

  /** For charts: the value, or null when the printed count is suppressed. */
  value(n: number, kommunIds: readonly number[]): number | null {
    return this.hidden(n, kommunIds) ? null : n;
  }

  hidden(n: number, kommunIds: readonly number[]): boolean {
    return n > 0 && n < SUPPRESS_BELOW && kommunIds.length === 1 && this.suppresses(kommunIds[0]!);
  }
}

export function countsFor(sel: ReportSelection, kommuner: readonly Kommun[]): Counts {
  return new Counts(isPublication(sel), (id) => kommuner.find((k) => k.id === id)?.population ?? null);
}

export function dataAsOf(ctx: BuildContext): string | null {
  return latestDataDay(ctx.r.db, ctx.today);
}

/** A text slot filled with what the user wrote. */
export function slot(ctx: BuildContext, key: string, hint: string): TextSlot {
  return { kind: 'slot', key, hint, text: ctx.edits.texts[key] ?? '' };
}

export function section(id: string, title: string, blocks: Block[], sections: Section[] = []): Section {
  return { id, title, blocks, sections };
}

/** The figures of a document, in order (for the editor's "keep this figure" list). */
export function figuresOf(sections: readonly Section[]): { id: string; caption: string; chapter: string }[] {
  const out: { id: string; caption: string; chapter: string }[] = [];
  const walk = (s: Section, chapter: string) => {
    for (const b of s.blocks) if (b.kind === 'figure') out.push({ id: b.id, caption: b.caption, chapter });
    for (const sub of s.sections) walk(sub, chapter);
  };
  for (const s of sections) walk(s, s.title);
  return out;
}

/** The document without the figures the user left out. */
export function withoutOmitted(sections: readonly Section[], omitted: readonly string[]): Section[] {
  if (omitted.length === 0) return [...sections];
  const drop = new Set(omitted);
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.filter((b) => b.kind !== 'figure' || !drop.has(b.id)),
    sections: withoutOmitted(s.sections, omitted),
  }));
}
