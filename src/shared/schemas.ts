/** zod schemas for every input that crosses the boundary. Messages are Swedish and name the field. */
import { z } from 'zod';
import { MAP_LOCATIONS, PRECISIONS, SORT_COLUMNS, SOURCES, STATUSES } from './domain';
import { CATEGORY_CODES, categoryOfSubcategory } from './taxonomy';
import { isValidDay } from './time';
import { DAY_YEAR_MAX, DAY_YEAR_MIN } from './calendar';
import { DASHBOARDS, EST_CYCLES, TREND_SPLITS, type ViewSettings } from './dashboards';
import { CADENCES, LOFTE_LIMITS, LOFTE_STATES, RESPONSIBLE, type LofteContent } from './lofte';
import { MEASURE_STATUSES } from './walks';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The largest id the contract takes: SQLite's rowids fit in far more, but no real row comes near it. */
export const ID_MAX = 2_147_483_647;

export const idSchema = z.number({ error: 'Id saknas.' }).int().positive().max(ID_MAX, 'Id:t är för stort.');

const isoUtc = (label: string) =>
  z
    .string({ error: `${label} saknas.` })
    .regex(ISO_UTC, `${label} måste vara en giltig tidpunkt.`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${label} måste vara en giltig tidpunkt.`);

const dayString = (label: string) =>
  z.string().superRefine((day, ctx) => {
    if (isValidDay(day)) return;
    const year = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Number(day.slice(0, 4)) : NaN;
    const outside = year < DAY_YEAR_MIN || year > DAY_YEAR_MAX;
    ctx.addIssue({
      code: 'custom',
      message: outside
        ? `${label} måste ligga mellan år ${DAY_YEAR_MIN} och ${DAY_YEAR_MAX}.`
        : `${label} måste vara ett datum på formen ÅÅÅÅ-MM-DD.`,
    });
  });

/** Five minutes of clock skew allowed before a time counts as "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

export const incidentInputSchema = z
  .object({
    source: z.enum(SOURCES, { error: 'Välj en källa.' }),
    category: z.string({ error: 'Välj en kategori.' }).refine((c) => CATEGORY_CODES.includes(c), 'Välj en kategori.'),
    subcategory: z.string({ error: 'Välj en underkategori.' }).min(1, 'Välj en underkategori.'),
    occurredAt: isoUtc('Tidpunkt för händelsen'),
    reportedAt: isoUtc('Rapporteringstid'),
    kommunId: z
      .number({ error: 'Välj en kommun.' })
      .int()
      .positive('Välj en kommun.')
      .max(ID_MAX, 'Id:t är för stort.'),
    placeName: z.string().trim().max(200, 'Platsens namn får vara högst 200 tecken.').default(''),
    lat: z
      .number()
      .min(55, 'Latitud måste ligga i Sverige (55–70).')
      .max(70, 'Latitud måste ligga i Sverige (55–70).')
      .nullable()
      .default(null),
    lon: z
      .number()
      .min(10, 'Longitud måste ligga i Sverige (10–25).')
      .max(25, 'Longitud måste ligga i Sverige (10–25).')
      .nullable()
      .default(null),
    precision: z.enum(PRECISIONS).nullable().default(null),
    description: z
      .string({ error: 'Beskriv händelsen.' })
      .trim()
      .min(1, 'Beskriv händelsen.')
      .max(4000, 'Beskrivningen får vara högst 4 000 tecken.'),
    reporterOrg: z.string().trim().max(200, 'Organisationen får vara högst 200 tecken.').default(''),
    status: z.enum(STATUSES, { error: 'Välj en status.' }),
  })
  .superRefine((v, ctx) => {
    if (categoryOfSubcategory(v.subcategory) !== v.category) {
      ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'Underkategorin hör inte till vald kategori.' });
    }
    if (Date.parse(v.occurredAt) > Date.now() + FUTURE_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'Tidpunkten ligger i framtiden.' });
    }
    if (Date.parse(v.reportedAt) < Date.parse(v.occurredAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportedAt'],
        message: 'Rapporteringstiden kan inte vara före händelsen.',
      });
    }
    if ((v.lat === null) !== (v.lon === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === null ? 'lat' : 'lon'],
        message: 'Ange både latitud och longitud, eller ingen av dem.',
      });
    }
    if (v.lat !== null && v.precision === null) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: 'Ange hur exakt positionen är.' });
    }
  });
export type IncidentInput = z.output<typeof incidentInputSchema>;
export type IncidentInputRaw = z.input<typeof incidentInputSchema>;

const idList = z.array(idSchema).max(500);

/** The rollups' dimensions: what both the register's and the dashboards' filters select by. */
const dimensionFields = {
  lpoIds: idList.optional(),
  kommunIds: idList.optional(),
  sources: z.array(z.enum(SOURCES)).max(SOURCES.length).optional(),
  categories: z
    .array(z.string().refine((c) => CATEGORY_CODES.includes(c), 'Okänd kategori.'))
    .max(CATEGORY_CODES.length)
    .optional(),
};

export const incidentFilterSchema = z
  .object({
    ...dimensionFields,
    fromDay: dayString('Från-datum').optional(),
    toDay: dayString('Till-datum').optional(),
    text: z.string().max(200, 'Söktexten får vara högst 200 tecken.').optional(),
    // Register only: the rollups have no place dimension, so this stays out of dimensionFields (which the
    // dashboards' filter is built from).
    placeNames: z
      .array(
        z
          .string({ error: 'Platsens namn måste vara text.' })
          .trim()
          .min(1, 'Platsens namn får inte vara tomt.')
          .max(200, 'Platsens namn får vara högst 200 tecken.'),
        { error: 'Platser anges som en lista med namn.' },
      )
      .max(50, 'Högst 50 platser åt gången.')
      .optional(),
    location: z.enum(MAP_LOCATIONS, { error: 'Okänd platsnoggrannhet.' }).optional(),
    cell: z
      .object({
        size: z.number().int().min(50, 'Rutorna är minst 50 m.').max(5000, 'Rutorna är högst 5 000 m.'),
        originX: z.number().min(-1e7).max(1e7),
        originY: z.number().min(-1e7).max(1e8),
        col: z.number().int().min(0).max(100_000),
        row: z.number().int().min(0).max(100_000),
      })
      .optional(),
  })
  .refine((f) => !f.fromDay || !f.toDay || f.fromDay <= f.toDay, {
    path: ['toDay'],
    message: 'Till-datum måste vara samma som eller efter från-datum.',
  });

export const incidentSortSchema = z.object({
  column: z.enum(SORT_COLUMNS, { error: 'Okänd sorteringskolumn.' }),
  direction: z.enum(['asc', 'desc']),
});

export const DEFAULT_SORT = { column: 'occurredAt', direction: 'desc' } as const;

export const pageInputSchema = z
  .object({
    filter: incidentFilterSchema.default({}),
    sort: incidentSortSchema.default(DEFAULT_SORT),
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
  })
  .refine((p) => p.endRow > p.startRow && p.endRow - p.startRow <= 1000, {
    path: ['endRow'],
    message: 'En sida får ha 1–1 000 rader.',
  });

export const filePathSchema = z
  .string({ error: 'Ange en fil.' })
  .trim()
  .min(1, 'Ange en fil.')
  .max(4096, 'Sökvägen är för lång.');

/** A dashboard's selection: a period (required: dashboards compare periods) and the rollups' dimensions. */
export const dashboardFilterSchema = z
  .object({
    ...dimensionFields,
    fromDay: dayString('Från-datum'),
    toDay: dayString('Till-datum'),
  })
  .refine((f) => f.fromDay <= f.toDay, {
    path: ['toDay'],
    message: 'Till-datum måste vara samma som eller efter från-datum.',
  });

/** Two days, from ≤ to: a period a dashboard resolved (saved with a view, pinned when it is reopened). */
export const dayRangeSchema = z
  .object({ fromDay: dayString('Från-datum'), toDay: dayString('Till-datum') })
  .refine((r) => r.fromDay <= r.toDay, {
    path: ['toDay'],
    message: 'Till-datum måste vara samma som eller efter från-datum.',
  });

/** The periods a dashboard showed, shown again as they were (a saved view). */
export const pinnedPeriodsSchema = z.object({ current: dayRangeSchema, previous: dayRangeSchema });

export const viewSettingsSchema = z.object({
  filter: dashboardFilterSchema,
  compareWith: z.enum(['previous', 'lastYear']).optional(),
  by: z.enum(['month', 'week']).optional(),
  split: z.enum(TREND_SPLITS).optional(),
  est: z
    .object({
      kommunId: idSchema,
      cycle: z.enum(EST_CYCLES, { error: 'Välj cykel: 1 vecka, 2 veckor, månad eller tertial.' }),
      day: dayString('Dagen'),
    })
    .optional(),
  survey: z.object({ indicator: z.string().min(1).max(60) }).optional(),
  periods: z.object({ current: dayRangeSchema, previous: dayRangeSchema.optional() }).optional(),
});

export const saveViewSchema = z
  .object({
    name: z
      .string({ error: 'Ge vyn ett namn.' })
      .trim()
      .min(1, 'Ge vyn ett namn.')
      .max(120, 'Namnet får vara högst 120 tecken.'),
    dashboard: z.enum(DASHBOARDS, { error: 'Okänd instrumentpanel.' }),
    settings: viewSettingsSchema,
  })
  .refine((v) => v.dashboard !== 'est' || v.settings.est !== undefined, {
    path: ['settings', 'est'],
    message: 'En EST-vy behöver kommun, cykel och dag.',
  });

export const dayStringSchema = dayString('Dagen');

// ---------------------------------------------------------------------------------------------------
// Medborgarlöften

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} måste vara text.` })
    .max(max, `${label} får vara högst ${max.toLocaleString('sv-SE')} tecken.`);

export const lofteStateSchema = z.enum(LOFTE_STATES, { error: 'Okänt tillstånd.' });

const L = LOFTE_LIMITS;
const quantityRange = `${L.quantityMin}–${L.quantityMax.toLocaleString('sv-SE')}`;

export const lofteActivitySchema = z.object({
  key: z.string().min(1).max(40),
  kind: text('Aktiviteten', L.activityKind),
  quantity: z
    .number({ error: `Minst antal måste vara ett heltal ${quantityRange}.` })
    .int(`Minst antal måste vara ett heltal ${quantityRange}.`)
    .min(L.quantityMin, `Minst antal måste vara minst ${L.quantityMin}.`)
    .max(L.quantityMax, `Minst antal får vara högst ${L.quantityMax.toLocaleString('sv-SE')}.`)
    .nullable(),
  cadence: z.enum(CADENCES, { error: 'Välj takt: per vecka, per månad eller under perioden.' }).nullable(),
  responsible: z.enum(RESPONSIBLE, { error: 'Välj ansvarig.' }).nullable(),
  partner: text('Partnerns namn', L.partner),
  note: text('Anteckningen', L.note),
});

export const lofteEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), viewId: idSchema }),
  z.object({ kind: z.literal('survey'), indicator: z.string().min(1).max(60), kommunId: idSchema.nullable() }),
  z.object({ kind: z.literal('filter'), label: text('Urvalets namn', 200), filter: z.record(z.string(), z.unknown()) }),
]);

export const lofteContentSchema = z.object({
  title: text('Rubriken', L.title),
  problem: text('Problembeskrivningen', L.problem),
  evidence: z.array(lofteEvidenceSchema).max(L.evidence, `Högst ${L.evidence} underlag.`),
  activities: z.array(lofteActivitySchema).max(L.activities, `Högst ${L.activities} aktiviteter.`),
  effectGoal: text('Effektmålet', L.effectGoal),
  followUp: text('Uppföljningen', L.followUp),
});

/**
 * A state change. `revision` is the one the editor last saved (a change on an older one is refused), and a
 * decision may name its protocol reference, e.g. "KS 2026-12-03 § 141".
 */
export const lofteTransitionSchema = z.object({
  id: idSchema,
  to: lofteStateSchema,
  revision: z.number().int().min(1).optional(),
  protocolRef: z
    .string({ error: 'Protokollhänvisningen måste vara text.' })
    .trim()
    .max(L.protocolRef, `Protokollhänvisningen får vara högst ${L.protocolRef} tecken.`)
    .optional(),
});

export const lofteCreateSchema = z
  .object({
    kommunId: z
      .number({ error: 'Välj en kommun.' })
      .int()
      .positive('Välj en kommun.')
      .max(ID_MAX, 'Id:t är för stort.'),
    periodFrom: dayString('Periodens början'),
    periodTo: dayString('Periodens slut'),
    focusAreaId: idSchema.nullable().optional(),
    /** Start from another löfte's content (a new period from the previous one's löften). */
    copyOf: idSchema.optional(),
    /** Start with a saved dashboard view as the problem's evidence. */
    evidenceViewId: idSchema.optional(),
  })
  .refine((v) => v.periodFrom <= v.periodTo, {
    path: ['periodTo'],
    message: 'Periodens slut måste vara samma dag som eller efter dess början.',
  });

export const activityLogSchema = z.object({
  id: idSchema,
  activityKey: z.string({ error: 'Välj en aktivitet.' }).min(1, 'Välj en aktivitet.').max(40),
  day: dayString('Datumet'),
  count: z
    .number({ error: 'Ange antal.' })
    .int('Antalet måste vara ett heltal.')
    .min(1, 'Antalet måste vara minst 1.')
    .max(L.logCountMax, `Antalet får vara högst ${L.logCountMax.toLocaleString('sv-SE')}.`),
  place: text('Platsen', L.logPlace).default(''),
  note: text('Anteckningen', L.logNote).default(''),
});

/** A comment on a löfte; without an author the profile's name is used. */
export const lofteCommentSchema = z.object({
  id: idSchema,
  author: z.string().trim().max(L.commentAuthor, `Namnet får vara högst ${L.commentAuthor} tecken.`).default(''),
  body: z
    .string()
    .trim()
    .min(1, 'Skriv en kommentar.')
    .max(L.commentBody, `Kommentaren får vara högst ${L.commentBody.toLocaleString('sv-SE')} tecken.`),
});

// ---------------------------------------------------------------------------------------------------
// Samverkansöverenskommelser. The shape only: the rules (a kommun, the period's order, a signing date not in
// the future, a title per fokusområde) are the core's, so their Swedish sentences reach the user as written.

export const focusAreaInputSchema = z.object({
  id: idSchema.optional(),
  title: text('Fokusområdets rubrik', 200),
  problem: text('Problemet', 8000).default(''),
  // The orsaksanalys in the crime triangle's three parts; `causes` is its "Övrigt" (and the text from before).
  causeVictim: text('Orsaksanalys – brottsutsatt', 8000).default(''),
  causeOffender: text('Orsaksanalys – gärningsperson', 8000).default(''),
  causePlace: text('Orsaksanalys – plats', 8000).default(''),
  causes: text('Orsaksanalys – övrigt', 8000).default(''),
  goals: text('De mätbara målen', 4000).default(''),
  followUp: text('Dokumentation och uppföljning', 4000).default(''),
});

export const agreementSaveSchema = z.object({
  id: idSchema.optional(),
  title: text('Rubriken', 200),
  periodFrom: dayString('Periodens början'),
  periodTo: dayString('Periodens slut'),
  kommunIds: z.array(idSchema, { error: 'Välj minst en kommun.' }).max(500),
  signedByLpo: text('LPO-chefens namn', 200).default(''),
  signedByKommun: text('KSO:s namn', 200).default(''),
  signedOn: dayString('Datum för underskrift').nullable().default(null),
  focusAreas: z.array(focusAreaInputSchema).max(30, 'Högst 30 fokusområden.'),
});

// ---------------------------------------------------------------------------------------------------
// Trygghetsvandringar and åtgärder

const names = (label: string) =>
  z.array(z.string().trim().max(200, `${label}: högst 200 tecken per namn.`)).max(50, `${label}: högst 50.`);

export const walkSaveSchema = z.object({
  id: idSchema.optional(),
  kommunId: z.number({ error: 'Välj en kommun.' }).int().positive('Välj en kommun.').max(ID_MAX, 'Id:t är för stort.'),
  title: z.string().trim().min(1, 'Ge vandringen ett namn.').max(200, 'Namnet får vara högst 200 tecken.'),
  walkDay: dayString('Datumet'),
  afterDark: z.boolean().default(false),
  route: z.string().trim().max(2000, 'Rutten får vara högst 2 000 tecken.').default(''),
  places: names('Platser').default([]),
  invited: names('Inbjudna').default([]),
});

export const observationSchema = z.object({
  walkId: idSchema,
  placeName: z.string().trim().min(1, 'Ange platsen.').max(200, 'Platsens namn får vara högst 200 tecken.'),
  subcategory: z.string({ error: 'Välj vad ni såg.' }).min(1, 'Välj vad ni såg.'),
  note: z.string().trim().max(2000, 'Anteckningen får vara högst 2 000 tecken.').default(''),
});

export const measureSaveSchema = z.object({
  id: idSchema.optional(),
  kommunId: z.number().int().min(0).max(ID_MAX, 'Id:t är för stort.').default(0),
  walkId: idSchema.nullable().optional(),
  observationId: idSchema.nullable().optional(),
  lofteId: idSchema.nullable().optional(),
  viewId: idSchema.nullable().optional(),
  problem: z.string().trim().max(2000, 'Problemet får vara högst 2 000 tecken.').default(''),
  what: z.string().trim().min(1, 'Beskriv åtgärden.').max(1000, 'Åtgärden får vara högst 1 000 tecken.'),
  responsible: z.string().trim().min(1, 'Ange ansvarig enhet, t.ex. Teknik eller en fastighetsägare.').max(200),
  dueDay: dayString('Klart senast').optional(),
  status: z.enum(MEASURE_STATUSES, { error: 'Välj status.' }).default('planerad'),
  declineReason: z.string().trim().max(1000, 'Skälet får vara högst 1 000 tecken.').default(''),
  inPlan: z.boolean().default(false),
});

// ---------------------------------------------------------------------------------------------------
// One shape per entity: the interfaces the rest of the code names must be exactly what the schemas
// produce (a field added to one and not the other does not compile).

type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShape = <T extends true>(_proof: T) => undefined;
sameShape<Exactly<z.output<typeof lofteContentSchema>, LofteContent>>(true);
sameShape<Exactly<z.output<typeof viewSettingsSchema>, ViewSettings>>(true);

/** A place's position, typed by the user: both numbers or neither (the position removed). */
export const placePositionSchema = z.object({
  kommunId: idSchema,
  name: z
    .string({ error: 'Platsens namn måste vara text.' })
    .trim()
    .min(1, 'Platsens namn får inte vara tomt.')
    .max(200, 'Platsens namn får vara högst 200 tecken.'),
  lat: z.number({ error: 'Latitud måste vara ett tal.' }).min(-90).max(90).nullable(),
  lon: z.number({ error: 'Longitud måste vara ett tal.' }).min(-180).max(180).nullable(),
});
