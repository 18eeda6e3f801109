/**
 * Builds a report document: the template's chapters for the selection, with the user's edits (title page,
 * texts, figures left out). The one function the app's preview, the PDF, the .docx and `npm run report` use.
 *
 * The template's chapters depend on the data and the selection only; the user's texts are filled into
 * their slots afterwards. So an autosave does not recompute figures: chapters are kept per connection for
 * the same data version, selection and day.
 */
import { REPORT_TEMPLATES, type ReportDocument, type ReportSelection, type Section } from '../../shared/report';
import type { ReportOutline } from '../../shared/report-api';
import { AppError } from '../../shared/errors';
import type { Repos } from '../app/context';
import {
  countsFor,
  dataAsOf,
  defaultTitle,
  figuresOf,
  isPublication,
  periodLabel,
  resolveArea,
  withoutOmitted,
  type BuildContext,
} from './common';
import { TEMPLATES } from './templates';
import type { TemplateOutput } from './templates/types';

interface Built {
  out: TemplateOutput;
  areaName: string;
  kommunCodes: string[];
  asOf: string | null;
}

const KEEP = 6;
const cache = new WeakMap<Repos, Map<string, Built>>();

function template(ctx: BuildContext, sel: ReportSelection): Built {
  const key = ctx.version === undefined ? null : `${ctx.version}|${ctx.today}|${JSON.stringify(sel)}`;
  const mine = cache.get(ctx.r) ?? new Map<string, Built>();
  cache.set(ctx.r, mine);
  const hit = key === null ? undefined : mine.get(key);
  if (hit) return hit;
  if (!REPORT_TEMPLATES.includes(sel.template))
    throw new AppError('validation', `Okänd mall: ${String(sel.template)}.`);
  if (sel.from > sel.to) throw new AppError('validation', 'Periodens första dag ligger efter den sista.');
  const area = resolveArea(ctx.r, sel.area);
  const asOf = dataAsOf(ctx);
  // Texts are filled in afterwards: the template sees none, so its chapters do not depend on them.
  const blank = { ...ctx, edits: { ...ctx.edits, texts: {} } };
  const out = TEMPLATES[sel.template]({ ctx: blank, sel, area, asOf, counts: countsFor(sel, area.lpo.kommuner) });
  const built = { out, areaName: area.name, kommunCodes: area.kommuner.map((k) => k.scbCode), asOf };
  if (key !== null) {
    mine.set(key, built);
    while (mine.size > KEEP) mine.delete(mine.keys().next().value!);
  }
  return built;
}

function fillSlots(sections: readonly Section[], texts: Record<string, string>): Section[] {
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => (b.kind === 'slot' ? { ...b, text: texts[b.key] ?? '' } : b)),
    sections: fillSlots(s.sections, texts),
  }));
}

/** The document with every figure (the editor lists them with "keep"), and its outline. */
export function buildWithOutline(
  ctx: BuildContext,
  sel: ReportSelection,
): { document: ReportDocument } & ReportOutline {
  const { out, areaName, kommunCodes, asOf } = template(ctx, sel);
  const chapters = fillSlots(out.chapters, ctx.edits.texts);
  const omitted = new Set(ctx.edits.omitted);
  const title = ctx.edits.title.trim() || out.defaultTitle || defaultTitle(sel, areaName);
  const { from, to } = out.period ?? sel;
  const document: ReportDocument = {
    template: sel.template,
    title,
    subtitle: out.subtitle,
    areaName,
    kommunCodes,
    period: { from, to },
    periodLabel: periodLabel(from, to),
    dataAsOf: asOf,
    periodIncomplete: asOf === null || asOf < to,
    diarienummer: ctx.edits.diarienummer.trim(),
    logo: ctx.edits.logo,
    draft: out.draft ?? false,
    publication: isPublication(sel),
    decided: null,
    author: ctx.author,
    subject: `${out.subtitle}. ${areaName}, ${periodLabel(from, to)}.`,
    generatedAt: ctx.now.toISOString(),
    chapters: withoutOmitted(chapters, ctx.edits.omitted),
  };
  return { document, ...outlineOf(chapters, omitted) };
}

export function buildDocument(ctx: BuildContext, sel: ReportSelection): ReportDocument {
  return buildWithOutline(ctx, sel).document;
}

/** Figures (kept or not) and text slots of chapters, in order. */
export function outlineOf(chapters: readonly Section[], omitted: ReadonlySet<string> = new Set()): ReportOutline {
  const slots: ReportOutline['slots'] = [];
  const walk = (s: Section, chapter: string) => {
    for (const b of s.blocks) if (b.kind === 'slot') slots.push({ key: b.key, hint: b.hint, chapter, text: b.text });
    for (const sub of s.sections) walk(sub, chapter);
  };
  for (const c of chapters) walk(c, c.title);
  return {
    figures: figuresOf(chapters).map((f) => ({ ...f, kept: !omitted.has(f.id) })),
    slots,
  };
}
