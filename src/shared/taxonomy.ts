/**
 * One incident taxonomy for every source. EST report categories and Polisens event types map onto it,
 * so a dashboard can put a police event and an EST report in the same bar.
 * Codes are stable identifiers stored in the database; labels are what a person reads.
 */
export interface SubcategoryDef {
  code: string;
  label: string;
}
export interface CategoryDef {
  code: string;
  label: string;
  subcategories: readonly SubcategoryDef[];
}

export const CATEGORIES: readonly CategoryDef[] = [
  {
    code: 'skadegorelse',
    label: 'Skadegörelse',
    subcategories: [
      { code: 'klotter', label: 'Klotter' },
      { code: 'glaskross', label: 'Glaskross' },
      { code: 'anlagd_brand', label: 'Anlagd brand' },
      { code: 'annan_skadegorelse', label: 'Annan skadegörelse' },
    ],
  },
  {
    code: 'samling',
    label: 'Otrygghetsskapande samling',
    subcategories: [
      { code: 'samling_trapphus', label: 'Trapphus' },
      { code: 'samling_kallare', label: 'Källare' },
      { code: 'samling_kopcentrum', label: 'Köpcentrum' },
      { code: 'samling_utomhus', label: 'Utomhus' },
    ],
  },
  {
    code: 'ordning',
    label: 'Ordningsstörning',
    subcategories: [
      { code: 'brak', label: 'Bråk' },
      { code: 'berusning', label: 'Berusade personer' },
      { code: 'ordningslagen', label: 'Ordningslagen' },
      { code: 'alkohollagen', label: 'Alkohollagen' },
    ],
  },
  {
    code: 'vald',
    label: 'Våld och hot',
    subcategories: [
      { code: 'misshandel', label: 'Misshandel' },
      { code: 'olaga_hot', label: 'Olaga hot' },
      { code: 'ran', label: 'Rån' },
      { code: 'skottlossning', label: 'Skottlossning' },
      { code: 'explosion', label: 'Explosion' },
    ],
  },
  {
    code: 'tillgrepp',
    label: 'Stöld och inbrott',
    subcategories: [
      { code: 'stold', label: 'Stöld' },
      { code: 'inbrott', label: 'Inbrott' },
      { code: 'fordon', label: 'Fordonsstöld' },
      { code: 'cykel', label: 'Cykelstöld' },
    ],
  },
  {
    code: 'narkotika',
    label: 'Narkotika',
    subcategories: [
      { code: 'narkotikabrott', label: 'Narkotikabrott' },
      { code: 'droghandel', label: 'Misstänkt droghandel' },
    ],
  },
  {
    code: 'trafik',
    label: 'Trafik',
    subcategories: [
      { code: 'trafikolycka', label: 'Trafikolycka' },
      { code: 'rattfylleri', label: 'Rattfylleri' },
      { code: 'trafikkontroll', label: 'Trafikkontroll' },
      { code: 'olovlig_trafik', label: 'Olovlig trafik / buskörning' },
      { code: 'hastighet', label: 'Hög hastighet' },
    ],
  },
  {
    code: 'otrygg_plats',
    label: 'Otrygg plats',
    subcategories: [
      { code: 'belysning', label: 'Belysning' },
      { code: 'insyn', label: 'Insyn / buskage' },
      { code: 'nedskrapning', label: 'Nedskräpning' },
      { code: 'odslig_plats', label: 'Ödslig plats' },
    ],
  },
  {
    code: 'brand',
    label: 'Brand',
    subcategories: [
      { code: 'brand_byggnad', label: 'Brand i byggnad' },
      { code: 'brand_fordon', label: 'Fordonsbrand' },
      { code: 'brand_annan', label: 'Annan brand' },
    ],
  },
  {
    code: 'bedrageri',
    label: 'Bedrägeri',
    subcategories: [{ code: 'bedrageri_alla', label: 'Bedrägeri' }],
  },
  {
    code: 'arrangemang',
    label: 'Arrangemang',
    subcategories: [{ code: 'arrangemang_alla', label: 'Arrangemang' }],
  },
  {
    code: 'ovrigt',
    label: 'Övrigt',
    subcategories: [
      { code: 'forsvunnen', label: 'Försvunnen person' },
      { code: 'ovrigt_annat', label: 'Annat' },
    ],
  },
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code);
export const SUBCATEGORY_CODES = CATEGORIES.flatMap((c) => c.subcategories.map((s) => s.code));

const subcategoryOwner = new Map<string, string>(
  CATEGORIES.flatMap((c) => c.subcategories.map((s) => [s.code, c.code] as const)),
);

export function categoryOfSubcategory(subcategory: string): string | undefined {
  return subcategoryOwner.get(subcategory);
}

export function categoryLabel(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

export function subcategoryLabel(code: string): string {
  for (const c of CATEGORIES) {
    const s = c.subcategories.find((x) => x.code === code);
    if (s) return s.label;
  }
  return code;
}

/** Polisens event types (DOMAIN.md) onto the taxonomy: [category, subcategory]. The import issue completes the list. */
export const POLICE_TYPE_MAP: Readonly<Record<string, readonly [string, string]>> = {
  Trafikolycka: ['trafik', 'trafikolycka'],
  'Trafikolycka, personskada': ['trafik', 'trafikolycka'],
  'Trafikolycka, singel': ['trafik', 'trafikolycka'],
  'Trafikolycka, smitning från': ['trafik', 'trafikolycka'],
  'Trafikolycka, vilt': ['trafik', 'trafikolycka'],
  Rattfylleri: ['trafik', 'rattfylleri'],
  Trafikkontroll: ['trafik', 'trafikkontroll'],
  Trafikbrott: ['trafik', 'olovlig_trafik'],
  Brand: ['brand', 'brand_annan'],
  Misshandel: ['vald', 'misshandel'],
  'Misshandel, grov': ['vald', 'misshandel'],
  'Olaga hot': ['vald', 'olaga_hot'],
  Rån: ['vald', 'ran'],
  'Rån väpnat': ['vald', 'ran'],
  Skottlossning: ['vald', 'skottlossning'],
  Explosion: ['vald', 'explosion'],
  Stöld: ['tillgrepp', 'stold'],
  'Stöld/inbrott': ['tillgrepp', 'inbrott'],
  Inbrott: ['tillgrepp', 'inbrott'],
  'Inbrott, försök': ['tillgrepp', 'inbrott'],
  Skadegörelse: ['skadegorelse', 'annan_skadegorelse'],
  Narkotikabrott: ['narkotika', 'narkotikabrott'],
  Ordningslagen: ['ordning', 'ordningslagen'],
  Alkohollagen: ['ordning', 'alkohollagen'],
  'Fylleri/LOB': ['ordning', 'berusning'],
  Bråk: ['ordning', 'brak'],
  Bedrägeri: ['bedrageri', 'bedrageri_alla'],
  'Försvunnen person': ['ovrigt', 'forsvunnen'],
  Övrigt: ['ovrigt', 'ovrigt_annat'],
};

/** EST report categories (the common EST reporting tool) onto the taxonomy. */
export const EST_CATEGORY_MAP: Readonly<Record<string, readonly [string, string]>> = {
  Klotter: ['skadegorelse', 'klotter'],
  Glaskross: ['skadegorelse', 'glaskross'],
  Brand: ['skadegorelse', 'anlagd_brand'],
  'Övrig skadegörelse': ['skadegorelse', 'annan_skadegorelse'],
  'Samling i trapphus': ['samling', 'samling_trapphus'],
  'Samling i källare': ['samling', 'samling_kallare'],
  'Samling i köpcentrum': ['samling', 'samling_kopcentrum'],
  'Samling utomhus': ['samling', 'samling_utomhus'],
  Bråk: ['ordning', 'brak'],
  Våld: ['vald', 'misshandel'],
  Inbrott: ['tillgrepp', 'inbrott'],
  Rån: ['vald', 'ran'],
  'Misstänkt droghandel': ['narkotika', 'droghandel'],
  'Olovlig trafik': ['trafik', 'olovlig_trafik'],
  Belysning: ['otrygg_plats', 'belysning'],
  Insyn: ['otrygg_plats', 'insyn'],
  Nedskräpning: ['otrygg_plats', 'nedskrapning'],
  'Ödslig plats': ['otrygg_plats', 'odslig_plats'],
  Arrangemang: ['arrangemang', 'arrangemang_alla'],
};
