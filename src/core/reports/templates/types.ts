/** The shape of a report template: a function of the selection to its chapters. */
import type { ReportSelection, Section } from '../../../shared/report';
import type { BuildContext, Counts, ResolvedArea } from '../common';

export interface TemplateInput {
  ctx: BuildContext;
  sel: ReportSelection;
  area: ResolvedArea;
  /** Latest day with data from every regular source; null: none. */
  asOf: string | null;
  /** How counts for places and categories are printed (publication rule). */
  counts: Counts;
}

export interface TemplateOutput {
  /** Under the title on the title page and in the PDF subject. */
  subtitle: string;
  chapters: Section[];
  /** Print UTKAST on every page (e.g. a löfte not yet decided). */
  draft?: boolean | undefined;
  /** Replaces the default "<Mall> <år> – <område>" title when the user has not written one. */
  defaultTitle?: string | undefined;
  /** The period the document is about when it is not the selection's (a löfte's, an agreement's). */
  period?: { from: string; to: string } | undefined;
}

export type TemplateBuilder = (input: TemplateInput) => TemplateOutput;
