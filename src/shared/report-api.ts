/** The report operations' inputs (zod) and outputs, as the screens and `npm run report` use them. */
import { z } from 'zod';
import { isValidDay } from './calendar';
import {
  FOLLOW_UP_KINDS,
  REPORT_LIMITS,
  REPORT_TEMPLATES,
  type PiiHit,
  type ReportDocument,
  type ReportEdits,
  type ReportSelection,
  type ReportTemplate,
} from './report';

const day = (label: string) =>
  z.string({ error: `${label} saknas.` }).refine(isValidDay, `${label} måste vara ett datum på formen ÅÅÅÅ-MM-DD.`);

const id = z.number({ error: 'Id saknas.' }).int().positive();

export const reportAreaSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('kommun'),
      kommunCode: z.string().regex(/^\d{4}$/, 'Kommunkoden ska vara fyra siffror (SCB:s kod, t.ex. 1276).'),
    }),
    z.object({ kind: z.literal('lpo'), lpo: z.string().trim().min(1, 'Ange lokalpolisområdets namn.').max(100) }),
  ],
  { error: 'Välj en kommun eller ett lokalpolisområde.' },
);

export const reportSelectionSchema = z
  .object({
    template: z.enum(REPORT_TEMPLATES, { error: 'Välj en mall.' }),
    area: reportAreaSchema,
    from: day('Periodens första dag'),
    to: day('Periodens sista dag'),
    lofteId: id.optional(),
    agreementId: id.optional(),
    followUpKind: z
      .enum(FOLLOW_UP_KINDS, { error: 'Välj kvartalsrapport, årsuppföljning eller slutrapport.' })
      .optional(),
    publication: z.boolean().optional(),
  })
  .refine((s) => s.from <= s.to, { message: 'Periodens första dag ligger efter den sista.', path: ['to'] })
  .refine((s) => s.template !== 'medborgarlofte' || s.lofteId !== undefined, {
    message: 'Välj vilket medborgarlöfte som ska skrivas ut.',
    path: ['lofteId'],
  }) satisfies z.ZodType<ReportSelection>;

const LOGO = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

export const reportEditsSchema = z.object({
  title: z.string().max(REPORT_LIMITS.title, `Titeln får vara högst ${REPORT_LIMITS.title} tecken.`).default(''),
  diarienummer: z
    .string()
    .max(REPORT_LIMITS.diarienummer, `Diarienumret får vara högst ${REPORT_LIMITS.diarienummer} tecken.`)
    .default(''),
  logo: z
    .object({
      fileName: z.string().max(260),
      dataUrl: z
        .string()
        .max(Math.ceil((REPORT_LIMITS.logoBytes * 4) / 3) + 40, 'Logotypen får vara högst 1 MB.')
        .regex(LOGO, 'Logotypen ska vara en PNG-, JPEG- eller SVG-bild.'),
    })
    .nullable()
    .default(null),
  texts: z
    .record(
      z.string().max(100),
      z.string().max(REPORT_LIMITS.text, `En text får vara högst ${REPORT_LIMITS.text} tecken.`),
    )
    .default({}),
  omitted: z.array(z.string().max(100)).max(500).default([]),
}) satisfies z.ZodType<ReportEdits>;

/** A stored report, or the template's default content for a selection (stored nowhere). */
export const reportSourceSchema = z.union([z.object({ id }), z.object({ selection: reportSelectionSchema })], {
  error: 'Välj en rapport eller ett urval.',
});
export type ReportSource = z.input<typeof reportSourceSchema>;

export const piiDecisionSchema = z.discriminatedUnion('action', [
  z.object({ id: z.string().max(100), action: z.literal('mask') }),
  z.object({
    id: z.string().max(100),
    action: z.literal('keep'),
    reason: z.string().trim().min(1, 'Skriv varför uppgiften får stå kvar.').max(500),
  }),
]);

export const reportDecideSchema = z.object({
  id,
  revision: z.number().int().nonnegative(),
  decidedBy: z.string().trim().min(1, 'Ange vem som fastställde rapporten (t.ex. kommunfullmäktige).').max(200),
  decidedOn: day('Beslutsdagen'),
  protocolRef: z.string().trim().min(1, 'Ange protokollets paragraf eller diarienummer.').max(200),
});

export const reportExportSchema = z.object({
  source: reportSourceSchema,
  format: z.enum(['pdf', 'docx'], { error: 'Välj PDF eller Word.' }),
  decisions: z.array(piiDecisionSchema).max(2000).default([]),
});

export type ReportStatus = 'utkast' | 'faststalld';

export interface ReportSummary {
  id: number;
  template: ReportTemplate;
  title: string;
  areaName: string;
  /** The kommuner it covers (an LPO report: all of the LPO's). */
  kommunIds: number[];
  year: number;
  from: string;
  to: string;
  status: ReportStatus;
  version: number;
  decided: { by: string; on: string; protocolRef: string } | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** The figures and text slots of a document, for the editor. */
export interface ReportOutline {
  figures: { id: string; caption: string; chapter: string; kept: boolean }[];
  slots: { key: string; hint: string; chapter: string; text: string }[];
}

export interface ReportDetails extends ReportSummary, ReportOutline {
  selection: ReportSelection;
  edits: ReportEdits;
  previousId: number | null;
  revision: number;
  createdAt: string;
  createdBy: string | null;
  /** As it prints now: a fastställd report's frozen document, else built from today's data. */
  document: ReportDocument;
}

export interface ReportPreview {
  /** The PDF as it will be saved, base64. */
  pdfBase64: string;
  pages: number;
}

export type { PiiHit };
