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

/**
 * Polisens event types (DOMAIN.md) onto the taxonomy: [category, subcategory]. Covers the types the feed
 * uses; an unknown type is imported as Övrigt/Annat with a warning. Summaries ("Sammanfattning …") are
 * not events and never reach the map. Choices where the taxonomy has no exact home: killings, rape,
 * unlawful deprivation of liberty and violence against officials count as Misshandel; bomb threats and
 * indecency as Olaga hot; weapon and knife law, trespass, alarms, accidents, rescues and administrative
 * items (Uppdatering, Gränskontroll, Polisinsats …) as Övrigt/Annat; Trafikhinder is not an accident and
 * goes to Övrigt as well.
 */
export const POLICE_TYPE_MAP: Readonly<Record<string, readonly [string, string]>> = {
  // Trafik
  Trafikolycka: ['trafik', 'trafikolycka'],
  'Trafikolycka, personskada': ['trafik', 'trafikolycka'],
  'Trafikolycka, singel': ['trafik', 'trafikolycka'],
  'Trafikolycka, smitning från': ['trafik', 'trafikolycka'],
  'Trafikolycka, vilt': ['trafik', 'trafikolycka'],
  Rattfylleri: ['trafik', 'rattfylleri'],
  Trafikkontroll: ['trafik', 'trafikkontroll'],
  'Kontroll person/fordon': ['trafik', 'trafikkontroll'],
  Trafikbrott: ['trafik', 'olovlig_trafik'],
  'Olovlig körning': ['trafik', 'olovlig_trafik'],
  // Brand
  Brand: ['brand', 'brand_annan'],
  'Brand automatlarm': ['brand', 'brand_annan'],
  // Våld och hot
  Misshandel: ['vald', 'misshandel'],
  'Misshandel, grov': ['vald', 'misshandel'],
  'Mord/dråp': ['vald', 'misshandel'],
  'Mord/dråp, försök': ['vald', 'misshandel'],
  'Våld/hot mot tjänsteman': ['vald', 'misshandel'],
  Våldtäkt: ['vald', 'misshandel'],
  'Våldtäkt, försök': ['vald', 'misshandel'],
  'Olaga frihetsberövande': ['vald', 'misshandel'],
  'Olaga hot': ['vald', 'olaga_hot'],
  Bombhot: ['vald', 'olaga_hot'],
  Sedlighetsbrott: ['vald', 'olaga_hot'],
  Rån: ['vald', 'ran'],
  'Rån väpnat': ['vald', 'ran'],
  'Rån övrigt': ['vald', 'ran'],
  'Rån, försök': ['vald', 'ran'],
  Skottlossning: ['vald', 'skottlossning'],
  'Skottlossning, misstänkt': ['vald', 'skottlossning'],
  Explosion: ['vald', 'explosion'],
  Detonation: ['vald', 'explosion'],
  'Sprängämne, misstänkt': ['vald', 'explosion'],
  // Stöld och inbrott
  Stöld: ['tillgrepp', 'stold'],
  'Stöld, försök': ['tillgrepp', 'stold'],
  'Stöld, ringa': ['tillgrepp', 'stold'],
  Häleri: ['tillgrepp', 'stold'],
  'Stöld/inbrott': ['tillgrepp', 'inbrott'],
  'Stöld/inbrott bostad': ['tillgrepp', 'inbrott'],
  Inbrott: ['tillgrepp', 'inbrott'],
  'Inbrott, försök': ['tillgrepp', 'inbrott'],
  'Inbrott bostad': ['tillgrepp', 'inbrott'],
  'Motorfordon, stöld': ['tillgrepp', 'fordon'],
  'Motorfordon, stöld, försök': ['tillgrepp', 'fordon'],
  'Motorfordon, anträffat stulet': ['tillgrepp', 'fordon'],
  // Skadegörelse
  Skadegörelse: ['skadegorelse', 'annan_skadegorelse'],
  'Sabotage mot blåljusverksamhet': ['skadegorelse', 'annan_skadegorelse'],
  // Narkotika
  Narkotikabrott: ['narkotika', 'narkotikabrott'],
  // Ordningsstörning
  Ordningslagen: ['ordning', 'ordningslagen'],
  Alkohollagen: ['ordning', 'alkohollagen'],
  'Fylleri/LOB': ['ordning', 'berusning'],
  Bråk: ['ordning', 'brak'],
  'Ofog barn/ungdom': ['ordning', 'brak'],
  'Ofredande/förargelse': ['ordning', 'brak'],
  // Bedrägeri
  Bedrägeri: ['bedrageri', 'bedrageri_alla'],
  Förfalskningsbrott: ['bedrageri', 'bedrageri_alla'],
  'Missbruk av urkund': ['bedrageri', 'bedrageri_alla'],
  Ekobrott: ['bedrageri', 'bedrageri_alla'],
  // Övrigt
  'Försvunnen person': ['ovrigt', 'forsvunnen'],
  Övrigt: ['ovrigt', 'ovrigt_annat'],
  'Efterlyst person': ['ovrigt', 'ovrigt_annat'],
  'Anträffad död': ['ovrigt', 'ovrigt_annat'],
  'Anträffat gods': ['ovrigt', 'ovrigt_annat'],
  Arbetsplatsolycka: ['ovrigt', 'ovrigt_annat'],
  'Sjukdom/olycksfall': ['ovrigt', 'ovrigt_annat'],
  Kroppsskada: ['ovrigt', 'ovrigt_annat'],
  'Vållande till kroppsskada': ['ovrigt', 'ovrigt_annat'],
  Djur: ['ovrigt', 'ovrigt_annat'],
  'Djur skadat/omhändertaget': ['ovrigt', 'ovrigt_annat'],
  'Lagen om hundar och katter': ['ovrigt', 'ovrigt_annat'],
  Fjällräddning: ['ovrigt', 'ovrigt_annat'],
  Räddningsinsats: ['ovrigt', 'ovrigt_annat'],
  Naturkatastrof: ['ovrigt', 'ovrigt_annat'],
  'Spridning smittsamma kemikalier': ['ovrigt', 'ovrigt_annat'],
  Miljöbrott: ['ovrigt', 'ovrigt_annat'],
  'Farligt föremål, misstänkt': ['ovrigt', 'ovrigt_annat'],
  Knivlagen: ['ovrigt', 'ovrigt_annat'],
  Vapenlagen: ['ovrigt', 'ovrigt_annat'],
  'Olaga intrång/hemfridsbrott': ['ovrigt', 'ovrigt_annat'],
  Hemfridsbrott: ['ovrigt', 'ovrigt_annat'],
  Larm: ['ovrigt', 'ovrigt_annat'],
  'Larm inbrott': ['ovrigt', 'ovrigt_annat'],
  'Larm överfall': ['ovrigt', 'ovrigt_annat'],
  'Varningslarm/haveri': ['ovrigt', 'ovrigt_annat'],
  Trafikhinder: ['ovrigt', 'ovrigt_annat'],
  Kontroll: ['ovrigt', 'ovrigt_annat'],
  Gränskontroll: ['ovrigt', 'ovrigt_annat'],
  Utlänningslagen: ['ovrigt', 'ovrigt_annat'],
  Sjölagen: ['ovrigt', 'ovrigt_annat'],
  'Polisinsats/kommendering': ['ovrigt', 'ovrigt_annat'],
  'Tillfälligt obemannat': ['ovrigt', 'ovrigt_annat'],
  Uppdatering: ['ovrigt', 'ovrigt_annat'],
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
