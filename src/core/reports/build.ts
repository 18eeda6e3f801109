/**
 * Builds a report document: the template's chapters for the selection, with the user's edits (title page,
 * texts, figures left out). The one function the app's preview, the PDF, the .docx and `npm run report` use.
 */
import { REPORT_TEMPLATES, type ReportDocument, type ReportSelection } from '../../shared/report';
import { AppError } from '../../shared/errors';
import { countsFor, dataAsOf, defaultTitle, isPublication, periodLabel, resolveArea, withoutOmitted } from './common';
import type { BuildContext } from './common';
import { TEMPLATES } from './templates';

export function buildDocument(ctx: BuildContext, sel: ReportSelection): ReportDocument {
  if (!REPORT_TEMPLATES.includes(sel.template)) throw new AppError('validation', `Okänd mall: ${String(sel.template)}.`);
  if (sel.from > sel.to) throw new AppError('validation', 'Periodens början ligger efter dess slut.');
  const area = resolveArea(ctx.r, sel.area);
  const asOf = dataAsOf(ctx);
  const out = TEMPLATES[sel.template]({ ctx, sel, area, asOf, counts: countsFor(sel, area.lpo.kommuner) });
  const title = ctx.edits.title.trim() || out.defaultTitle || defaultTitle(sel, area.name);
  return {
    template: sel.template,
    title,
    subtitle: out.subtitle,
    areaName: area.name,
    kommunCodes: area.kommuner.map((k) => k.scbCode),
    period: { from: sel.from, to: sel.to },
    periodLabel: periodLabel(sel.from, sel.to),
    dataAsOf: asOf,
    periodIncomplete: asOf === null || asOf < sel.to,
    diarienummer: ctx.edits.diarienummer.trim(),
    logo: ctx.edits.logo,
    draft: out.draft ?? false,
    publication: isPublication(sel),
    decided: null,
    author: ctx.author,
    subject: `${out.subtitle}. ${area.name}, ${periodLabel(sel.from, sel.to)}.`,
    generatedAt: ctx.now.toISOString(),
    chapters: withoutOmitted(out.chapters, ctx.edits.omitted),
  };
}
