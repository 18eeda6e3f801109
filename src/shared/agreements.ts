/**
 * Samverkansöverenskommelser (cooperation agreements between kommun and LPO) as the screens read and write
 * them: the agreement with its kommuner, signatories and ordered fokusområden.
 */

/** One fokusområde as it is saved: `id` for an area that already exists (kept), none for a new one. */
export interface FocusAreaInput {
  id?: number | undefined;
  title: string;
  /** The problem in focus. */
  problem: string;
  /**
   * The orsaksanalys in the crime triangle's three parts (DOMAIN.md), then "Övrigt": who is exposed
   * (brottsutsatt), who commits the crimes (gärningsperson), what makes the place or object possible (plats).
   */
  causeVictim: string;
  causeOffender: string;
  causePlace: string;
  /** Övrigt (även text från före uppdelningen): the orsaksanalys's other causes, and the one text of schema 6–11. */
  causes: string;
  /** Bounded, measurable goals. */
  goals: string;
  /** How the work is documented and followed up. */
  followUp: string;
}

export interface AgreementInput {
  /** None: a new agreement. */
  id?: number | undefined;
  title: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
  /** Lokalpolisområdeschef. */
  signedByLpo: string;
  /** Kommunstyrelsens ordförande (KSO). */
  signedByKommun: string;
  /** Day of signing (ÅÅÅÅ-MM-DD); null while unsigned. */
  signedOn: string | null;
  /** In order: the first is fokusområde 1. */
  focusAreas: FocusAreaInput[];
}

export interface AgreementFocusArea {
  id: number;
  title: string;
  problem: string;
  /** Orsaksanalys – brottsutsatt. */
  causeVictim: string;
  /** Orsaksanalys – gärningsperson. */
  causeOffender: string;
  /** Orsaksanalys – plats. */
  causePlace: string;
  /** Orsaksanalys – övrigt (även text från före uppdelningen). */
  causes: string;
  goals: string;
  followUp: string;
  sortOrder: number;
  /** Löften under this fokusområde (it cannot be removed while any). */
  lofteCount: number;
}

export interface Agreement {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
  signedByLpo: string;
  signedByKommun: string;
  signedOn: string | null;
  focusAreas: AgreementFocusArea[];
  createdAt: string;
  updatedAt: string;
}

export interface AgreementSummary {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
  signedOn: string | null;
  focusAreas: { id: number; title: string; lofteCount: number }[];
  updatedAt: string;
}

/** "1 löfte", "2 löften". */
export const lofteCount = (n: number): string => `${n} ${n === 1 ? 'löfte' : 'löften'}`;
