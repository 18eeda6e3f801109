/**
 * Medborgarlöften: the promise a kommun and the police make to the residents for a period, under a
 * fokusområde of their samverkansöverenskommelse. Each löfte states a problem (with its evidence), one or
 * more activities with measurable targets, and an effect goal. These are the shapes that cross the boundary.
 */

export const LOFTE_STATES = ['utkast', 'for_granskning', 'beslutad', 'uppfoljning', 'avslutad'] as const;
export type LofteState = (typeof LOFTE_STATES)[number];

export const LOFTE_STATE_LABELS: Record<LofteState, string> = {
  utkast: 'Utkast',
  for_granskning: 'För granskning',
  beslutad: 'Beslutad',
  uppfoljning: 'Uppföljning',
  avslutad: 'Avslutad',
};

/** "Löftet är …": the state as a predicate about a löfte (neuter). */
export const LOFTE_STATE_PHRASE: Record<LofteState, string> = {
  utkast: 'ett utkast',
  for_granskning: 'för granskning',
  beslutad: 'beslutat',
  uppfoljning: 'i uppföljning',
  avslutad: 'avslutat',
};

/** Which state changes are allowed, and what the button says. Back to utkast only from review. */
export const LOFTE_TRANSITIONS: readonly { from: LofteState; to: LofteState; label: string }[] = [
  { from: 'utkast', to: 'for_granskning', label: 'Skicka för granskning' },
  { from: 'for_granskning', to: 'utkast', label: 'Skicka tillbaka till utkast' },
  { from: 'for_granskning', to: 'beslutad', label: 'Besluta' },
  { from: 'beslutad', to: 'uppfoljning', label: 'Starta uppföljning' },
  { from: 'uppfoljning', to: 'avslutad', label: 'Avsluta' },
];

/**
 * The limits of every field a löfte's editor writes: one source for the zod schemas and the editor, which
 * shows each limit (a counter, "1 234 / 2 000") before it is reached.
 */
export const LOFTE_LIMITS = {
  title: 200,
  problem: 8000,
  effectGoal: 2000,
  followUp: 2000,
  activityKind: 200,
  partner: 200,
  note: 1000,
  /** "Minst antal": whole activities, 1 … 10 000. */
  quantityMin: 1,
  quantityMax: 10_000,
  activities: 30,
  evidence: 20,
  /** The decision's protocol reference, e.g. "KS 2026-12-03 § 141". */
  protocolRef: 120,
  commentAuthor: 120,
  commentBody: 4000,
  /** A logged activity: how many at once, where, a note. */
  logCountMax: 1000,
  logPlace: 200,
  logNote: 1000,
} as const;

/** Text may change only in a draft; a decided löfte needs a new version. */
export const isEditable = (state: LofteState): boolean => state === 'utkast';

export const CADENCES = ['vecka', 'manad', 'period'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  vecka: 'per vecka',
  manad: 'per månad',
  period: 'under perioden',
};

export const RESPONSIBLE = ['polis', 'kommun', 'gemensamt', 'partner'] as const;
export type Responsible = (typeof RESPONSIBLE)[number];
export const RESPONSIBLE_LABELS: Record<Responsible, string> = {
  polis: 'Polisen',
  kommun: 'Kommunen',
  gemensamt: 'Gemensamt',
  partner: 'Namngiven partner',
};

/** One activity with a measurable target: "minst 2 besök per månad på fritidsgårdarna, polisen". */
export interface LofteActivity {
  /** Stable within the löfte's versions (so follow-up logs keep pointing at it). */
  key: string;
  /** What is done, e.g. "Trafikinsats", "Besök på fritidsgård", "Trygghetsvandring". */
  kind: string;
  /** At least this many… */
  quantity: number | null;
  /** …per week, per month or in the whole period. */
  cadence: Cadence | null;
  responsible: Responsible | null;
  /** The partner's name when responsible = 'partner' (e.g. "Räddningstjänsten Syd"). */
  partner: string;
  note: string;
}

/** Evidence for the problem statement, shown live beside the editor. */
export type LofteEvidence =
  | { kind: 'view'; viewId: number }
  | { kind: 'survey'; indicator: string; kommunId: number | null }
  | { kind: 'filter'; label: string; filter: Record<string, unknown> };

/** What a version of a löfte says: everything the editor changes. */
export interface LofteContent {
  title: string;
  problem: string;
  evidence: LofteEvidence[];
  activities: LofteActivity[];
  effectGoal: string;
  /** How it is followed up: forum and form, e.g. "Kvartalsrapport till Lokala Brå". */
  followUp: string;
}

export interface Lofte {
  id: number;
  kommunId: number;
  focusAreaId: number | null;
  periodFrom: string;
  periodTo: string;
  state: LofteState;
  /** The version being edited or in force; earlier ones are in the history. */
  version: number;
  content: LofteContent;
  /** Bumped by every save: an editor that saves on an older revision is told someone else changed it. */
  revision: number;
  updatedAt: string;
}

/** Who made a state change (from the local user profile). */
export interface LofteActor {
  name: string;
  organisation: string;
  role: string | null;
}

export interface LofteVersionEntry {
  version: number;
  state: LofteState;
  content: LofteContent;
  savedAt: string;
}

export interface LofteComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

/** One SMART check: a part a löfte needs before it can be followed up. */
export interface SmartCheck {
  id: 'problem' | 'evidence' | 'target' | 'cadence' | 'responsible' | 'followUp' | 'effectGoal' | 'focusPeriod';
  ok: boolean;
  message: string;
}

const ACTIVITY = (i: number, a: LofteActivity) => `Aktivitet ${i + 1}${a.kind.trim() ? ` (${a.kind.trim()})` : ''}`;

/** The löfte's period and its fokusområde's agreement period, for the check that the one covers the other. */
export interface ChecklistContext {
  periodFrom: string;
  periodTo: string;
  focusArea: { title: string; agreementTitle: string; periodFrom: string; periodTo: string } | null;
}

/**
 * Warns when a löfte lacks what makes it followable: a measurable target, a cadence and a responsible
 * party on every activity, a follow-up, an effect goal, a problem with evidence; and, given the löfte's
 * period, when its fokusområde's samverkansöverenskommelse does not cover that period.
 */
export function smartChecklist(c: LofteContent, context?: ChecklistContext): SmartCheck[] {
  const checks: SmartCheck[] = [];
  const missing = (pred: (a: LofteActivity) => boolean) =>
    c.activities.map((a, i) => (pred(a) ? ACTIVITY(i, a) : null)).filter((x): x is string => x !== null);
  checks.push({
    id: 'problem',
    ok: c.problem.trim().length > 0,
    message: c.problem.trim() ? 'Problemet är beskrivet.' : 'Beskriv problemet som löftet ska påverka.',
  });
  checks.push({
    id: 'evidence',
    ok: c.evidence.length > 0,
    message: c.evidence.length
      ? `Problemet har ${c.evidence.length} underlag.`
      : 'Koppla problemet till underlag: en sparad vy, en indikator i trygghetsmätningen eller ett urval av händelser.',
  });
  const noTarget = c.activities.length === 0 ? ['löftet har ingen aktivitet'] : missing((a) => !(a.quantity! > 0));
  checks.push({
    id: 'target',
    ok: noTarget.length === 0,
    message: noTarget.length ? `Mätbart mål (antal) saknas: ${noTarget.join(', ')}.` : 'Varje aktivitet har ett antal.',
  });
  const noCadence = missing((a) => a.cadence === null);
  checks.push({
    id: 'cadence',
    ok: c.activities.length > 0 && noCadence.length === 0,
    message: noCadence.length
      ? `Takt saknas (per vecka, per månad eller under perioden): ${noCadence.join(', ')}.`
      : c.activities.length
        ? 'Varje aktivitet har en takt.'
        : 'Lägg till en aktivitet med takt.',
  });
  const noOwner = missing((a) => a.responsible === null || (a.responsible === 'partner' && !a.partner.trim()));
  checks.push({
    id: 'responsible',
    ok: c.activities.length > 0 && noOwner.length === 0,
    message: noOwner.length
      ? `Ansvarig saknas: ${noOwner.join(', ')}.`
      : c.activities.length
        ? 'Varje aktivitet har en ansvarig.'
        : 'Lägg till en aktivitet med ansvarig.',
  });
  checks.push({
    id: 'followUp',
    ok: c.followUp.trim().length > 0,
    message: c.followUp.trim()
      ? 'Uppföljningen är beskriven.'
      : 'Beskriv hur löftet följs upp (t.ex. kvartalsrapport till Lokala Brå).',
  });
  checks.push({
    id: 'effectGoal',
    ok: c.effectGoal.trim().length > 0,
    message: c.effectGoal.trim()
      ? 'Effektmålet är angivet.'
      : 'Ange ett effektmål, t.ex. "problemindex för nedskräpning ska minska i nästa trygghetsmätning".',
  });
  const f = context?.focusArea;
  if (context && f) {
    const covers = f.periodFrom <= context.periodFrom && f.periodTo >= context.periodTo;
    checks.push({
      id: 'focusPeriod',
      ok: covers,
      message: covers
        ? `Fokusområdet "${f.title}" gäller under hela löftets period.`
        : `Fokusområdet "${f.title}" hör till överenskommelsen "${f.agreementTitle}" som gäller ${f.periodFrom} – ${f.periodTo}; den täcker inte löftets period ${context.periodFrom} – ${context.periodTo}. Välj ett fokusområde ur en överenskommelse som gäller hela perioden.`,
    });
  }
  return checks;
}

export const emptyContent = (): LofteContent => ({
  title: '',
  problem: '',
  evidence: [],
  activities: [],
  effectGoal: '',
  followUp: '',
});
