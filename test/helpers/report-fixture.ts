/**
 * A report document made by hand for the print layer: every block kind, chapters (h2) with sections (h3),
 * å ä ö, a logo, a 120-row table that runs over pages, bars (short and long labels, a negative value),
 * lines with a gap, a heatmap, a slot with text and an empty one (whose hint must never be printed).
 */
import { encodePng } from './png';
import type { Figure, ReportDocument, Section } from '../../src/shared/report';

/** A hint that must not reach the PDF (the empty slot's). */
export const EMPTY_SLOT_HINT = 'Skriv här vad som driver utvecklingen – detta är en ledtext';
/** The long table's header: it must head every page the table runs over. */
export const LONG_TABLE_HEAD = ['Plats', 'År', 'Anmälda händelser', 'Per 1 000 invånare'];
export const LONG_TABLE_ROWS = 120;

/** A small RGBA PNG: a blue shield with a yellow cross on a transparent ground, a kommun's logo. */
export function logoPng(width = 96, height = 112): Buffer {
  return encodePng(width, height, (x, y) => {
    const u = (x - width / 2) / (width / 2);
    const v = y / height;
    // The shield: straight sides down to 55 %, then a curve to a point.
    const inside = v < 0.55 ? Math.abs(u) < 0.95 : Math.abs(u) < 0.95 * Math.sqrt(Math.max(0, (1 - v) / 0.45));
    const cross = Math.abs(u) < 0.14 || Math.abs(v - 0.42) < 0.07;
    const [r, g, b] = cross ? [0xf2, 0xc2, 0x1b] : [0x1d, 0x4f, 0x91];
    return [r, g, b, inside ? 255 : 0];
  });
}

const INTEGER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const DECIMAL1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PLACES = [
  'Storgatan',
  'Klippans station',
  'Åbyplan',
  'Ljungbyheds torg',
  'Östra Ljungby skola',
  'Söderåsens väg',
];

/** The row's place, unique per row ("Storgatan 1", "Klippans station 2" …). */
export const longTablePlace = (i: number) => `${PLACES[i % PLACES.length]} ${i + 1}`;
/** The row's count, a number that is nowhere else in the document (1 203, 1 240 …). */
export const longTableCount = (i: number) => INTEGER.format(1203 + i * 37);

export function longFigure(): Figure {
  return {
    kind: 'figure',
    id: 'platser-alla',
    caption: 'Händelser per plats och år',
    table: {
      head: LONG_TABLE_HEAD,
      rows: Array.from({ length: LONG_TABLE_ROWS }, (_, i) => [
        longTablePlace(i),
        String(2023 + (i % 4)),
        longTableCount(i),
        DECIMAL1.format(i / 7),
      ]),
    },
    source: 'Källa: Polisens händelser och kommunens egna registreringar, data per 31 oktober 2026.',
    note: 'Platser med färre än 3 händelser redovisas inte.',
  };
}

const yearsFigure: Figure = {
  kind: 'figure',
  id: 'utveckling-ar',
  caption: 'Händelser per år',
  table: {
    head: ['År', 'Klippan', 'Åstorp'],
    rows: [
      ['2023', '1 012', '790'],
      ['2024', '1 073', '842'],
      ['2025', '1 154', '903'],
      ['2026', '987', '811'],
    ],
  },
  chart: {
    type: 'bars',
    labels: ['2023', '2024', '2025', '2026'],
    series: [
      { name: 'Klippan', values: [1012, 1073, 1154, 987] },
      { name: 'Åstorp', values: [790, 842, 903, 811] },
    ],
    unit: 'händelser',
  },
  alt: 'Stapeldiagram: händelser per år 2023–2026 i Klippan och Åstorp; Klippan högst 2025 med 1 154.',
  source: 'Källa: Polisens händelser.',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthly = (base: number, upTo = 12) =>
  MONTHS.map((_, m) => (m < upTo ? Math.round(base + 30 * Math.sin((m / 12) * Math.PI * 2 - 1.2) + m) : null));

const monthsFigure: Figure = {
  kind: 'figure',
  id: 'utveckling-manad',
  caption: 'Händelser per månad',
  table: {
    head: ['Månad', '2024', '2025', '2026'],
    rows: MONTHS.map((m, i) => [
      m,
      ...[monthly(80), monthly(90), monthly(85, 10)].map((s) => (s[i] === null ? '–' : String(s[i]))),
    ]),
  },
  chart: {
    type: 'lines',
    labels: MONTHS,
    series: [
      { name: '2024', values: monthly(80) },
      { name: '2025', values: monthly(90) },
      { name: '2026', values: monthly(85, 10) },
    ],
    unit: 'händelser',
  },
  alt: 'Linjediagram: händelser per månad 2024–2026; flest på sommaren. 2026 har data till och med oktober.',
  source: 'Källa: Polisens händelser.',
  note: 'November och december 2026 saknas: perioden är inte slut.',
};

const CATEGORIES: [string, number, number][] = [
  ['Skadegörelse och klotter', 212, 188],
  ['Stöld och inbrott i bostad eller förråd', 171, 196],
  ['Våld i offentlig miljö', 96, 84],
  ['Narkotikabrott', 64, 90],
  ['Ordningsstörning', 58, 41],
  ['Trafikbrott', 33, 37],
];

const categoriesFigure: Figure = {
  kind: 'figure',
  id: 'kategorier',
  caption: 'Händelser per kategori',
  table: {
    head: ['Kategori', '2025', '2026', 'Förändring (z)'],
    rows: CATEGORIES.map(([c, a, b]) => [c, String(a), String(b), DECIMAL1.format((b - a) / Math.sqrt(a + b))]),
  },
  chart: {
    type: 'bars',
    labels: CATEGORIES.map(([c]) => c),
    series: [
      { name: 'jan–okt 2025', values: CATEGORIES.map(([, a]) => a) },
      { name: 'jan–okt 2026', values: CATEGORIES.map(([, , b]) => b) },
    ],
    unit: 'händelser',
  },
  alt: 'Stapeldiagram: händelser per kategori januari–oktober 2025 och 2026; skadegörelse vanligast.',
  source: 'Källa: Polisens händelser.',
};

const changeFigure: Figure = {
  kind: 'figure',
  id: 'forandring',
  caption: 'Signifikanta förändringar',
  table: {
    head: ['Kategori', 'z'],
    rows: CATEGORIES.slice(0, 4).map(([c, a, b]) => [c, DECIMAL1.format((b - a) / Math.sqrt(a + b))]),
  },
  chart: {
    type: 'bars',
    labels: CATEGORIES.slice(0, 4).map(([c]) => c),
    series: [{ name: 'z', values: CATEGORIES.slice(0, 4).map(([, a, b]) => (b - a) / Math.sqrt(a + b)) }],
    unit: 'z-värde',
  },
  alt: 'Stapeldiagram: förändringens z-värde per kategori; narkotikabrott ökar mest, skadegörelse minskar.',
};

const WEEKDAYS = ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'];
const heat = WEEKDAYS.map((_, d) =>
  Array.from({ length: 24 }, (_, h) => Math.round((d >= 4 ? 9 : 4) * (1 + Math.cos(((h - 22) / 24) * Math.PI * 2)))),
);

const heatmapFigure: Figure = {
  kind: 'figure',
  id: 'veckodag-timme',
  caption: 'Händelser per veckodag och tid på dygnet',
  table: {
    head: ['Veckodag', '00–06', '06–12', '12–18', '18–24', 'Totalt'],
    rows: WEEKDAYS.map((w, d) => {
      const sum = (a: number, b: number) => heat[d]!.slice(a, b).reduce((s, v) => s + v, 0);
      return [w, ...[0, 6, 12, 18].map((h) => String(sum(h, h + 6))), String(sum(0, 24))];
    }),
  },
  chart: {
    type: 'heatmap',
    labels: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
    series: WEEKDAYS.map((w, d) => ({ name: w, values: heat[d]! })),
    unit: 'händelser',
  },
  alt: 'Värmekarta: händelser per veckodag (rader) och timme (kolumner); mörkare ruta = fler händelser.',
  source: 'Källa: Polisens händelser. Svensk tid.',
};

function sec(id: string, title: string, blocks: Section['blocks'], sections: Section[] = []): Section {
  return { id, title, blocks, sections };
}

/** The hand-made document; `over` changes any field (`draft: true` for an utkast). */
export function fixtureDocument(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    template: 'lagesbild',
    title: 'Lägesbild 2026 – Klippans kommun',
    subtitle: 'Lägesbild enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete',
    areaName: 'Klippans kommun',
    kommunCodes: ['1276'],
    period: { from: '2026-01-01', to: '2026-12-31' },
    periodLabel: '1 januari–31 december 2026',
    dataAsOf: '2026-10-31',
    periodIncomplete: true,
    diarienummer: 'KS 2026/123',
    logo: { fileName: 'klippan.png', dataUrl: `data:image/png;base64,${logoPng().toString('base64')}` },
    draft: false,
    publication: false,
    decided: { by: 'Kommunfullmäktige', on: '2026-12-14', protocolRef: 'KF 2026-12-14 § 140' },
    author: 'Maja Samordnare',
    subject: 'Lägesbild för Klippans kommun, 1 januari–31 december 2026',
    generatedAt: '2026-11-22T10:00:00.000Z',
    chapters: [
      sec(
        'sammanfattning',
        'Sammanfattning',
        [
          {
            kind: 'text',
            text: 'Lägesbilden beskriver brottsligheten och otryggheten i Klippans kommun under året, så långt data räcker.\n\nÅtgärderna för nästa år bygger på den här bilden: fokus på Åbyplan, stationsområdet och Östra Ljungby.',
          },
          {
            kind: 'keyFigures',
            items: [
              { label: 'Händelser', value: '987', note: 'jan–okt 2026' },
              { label: 'Per 1 000 invånare', value: '54,1' },
              { label: 'Förändring mot 2025', value: '−14 %', note: 'samma period' },
            ],
          },
          { kind: 'note', text: 'Perioden är inte slut: data per 31 oktober 2026. Helårssiffror kommer i februari.' },
          {
            kind: 'slot',
            key: 'sammanfattning',
            hint: 'Sammanfatta läget med egna ord',
            text: 'Vår bedömning: tryggheten ökar i Ödåkra och på Åbyplan.\n\nSkadegörelsen vid stationen är fortsatt det största problemet.',
          },
          { kind: 'slot', key: 'drivkrafter', hint: EMPTY_SLOT_HINT, text: '' },
        ],
        [],
      ),
      sec(
        'kartlaggning',
        'Kartläggning',
        [{ kind: 'text', text: 'Kartläggningen bygger på Polisens händelser och kommunens egna registreringar.' }],
        [
          sec('kartlaggning-utveckling', 'Utveckling över tid', [yearsFigure, monthsFigure]),
          sec('kartlaggning-kategorier', 'Kategorier', [categoriesFigure, changeFigure]),
          sec('kartlaggning-tid', 'Veckodag och tid på dygnet', [heatmapFigure]),
          sec('kartlaggning-platser', 'Platser', [
            { kind: 'text', text: 'Tabellen visar varje plats med minst tre händelser under ett år.' },
            longFigure(),
          ]),
        ],
      ),
      sec(
        'atgarder',
        'Åtgärder',
        [
          { kind: 'text', text: 'Åtgärderna beslutas av kommunstyrelsen och följs upp varje tertial.' },
          {
            kind: 'list',
            items: ['Bättre belysning vid stationen', 'Trygghetsvandring i maj', 'Klottersanering inom 24 timmar'],
          },
        ],
        [
          sec('atgarder-belysning', 'Belysning vid stationen', [
            {
              kind: 'facts',
              items: [
                { label: 'Ansvarig', value: 'Samhällsbyggnadsförvaltningen' },
                { label: 'Status', value: 'Pågår' },
                { label: 'Klart', value: '30 juni 2027' },
              ],
            },
            {
              kind: 'list',
              ordered: true,
              items: ['Inventera armaturer', 'Byta till LED', 'Följa upp med trygghetsvandring'],
            },
          ]),
        ],
      ),
      sec('beslut', 'Beslut och underskrifter', [
        { kind: 'text', text: 'Lägesbilden har tagits fram gemensamt av kommunen och lokalpolisområdet.' },
        {
          kind: 'signatures',
          signers: [
            { role: 'Kommunstyrelsens ordförande', name: 'Ärla Östlund', date: '2026-12-15' },
            { role: 'Lokalpolisområdeschef', name: 'Örjan Åberg', date: '' },
          ],
        },
      ]),
    ],
    ...over,
  };
}

/**
 * Many short sections (a heading, a paragraph of varying length, a small table) running over several pages,
 * so that some heading falls near the foot of a page wherever the page breaks: it must move on with what
 * follows it.
 */
export function manySectionsDocument(): ReportDocument {
  const sections = Array.from({ length: 36 }, (_, i) =>
    sec(`avsnitt-${i + 1}`, `Avsnitt ${i + 1}: område ${String.fromCharCode(65 + (i % 26))}`, [
      { kind: 'text', text: 'Händelserna på platsen följer samma mönster som förra året. '.repeat(1 + ((i * 7) % 5)) },
      {
        kind: 'figure',
        id: `tabell-${i + 1}`,
        caption: `Händelser i område ${i + 1}`,
        table: {
          head: ['År', 'Händelser'],
          rows: [
            ['2025', String(100 + i)],
            ['2026', String(120 + i)],
          ],
        },
      },
    ]),
  );
  return fixtureDocument({
    title: 'Lägesbild med många avsnitt',
    chapters: [sec('omraden', 'Områden', [{ kind: 'text', text: 'Varje område för sig.' }], sections)],
  });
}
