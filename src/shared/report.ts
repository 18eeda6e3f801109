import type { MapSpec } from './maps/spec';

/**
 * Reports for kommunfullmäktige: what a report covers (the selection), what the user adds (texts, figure
 * choices, title page), and the document Lägesbild builds from both. The document is plain data: the print
 * components (src/print) turn it into HTML for the PDF, the .docx writer into Word, the app into its preview
 * and editor. Every number in it is already formatted for a Swedish reader, so PDF, .docx and screen agree.
 */

export const REPORT_TEMPLATES = [
  'lagesbild',
  'medborgarlofte',
  'uppfoljning',
  'medborgare',
  'atgardsplan',
  'overenskommelse',
] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export const TEMPLATE_LABELS: Record<ReportTemplate, string> = {
  lagesbild: 'Lägesbild',
  medborgarlofte: 'Medborgarlöfte',
  uppfoljning: 'Uppföljning',
  medborgare: 'Till medborgarna',
  atgardsplan: 'Åtgärdsplan',
  overenskommelse: 'Samverkansöverenskommelse',
};

/** Templates printed for the public: small counts are shown as "färre än 3" (always, not a choice). */
export const PUBLIC_TEMPLATES: readonly ReportTemplate[] = ['medborgarlofte', 'medborgare'];

export const FOLLOW_UP_KINDS = ['kvartalsrapport', 'arsuppfoljning', 'slutrapport'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  kvartalsrapport: 'Kvartalsrapport',
  arsuppfoljning: 'Årsuppföljning',
  slutrapport: 'Slutrapport',
};

/** "Klippan" → "Klippans kommun"; names ending in s, x or z take no extra s ("Kävlinge kommun" aside). */
export function kommunLongName(name: string): string {
  return /[sxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}

/** "Lägesbild 2026 – Klippans kommun"; across years "Lägesbild 2024–2026 – …"; an uppföljning by its kind. */
export function defaultTitle(
  sel: { template: ReportTemplate; from: string; to: string; followUpKind?: FollowUpKind | undefined },
  areaName: string,
): string {
  const fy = sel.from.slice(0, 4);
  const ty = sel.to.slice(0, 4);
  const years = fy === ty ? fy : `${fy}–${ty}`;
  const label =
    sel.template === 'uppfoljning' && sel.followUpKind
      ? FOLLOW_UP_LABELS[sel.followUpKind]
      : TEMPLATE_LABELS[sel.template];
  return `${label} ${years} – ${areaName}`;
}

/** A kommun by SCB code, or a lokalpolisområde by name. */
export type ReportArea = { kind: 'kommun'; kommunCode: string } | { kind: 'lpo'; lpo: string };

/** What a report is about; the figures are computed for exactly this. */
export interface ReportSelection {
  template: ReportTemplate;
  area: ReportArea;
  /** ÅÅÅÅ-MM-DD, both days included. The period may run past the latest data (a year in progress). */
  from: string;
  to: string;
  /** Medborgarlöfte: the löfte (required). Uppföljning: one löfte instead of all of the kommun's. */
  lofteId?: number | undefined;
  /** Samverkansöverenskommelse: the agreement (else the one covering the area and period). */
  agreementId?: number | undefined;
  /** Uppföljning: what the report is called. */
  followUpKind?: FollowUpKind | undefined;
  /** Marked for publication: small counts are suppressed as in a public template. */
  publication?: boolean | undefined;
}

export interface ReportLogo {
  fileName: string;
  /** data:image/png|jpeg|svg+xml;base64,… */
  dataUrl: string;
}

/** What the user adds to the generated document; stored with the report, autosaved. */
export interface ReportEdits {
  /** Empty: the template's title ("Lägesbild 2026 – Klippans kommun"). */
  title: string;
  diarienummer: string;
  logo: ReportLogo | null;
  /** The user's text per text slot (`TextSlot.key`). */
  texts: Record<string, string>;
  /** Figures (`Figure.id`) left out of the document. */
  omitted: string[];
}

export const EMPTY_EDITS: ReportEdits = { title: '', diarienummer: '', logo: null, texts: {}, omitted: [] };

export const REPORT_LIMITS = { title: 200, diarienummer: 60, text: 20_000, logoBytes: 1_000_000 } as const;

// ---------------------------------------------------------------------------------------------------------
// The document

/** A chart drawn as SVG; its numbers are always also in the figure's table. */
export interface ChartSpec {
  type: 'bars' | 'lines' | 'heatmap';
  /** Along the x axis (bars/lines), or the columns of a heatmap. */
  labels: string[];
  /** One per bar group / line / heatmap row. null = no value (drawn as a gap). */
  series: { name: string; values: (number | null)[] }[];
  /** What the values count, for the axis ("händelser", "per 1 000 invånare", "%"). */
  unit: string;
}

export interface TableSpec {
  /** Column headings (th scope=col). */
  head: string[];
  /** Cells as printed. The first cell of each row is its heading (th scope=row). */
  rows: string[][];
  /** Per column: numbers right-aligned. Default: first column left, the rest right. */
  align?: ('left' | 'right')[] | undefined;
}

/** A figure: a table, optionally with a chart of the same numbers above it. The user may leave it out. */
export interface Figure {
  kind: 'figure';
  /** Stable within the template (the user's choice to omit it is stored by this id). */
  id: string;
  /** Caption of the table ("Tabell: …") and title of the chart. */
  caption: string;
  table: TableSpec;
  chart?: ChartSpec | undefined;
  /** A map of the same numbers (drawn instead of a chart): vector in the PDF, an image in Word. */
  map?: MapSpec | undefined;
  /** Text alternative of the chart: what it shows in one or two sentences. */
  alt?: string | undefined;
  /** Source and as-of line under the figure. */
  source?: string | undefined;
  /** Caveats (small numbers, missing data). */
  note?: string | undefined;
}

/** Text written by the user (analysis, conclusions); editable in the app, empty until written. */
export interface TextSlot {
  kind: 'slot';
  key: string;
  /** What to write here, shown in the editor (not printed). */
  hint: string;
  text: string;
}

export type Block =
  /** Generated text; blank lines separate paragraphs. */
  | { kind: 'text'; text: string }
  | TextSlot
  | Figure
  /** A few headline numbers. */
  | { kind: 'keyFigures'; items: { label: string; value: string; note?: string | undefined }[] }
  | { kind: 'list'; items: string[]; ordered?: boolean | undefined }
  /** A boxed caveat ("Perioden är inte slut: data per …"). */
  | { kind: 'note'; text: string }
  /** Label–value pairs (owner, date, status of a measure; a fokusområde's parts). */
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'signatures'; signers: { role: string; name: string; date: string }[] };

/** A chapter (h2) or a section of one (h3). */
export interface Section {
  /** Stable anchor ("kartlaggning", "kartlaggning-kategorier"). */
  id: string;
  title: string;
  blocks: Block[];
  sections: Section[];
}

export interface ReportDocument {
  template: ReportTemplate;
  /** "Lägesbild 2026 – Klippans kommun". */
  title: string;
  /** Under the title: "Lägesbild enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete". */
  subtitle: string;
  /** "Klippans kommun", "Lokalpolisområde Klippan". */
  areaName: string;
  kommunCodes: string[];
  period: { from: string; to: string };
  /** "1 januari–31 december 2026". */
  periodLabel: string;
  /** The latest day with data from every regular source (ÅÅÅÅ-MM-DD); null when there is none. */
  dataAsOf: string | null;
  /** The period runs past the latest data (a year in progress). */
  periodIncomplete: boolean;
  diarienummer: string;
  logo: ReportLogo | null;
  /** Marked UTKAST on every page (an undecided löfte, an utkast report printed as such). */
  draft: boolean;
  /** For publication: small counts suppressed. */
  publication: boolean;
  /** Fastställd: who, when, protocol reference. */
  decided: { by: string; on: string; protocolRef: string } | null;
  /** PDF metadata. */
  author: string;
  subject: string;
  /** When the figures were computed (ISO instant). */
  generatedAt: string;
  chapters: Section[];
}

// ---------------------------------------------------------------------------------------------------------
// Personal data

export const PII_KINDS = ['personnummer', 'samordningsnummer', 'telefonnummer', 'epost'] as const;
export type PiiKind = (typeof PII_KINDS)[number];
export const PII_LABELS: Record<PiiKind, string> = {
  personnummer: '[personnummer]',
  samordningsnummer: '[samordningsnummer]',
  telefonnummer: '[telefonnummer]',
  epost: '[e-postadress]',
};

/** A possible personal datum in a text going into a report. */
export interface PiiHit {
  /** Stable for the same text at the same place: decisions refer to it. */
  id: string;
  kind: PiiKind;
  match: string;
  /** Where: "Analys › Prioriterade problem" or "Tabell: Återkommande platser". */
  where: string;
  /** The match with up to 40 characters either side. */
  before: string;
  after: string;
}

export type PiiDecision = { id: string; action: 'mask' } | { id: string; action: 'keep'; reason: string };
