/**
 * How the demo data behaves: which categories come from which sources, at what hours, in which seasons.
 * The shapes follow what EST groups and police describe (evenings and weekends for disorder, daytime for
 * theft and traffic, summer peaks for damage); the numbers are invented and labelled "Exempeldata".
 */
import type { Source } from '../../shared/domain';

type HourProfile = 'night' | 'evening' | 'day';
type Season = 'summer' | 'winter' | 'flat';

export interface CategoryProfile {
  category: string;
  weight: number;
  hours: HourProfile;
  season: Season;
  weekend: boolean;
  subcategories: readonly (readonly [string, number])[];
  sources: readonly (readonly [Source, number])[];
  details: readonly string[];
}

export const HOUR_WEIGHTS: Record<HourProfile, readonly number[]> = {
  night: [6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8, 8, 7],
  evening: [3, 2, 1, 1, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 7, 5, 4],
  day: [0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4, 3, 2, 1, 1],
};

/** January..December. */
export const SEASON_WEIGHTS: Record<Season, readonly number[]> = {
  summer: [0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4, 1.3, 1.1, 1.0, 0.8, 0.8],
  winter: [1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.9, 0.9, 0.9, 1.1, 1.2, 1.4],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

/** Monday..Sunday. */
export const WEEKDAY_WEIGHTS = {
  weekend: [0.8, 0.8, 0.9, 1.0, 1.4, 1.7, 1.2],
  flat: [1, 1, 1, 1, 1, 0.9, 0.8],
} as const;

export const CATEGORY_PROFILES: readonly CategoryProfile[] = [
  {
    category: 'skadegorelse',
    weight: 16,
    hours: 'night',
    season: 'summer',
    weekend: true,
    subcategories: [
      ['klotter', 5],
      ['glaskross', 3],
      ['anlagd_brand', 1],
      ['annan_skadegorelse', 3],
    ],
    sources: [
      ['est', 4],
      ['polisanmalan', 3],
      ['felanmalan', 3],
      ['tips', 1],
    ],
    details: [
      'Upptäckt vid morgonrundan.',
      'Sanering beställd.',
      'Flera ytor drabbade.',
      'Återkommande problem på platsen.',
    ],
  },
  {
    category: 'samling',
    weight: 8,
    hours: 'evening',
    season: 'summer',
    weekend: true,
    subcategories: [
      ['samling_trapphus', 2],
      ['samling_kallare', 1],
      ['samling_kopcentrum', 2],
      ['samling_utomhus', 4],
    ],
    sources: [
      ['est', 6],
      ['tips', 2],
      ['polisanmalan', 1],
    ],
    details: [
      'Grupp om 5–10 ungdomar.',
      'Boende upplever otrygghet.',
      'Högljudd musik och nedskräpning.',
      'Personerna lämnade platsen när väktare kom.',
    ],
  },
  {
    category: 'ordning',
    weight: 12,
    hours: 'night',
    season: 'summer',
    weekend: true,
    subcategories: [
      ['brak', 4],
      ['berusning', 3],
      ['ordningslagen', 2],
      ['alkohollagen', 1],
    ],
    sources: [
      ['polisanmalan', 4],
      ['polisens_handelse', 3],
      ['est', 2],
    ],
    details: ['Polis på plats.', 'En person omhändertagen.', 'Upphörde innan polis kom.', 'Anmälan upprättad.'],
  },
  {
    category: 'vald',
    weight: 9,
    hours: 'night',
    season: 'flat',
    weekend: true,
    subcategories: [
      ['misshandel', 6],
      ['olaga_hot', 4],
      ['ran', 1],
      ['skottlossning', 0.1],
      ['explosion', 0.1],
    ],
    sources: [
      ['polisanmalan', 6],
      ['polisens_handelse', 3],
    ],
    details: ['Målsägande behövde vård.', 'Gärningspersonen okänd.', 'Vittnen hörda på plats.', 'Anmälan upprättad.'],
  },
  {
    category: 'tillgrepp',
    weight: 20,
    hours: 'day',
    season: 'winter',
    weekend: false,
    subcategories: [
      ['stold', 6],
      ['inbrott', 4],
      ['fordon', 2],
      ['cykel', 3],
    ],
    sources: [
      ['polisanmalan', 8],
      ['polisens_handelse', 1],
      ['tips', 1],
    ],
    details: [
      'Inga spår efter gärningspersonen.',
      'Övervakningskamera finns i närheten.',
      'Anmälan upprättad.',
      'Godset värderat till några tusen kronor.',
    ],
  },
  {
    category: 'narkotika',
    weight: 5,
    hours: 'evening',
    season: 'flat',
    weekend: false,
    subcategories: [
      ['narkotikabrott', 3],
      ['droghandel', 2],
    ],
    sources: [
      ['polisanmalan', 4],
      ['tips', 3],
      ['est', 2],
      ['polisens_handelse', 1],
    ],
    details: [
      'Misstänkt försäljning till ungdomar.',
      'Person kontrollerad.',
      'Tips om återkommande bilar.',
      'Beslag av mindre mängd.',
    ],
  },
  {
    category: 'trafik',
    weight: 12,
    hours: 'day',
    season: 'flat',
    weekend: false,
    subcategories: [
      ['trafikolycka', 3],
      ['rattfylleri', 2],
      ['trafikkontroll', 2],
      ['olovlig_trafik', 2],
      ['hastighet', 3],
    ],
    sources: [
      ['polisanmalan', 3],
      ['polisens_handelse', 4],
      ['tips', 2],
      ['felanmalan', 1],
    ],
    details: [
      'Boende klagar på hastigheten.',
      'Mopeder i gångfartsområde.',
      'Ingen personskada.',
      'Kontroll genomförd.',
    ],
  },
  {
    category: 'otrygg_plats',
    weight: 8,
    hours: 'day',
    season: 'winter',
    weekend: false,
    subcategories: [
      ['belysning', 4],
      ['insyn', 2],
      ['nedskrapning', 4],
      ['odslig_plats', 1],
    ],
    sources: [
      ['felanmalan', 4],
      ['est', 3],
      ['trygghetsvandring', 2],
      ['tips', 1],
    ],
    details: [
      'Gatlampor ur funktion.',
      'Buskage skymmer gångvägen.',
      'Överfulla papperskorgar.',
      'Platsen upplevs ödslig efter mörkrets inbrott.',
    ],
  },
  {
    category: 'brand',
    weight: 3,
    hours: 'evening',
    season: 'summer',
    weekend: false,
    subcategories: [
      ['brand_byggnad', 1],
      ['brand_fordon', 2],
      ['brand_annan', 3],
    ],
    sources: [
      ['polisens_handelse', 3],
      ['polisanmalan', 1],
    ],
    details: ['Räddningstjänsten släckte.', 'Containerbrand.', 'Misstänkt anlagd.', 'Ingen person skadad.'],
  },
  {
    category: 'bedrageri',
    weight: 4,
    hours: 'day',
    season: 'flat',
    weekend: false,
    subcategories: [['bedrageri_alla', 1]],
    sources: [['polisanmalan', 1]],
    details: ['Telefonbedrägeri mot äldre.', 'Falska hantverkare.', 'Kortbedrägeri.', 'Anmälan upprättad.'],
  },
  {
    category: 'arrangemang',
    weight: 1,
    hours: 'evening',
    season: 'summer',
    weekend: true,
    subcategories: [['arrangemang_alla', 1]],
    sources: [['est', 1]],
    details: ['Marknad i centrum.', 'Idrottsevenemang.', 'Konsert i parken.', 'Skolavslutning.'],
  },
  {
    category: 'ovrigt',
    weight: 2,
    hours: 'day',
    season: 'flat',
    weekend: false,
    subcategories: [
      ['forsvunnen', 1],
      ['ovrigt_annat', 3],
    ],
    sources: [
      ['polisens_handelse', 2],
      ['tips', 1],
    ],
    details: ['Ärendet avslutat.', 'Ingen åtgärd behövdes.', 'Uppgifter vidarebefordrade.', 'Personen återfunnen.'],
  },
];

export const EST_REPORTERS = [
  'Fastighetsavdelningen',
  'Bostadsbolaget',
  'Väktarbolaget',
  'Räddningstjänsten',
  'Fritidsförvaltningen',
  'Polisen',
] as const;

export const REPORTER_BY_SOURCE: Record<Exclude<Source, 'est'>, string> = {
  polisanmalan: 'Polisen',
  polisens_handelse: 'Polisen',
  tips: 'Allmänheten',
  felanmalan: 'Kommunens felanmälan',
  trygghetsvandring: 'Trygghetsvandring',
};
