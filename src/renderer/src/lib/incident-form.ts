/** Pure mapping between the incident form's text fields and the contract's input: tested without a DOM. */
import type { Incident, IncidentStatus, Precision, Source } from '../../../shared/domain';
import { incidentInputSchema, type IncidentInputRaw } from '../../../shared/schemas';
import { localToUtc, toIsoUtc, utcToLocalInput } from '../../../shared/time';

export interface FormValues {
  source: Source | '';
  category: string;
  subcategory: string;
  occurredLocal: string;
  reportedLocal: string;
  kommunId: string;
  placeName: string;
  lat: string;
  lon: string;
  precision: Precision | '';
  description: string;
  reporterOrg: string;
  status: IncidentStatus;
}

export type FieldErrors = Partial<Record<keyof FormValues, string>>;

export function emptyForm(now = new Date()): FormValues {
  const local = utcToLocalInput(toIsoUtc(now.getTime()));
  return {
    source: '',
    category: '',
    subcategory: '',
    occurredLocal: local,
    reportedLocal: local,
    kommunId: '',
    placeName: '',
    lat: '',
    lon: '',
    precision: '',
    description: '',
    reporterOrg: '',
    status: 'ny',
  };
}

export function formFromIncident(i: Incident): FormValues {
  const num = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
  return {
    source: i.source,
    category: i.category,
    subcategory: i.subcategory,
    occurredLocal: utcToLocalInput(i.occurredAt),
    reportedLocal: utcToLocalInput(i.reportedAt),
    kommunId: String(i.kommunId),
    placeName: i.placeName,
    lat: num(i.lat),
    lon: num(i.lon),
    precision: i.precision ?? '',
    description: i.description,
    reporterOrg: i.reporterOrg,
    status: i.status,
  };
}

/** Schema field → form field, for messages coming back from validation (client or server). */
const FIELD_OF: Record<string, keyof FormValues> = {
  source: 'source',
  category: 'category',
  subcategory: 'subcategory',
  occurredAt: 'occurredLocal',
  reportedAt: 'reportedLocal',
  kommunId: 'kommunId',
  placeName: 'placeName',
  lat: 'lat',
  lon: 'lon',
  precision: 'precision',
  description: 'description',
  reporterOrg: 'reporterOrg',
  status: 'status',
};

export function fieldOf(path: string): keyof FormValues | null {
  const last = path.replace(/^input\./, '').split('.')[0] ?? '';
  return FIELD_OF[last] ?? null;
}

function decimal(text: string): number | null | 'invalid' {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

/** Parses and validates the form; returns the input to send or the errors per field. */
export function toInput(v: FormValues): { input: IncidentInputRaw } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const occurredAt = localToUtc(v.occurredLocal);
  if (occurredAt === null) errors.occurredLocal = 'Ange en giltig tidpunkt (ÅÅÅÅ-MM-DD TT:MM, svensk tid).';
  const reportedAt = localToUtc(v.reportedLocal);
  if (reportedAt === null) errors.reportedLocal = 'Ange en giltig tidpunkt (ÅÅÅÅ-MM-DD TT:MM, svensk tid).';
  const lat = decimal(v.lat);
  const lon = decimal(v.lon);
  if (lat === 'invalid') errors.lat = 'Latitud ska vara ett tal, t.ex. 56,13.';
  if (lon === 'invalid') errors.lon = 'Longitud ska vara ett tal, t.ex. 13,13.';
  const raw = {
    source: v.source,
    category: v.category,
    subcategory: v.subcategory,
    occurredAt: occurredAt ?? '',
    reportedAt: reportedAt ?? '',
    kommunId: v.kommunId === '' ? 0 : Number(v.kommunId),
    placeName: v.placeName,
    lat: lat === 'invalid' ? null : lat,
    lon: lon === 'invalid' ? null : lon,
    precision: v.precision === '' ? null : v.precision,
    description: v.description,
    reporterOrg: v.reporterOrg,
    status: v.status,
  };
  const parsed = incidentInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: raw as IncidentInputRaw };
}
