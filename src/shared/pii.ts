/**
 * Finds personal data in a free text: personnummer and samordningsnummer (Luhn-checked, with or without
 * century, `-` or `+`), Swedish phone numbers (mobile, landline, +46 / 0046) and e-mail addresses.
 * DOMAIN.md "Personal data in free text". Candidates are matched loosely and then checked, so dates, years,
 * counts ("1 073"), percentages, SCB codes and periods ("2021–2022") are not reported.
 *
 * Shared (pure, no Node): the reports scan with it before export (src/core/reports/pii.ts), the incident
 * form warns with it while the user types, the import preview lists the rows it finds.
 */
import { z } from 'zod';
import type { PiiKind } from './report';

export interface PiiMatch {
  kind: PiiKind;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  match: string;
}

/** The Luhn check over a string of digits (weights 2, 1, 2, … from the first digit). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that completes the 9 digits YYMMDDNNN to a valid personnummer. */
export function luhnCheckDigit(nine: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(`${nine}${c}`)) return c;
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------------------
// Personnummer / samordningsnummer

/** YYYYMMDD-XXXX, YYYYMMDDXXXX, YYMMDD-XXXX, YYMMDD+XXXX, YYMMDDXXXX, not inside a longer digit run. */
const PNR = /(?<![\p{N}])(?:(18|19|20)(\d{6})[-+]?|(\d{6})(?:[-+]?))(\d{4})(?![\p{N}])/gu;

function identityKind(yymmdd: string, last4: string): 'personnummer' | 'samordningsnummer' | null {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  if (!luhnValid(`${yymmdd}${last4}`)) return null;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return null;
}

function findIdentityNumbers(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(PNR)) {
    const yymmdd = m[2] ?? m[3] ?? '';
    const kind = identityKind(yymmdd, m[4] ?? '');
    if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Phone numbers

/** Separators inside a phone number: a space, a no-break space or a hyphen (not thin spaces, not dashes). */
const SEP = '[ \\u00a0-]';
/** National: 0 + area code + subscriber (8–10 digits), optionally "(0435) 123 45". */
const NATIONAL = `(?<![\\p{N}])(?<![\\p{N}][-.,/:])(?:\\(0[1-9]\\d{0,2}\\)[ \\u00a0]?\\d(?:${SEP}?\\d){4,7}|0[1-9](?:${SEP}?\\d){5,8})`;
/** International: +46 / 0046, an optional "(0)", then 7–9 digits. */
const INTERNATIONAL = `(?<![\\p{N}+])(?:\\+|00)46${SEP}?(?:\\(0\\)${SEP}?)?[1-9](?:${SEP}?\\d){6,8}`;
const PHONE = new RegExp(`(?:${INTERNATIONAL}|${NATIONAL})(?![\\p{N}])(?![.,]\\p{N})`, 'gu');

/** "01-10-2026", "31 12 2025": a day, a month and a year are a date, not a number to call. */
function looksLikeDate(groups: string[]): boolean {
  if (groups.length !== 3) return false;
  const [a, b, c] = groups as [string, string, string];
  const dayMonthYear = a.length === 2 && b.length === 2 && (c.length === 4 || c.length === 2);
  return dayMonthYear && Number(a) >= 1 && Number(a) <= 31 && Number(b) >= 1 && Number(b) <= 12;
}

function validPhone(candidate: string): boolean {
  const international = /^(?:\+|00)46/.test(candidate);
  const body = international ? candidate.replace(/^(?:\+|00)46/, '').replace('(0)', '') : candidate;
  const groups = body
    .replace(/[()]/g, ' ')
    .split(/[ \u00a0-]+/)
    .filter((g) => g.length > 0);
  const digits = groups.join('');
  if (international) {
    if (digits.length < 7 || digits.length > 9) return false;
    return groups.slice(1).every((g) => g.length >= 2);
  }
  if (digits.length < 8 || digits.length > 10) return false;
  if (looksLikeDate(groups)) return false;
  if (groups.length === 1) return true;
  // Separated: the first group is the area code (0 + 1–3 digits), the rest the subscriber (5–8 digits,
  // not starting with 0, groups of at least 2 digits).
  const [area, ...rest] = groups as [string, ...string[]];
  const subscriber = rest.join('');
  if (area.length < 2 || area.length > 4) return false;
  if (subscriber.length < 5 || subscriber.length > 8 || subscriber.startsWith('0')) return false;
  return rest.every((g) => g.length >= 2);
}

function findPhoneNumbers(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    if (validPhone(m[0])) {
      out.push({ kind: 'telefonnummer', start: m.index, end: m.index + m[0].length, match: m[0] });
    } else {
      // A shorter number may start later inside a rejected candidate ("0114 0115 070-123 45 67").
      PHONE.lastIndex = m.index + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// E-mail

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

function findEmails(text: string): PiiMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'epost' as const,
    start: m.index,
    end: m.index + m[0].length,
    match: m[0],
  }));
}

/**
 * Every possible personal datum in the text, in order, not overlapping. Where two overlap, an e-mail address
 * wins over what it contains, and a personnummer over a phone number, so each digit is reported once.
 */
export function findPii(text: string): PiiMatch[] {
  const accepted: PiiMatch[] = [];
  for (const found of [findEmails(text), findIdentityNumbers(text), findPhoneNumbers(text)]) {
    for (const m of found) {
      if (!accepted.some((a) => m.start < a.end && a.start < m.end)) accepted.push(m);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------
// Warnings for a free text at entry and import (issue 13): a hint, never a refusal.

const KIND_NAMES: Record<PiiKind, string> = {
  personnummer: 'ett personnummer',
  samordningsnummer: 'ett samordningsnummer',
  telefonnummer: 'ett telefonnummer',
  epost: 'en e-postadress',
};

/** "ett personnummer (19850101-1234), ett telefonnummer (070-123 45 67)"; '' without hits. */
export function describePiiMatches(matches: readonly PiiMatch[]): string {
  return matches.map((m) => `${KIND_NAMES[m.kind]} (${m.match})`).join(', ');
}

/** The form's warning beside a description, or null when the text has no personal data. */
export function piiWarning(text: string, what = 'Beskrivningen'): string | null {
  const hits = findPii(text);
  if (hits.length === 0) return null;
  return `${what} ser ut att innehålla ${describePiiMatches(hits)}. Personuppgifter hör inte hemma i registret.`;
}

// ---------------------------------------------------------------------------------------------------------
// "Personuppgifter" screen: retention and "Sök och radera" (the DTOs of the privacy.* operations)

/** Years a description may be kept; null keeps them always. */
export const RETENTION_YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** Days a deleted incident stays in the trash (its undo) before it is purged. */
export const TRASH_DAYS = 30;

export interface PrivacySettings {
  descriptionYears: number | null;
  /** What retention would clear now: descriptions of incidents before `cutoffDay` (null: keep all). */
  pending: { descriptions: number; trash: number; cutoffDay: string | null };
  /** Trash entries older than TRASH_DAYS, purged with the next retention run. */
  trashExpired: number;
}

export interface RetentionCounts {
  /** Incident descriptions cleared. */
  descriptions: number;
  /** Trash entries whose description was cleared. */
  trashDescriptions: number;
  /** Trash entries deleted (older than TRASH_DAYS). */
  trashPurged: number;
  cutoffDay: string | null;
}

/** One place a searched term occurs (the shape of core/privacy/sources.ts TextHit). */
export interface PrivacyHit {
  source: string;
  sourceLabel: string;
  id: number;
  field: string;
  fieldLabel: string;
  excerpt: string;
}

export interface PrivacySearchResult {
  groups: { source: string; label: string; hits: PrivacyHit[]; truncated: boolean }[];
  total: number;
}

export interface PrivacyEraseResult {
  /** Rows changed per source. */
  bySource: Record<string, number>;
  total: number;
}

export const privacySettingsSchema = z.object({
  descriptionYears: z
    .number()
    .int()
    .min(1, 'Välj Alltid eller 1–10 år.')
    .max(10, 'Välj Alltid eller 1–10 år.')
    .nullable(),
});

const termSchema = z
  .string({ error: 'Ange ett namn eller personnummer.' })
  .trim()
  .min(3, 'Sök på minst 3 tecken.')
  .max(200, 'Sök på högst 200 tecken.');

export const privacySearchSchema = z.object({ term: termSchema });

export const privacyEraseSchema = z.object({
  term: termSchema,
  hits: z
    .array(
      z.object({
        source: z.string().min(1).max(60),
        id: z.number().int().nonnegative(),
        field: z.string().min(1).max(2000),
      }),
    )
    .min(1, 'Välj minst en träff.')
    .max(5000, 'Högst 5000 träffar åt gången.'),
  mode: z.enum(['mask', 'erase'], { error: 'Välj maskera eller radera.' }),
});
