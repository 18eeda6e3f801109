/** The agreement editor's form state, and how it maps to and from the saved agreement. */
import type { Agreement, AgreementInput } from '../../../../../shared/agreements';

/** A fokusområde in the form: `key` for React, `id` once saved. */
export interface AreaForm {
  key: string;
  id?: number;
  title: string;
  problem: string;
  causeVictim: string;
  causeOffender: string;
  causePlace: string;
  /** Orsaksanalys – övrigt. */
  causes: string;
  goals: string;
  followUp: string;
  lofteCount: number;
}

export interface AgreementForm {
  title: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
  signedByLpo: string;
  signedByKommun: string;
  /** '' while unsigned. */
  signedOn: string;
  focusAreas: AreaForm[];
}

let nextKey = 0;
const newKey = () => `nytt-${++nextKey}`;

export const emptyArea = (): AreaForm => ({
  key: newKey(),
  title: '',
  problem: '',
  causeVictim: '',
  causeOffender: '',
  causePlace: '',
  causes: '',
  goals: '',
  followUp: '',
  lofteCount: 0,
});

export function emptyForm(): AgreementForm {
  const y = new Date().getFullYear() + 1;
  return {
    title: '',
    periodFrom: `${y}-01-01`,
    periodTo: `${y + 3}-12-31`,
    kommunIds: [],
    signedByLpo: '',
    signedByKommun: '',
    signedOn: '',
    focusAreas: [emptyArea()],
  };
}

export const fromAgreement = (a: Agreement): AgreementForm => ({
  title: a.title,
  periodFrom: a.periodFrom,
  periodTo: a.periodTo,
  kommunIds: a.kommunIds,
  signedByLpo: a.signedByLpo,
  signedByKommun: a.signedByKommun,
  signedOn: a.signedOn ?? '',
  focusAreas: a.focusAreas.map((f) => ({
    key: `id-${f.id}`,
    id: f.id,
    title: f.title,
    problem: f.problem,
    causeVictim: f.causeVictim,
    causeOffender: f.causeOffender,
    causePlace: f.causePlace,
    causes: f.causes,
    goals: f.goals,
    followUp: f.followUp,
    lofteCount: f.lofteCount,
  })),
});

export const toInput = (id: number | null, f: AgreementForm): AgreementInput => ({
  ...(id !== null ? { id } : {}),
  title: f.title,
  periodFrom: f.periodFrom,
  periodTo: f.periodTo,
  kommunIds: f.kommunIds,
  signedByLpo: f.signedByLpo,
  signedByKommun: f.signedByKommun,
  signedOn: f.signedOn || null,
  focusAreas: f.focusAreas.map((a) => ({
    ...(a.id !== undefined ? { id: a.id } : {}),
    title: a.title,
    problem: a.problem,
    causeVictim: a.causeVictim,
    causeOffender: a.causeOffender,
    causePlace: a.causePlace,
    causes: a.causes,
    goals: a.goals,
    followUp: a.followUp,
  })),
});
