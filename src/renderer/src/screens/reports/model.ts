/**
 * The Rapporter screen's plain logic: its addresses, how a report's status and data date read, the
 * template's default title, and validation issues keyed by the field the form shows them beside.
 * No React, no window beyond the address helpers' defaults.
 */
import type { z } from 'zod';
import type { Kommun, Lpo } from '../../../../shared/domain';
import { kommunLongName, type ReportArea, type ReportDocument } from '../../../../shared/report';

export { defaultTitle } from '../../../../shared/report';
import type { ReportSummary } from '../../../../shared/report-api';
import { ApiCallError } from '../../lib/client';
import type { FieldIssues } from '../../lib/autosave';

export type { FieldIssues };

export type ReportView = 'redigera' | 'forhandsgranska';

export interface ReportTarget {
  id: number | null;
  view: ReportView;
}

/** `#/rapporter` (the list), `#/rapporter?id=5` (one report), `…&visa=forhandsgranska` (its preview). */
export function reportTarget(hash: string = window.location.hash): ReportTarget {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const n = Number(params.get('id'));
  const id = path === 'rapporter' && Number.isInteger(n) && n > 0 ? n : null;
  return { id, view: params.get('visa') === 'forhandsgranska' ? 'forhandsgranska' : 'redigera' };
}

export const reportHref = (id: number | null, view: ReportView = 'redigera'): string =>
  id === null ? '#/rapporter' : `#/rapporter?id=${id}${view === 'forhandsgranska' ? '&visa=forhandsgranska' : ''}`;

export function areaName(area: ReportArea, kommuner: readonly Kommun[]): string {
  if (area.kind === 'lpo') return `Lokalpolisområde ${area.lpo}`;
  const k = kommuner.find((x) => x.scbCode === area.kommunCode);
  return k ? kommunLongName(k.name) : area.kommunCode;
}

/** The area chooser's value: "k:1276" for a kommun (SCB code), "l:Klippan" for a lokalpolisområde. */
export function areaValue(area: ReportArea | null): string {
  if (!area) return '';
  return area.kind === 'kommun' ? `k:${area.kommunCode}` : `l:${area.lpo}`;
}

export function areaFromValue(value: string): ReportArea | null {
  if (value.startsWith('k:')) return { kind: 'kommun', kommunCode: value.slice(2) };
  if (value.startsWith('l:')) return { kind: 'lpo', lpo: value.slice(2) };
  return null;
}

/** The kommuner an area covers (an LPO: all of its kommuner). */
export function areaKommuner(area: ReportArea | null, kommuner: readonly Kommun[], lpos: readonly Lpo[]): Kommun[] {
  if (!area) return [];
  if (area.kind === 'kommun') return kommuner.filter((k) => k.scbCode === area.kommunCode);
  const lpo = lpos.find((l) => l.name === area.lpo);
  return lpo ? kommuner.filter((k) => k.lpoId === lpo.id) : [];
}

export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** "Utkast", "Fastställd 2026-12-14". */
export function statusLabel(r: Pick<ReportSummary, 'status' | 'decided'>): string {
  return r.status === 'faststalld' ? `Fastställd ${r.decided?.on ?? ''}`.trim() : 'Utkast';
}

/** "Fastställd 2026-12-14 av Kommunfullmäktige, KF § 141 · Data per 2026-11-27" (a fastställd document). */
export function decidedLine(doc: Pick<ReportDocument, 'decided' | 'dataAsOf'>): string | null {
  if (!doc.decided) return null;
  const { by, on, protocolRef } = doc.decided;
  return `Fastställd ${on} av ${by}, ${protocolRef}${doc.dataAsOf ? ` · Data per ${doc.dataAsOf}` : ''}`;
}

/** The caveat for a period that runs past the latest data, or null when the period is complete. */
export function incompleteLine(doc: Pick<ReportDocument, 'periodIncomplete' | 'dataAsOf'>): string | null {
  if (!doc.periodIncomplete) return null;
  return doc.dataAsOf
    ? `Perioden är inte slut: data per ${doc.dataAsOf}.`
    : 'Perioden är inte slut och det finns inga data för den ännu.';
}

/** Messages per field, keyed by the path inside the selection or edits: "lofteId", "to", "logo", "texts.analys". */

/** A logo's messages (its file name, its data) are shown at the one logo field. */
function fieldKey(path: string): string {
  const key = path.replace(/^input\./, '').replace(/^(selection|edits)\./, '');
  return key.startsWith('logo.') ? 'logo' : key;
}

export function issuesOfZod(error: z.ZodError): FieldIssues {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[fieldKey(i.path.map(String).join('.'))] ??= i.message;
  return out;
}

/** A refusal by core with field paths; null when it is not a validation error. */
export function issuesOfError(err: unknown): FieldIssues | null {
  if (!(err instanceof ApiCallError) || err.error.code !== 'validation') return null;
  const list = err.error.details?.issues ?? [];
  if (list.length === 0) return null;
  const out: Record<string, string> = {};
  for (const i of list) out[fieldKey(i.field)] ??= i.message;
  return out;
}

/** The figure kept or left out: `omitted` lists the ids left out. */
export function withFigure(omitted: readonly string[], id: string, keep: boolean): string[] {
  const rest = omitted.filter((x) => x !== id);
  return keep ? rest : [...rest, id];
}

/** For each text slot, the title of the section it is written in ("Sammanfattning", a problem's title). */
export function slotSections(doc: Pick<ReportDocument, 'chapters'>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (s: ReportDocument['chapters'][number]) => {
    for (const b of s.blocks) if (b.kind === 'slot') out.set(b.key, s.title);
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return out;
}
