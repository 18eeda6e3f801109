import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import { parsePolisen } from '../../src/core/imports/polisen';
import type { IncidentParse, ParseContext } from '../../src/core/imports/types';
import { AppError } from '../../src/shared/errors';
import { incidentInputSchema } from '../../src/shared/schemas';
import { CATEGORIES, categoryOfSubcategory, POLICE_TYPE_MAP } from '../../src/shared/taxonomy';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (path: string) => new Uint8Array(fs.readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

/** The demo kommuner with ids 1–9 in geography order (Bjuv 1 … Staffanstorp 9). */
const DEMO: ParseContext = {
  kommuner: DEMO_KOMMUNER.map((k, i) => ({ id: i + 1, name: k.name, scbCode: k.scbCode })),
};
/** The demo kommuner plus those of the real December 2018 sample (ids 10–18). */
const NATIONAL: ParseContext = {
  kommuner: [
    ...DEMO.kommuner,
    ...'Östersund 2380,Skellefteå 2482,Örnsköldsvik 2284,Timrå 2262,Uddevalla 1485,Malung-Sälen 2023,Kalmar 0880,Umeå 2480,Malmö 1280'
      .split(',')
      .map((k, i) => ({ id: 10 + i, name: k.slice(0, -5), scbCode: k.slice(-4) })),
  ],
};

type Value = IncidentParse['rows'][number]['value'];
const incident = (v: Partial<Value>): Value =>
  ({
    source: 'polisens_handelse',
    placeName: '',
    precision: 'kommun',
    reporterOrg: 'Polisen',
    status: 'ny',
    ...v,
  }) as Value;

/** The AppError a parse throws, as [code, message]. */
function refusal(bytes: Uint8Array): [string, string] {
  try {
    parsePolisen(bytes, DEMO);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return [(e as AppError).code, (e as AppError).message];
  }
  throw new Error('filen vägrades inte');
}

describe('Polisens riktiga exempel (december 2018)', () => {
  const sample = fixture('polisen-events-sample.json');

  it('hoppar över varje post vars kommun inte finns, med ett skäl per post', () => {
    const r = parsePolisen(sample, DEMO);
    expect(r.rows).toEqual([]);
    expect(r.invalid).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.skipped.map((s) => s.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.skipped[0]).toEqual({ row: 1, reason: 'Östersund finns inte i databasen' });
    expect(r.skipped[6]).toEqual({ row: 7, reason: 'Jönköpings län är ett län, inte en kommun' });
    expect(r.skipped[9]).toEqual({ row: 10, reason: 'Malung-sälen finns inte i databasen' });
  });

  it('läser alla poster när kommunerna finns, med exakta tider, kategorier, länkar och positioner', () => {
    const r = parsePolisen(sample, NATIONAL);
    expect(r.invalid).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.skipped).toEqual([{ row: 7, reason: 'Jönköpings län är ett län, inte en kommun' }]);
    expect(r.rows.map((x) => x.row)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
    const byRef = new Map(r.rows.map((x) => [x.value.sourceRef, x.value]));
    expect(byRef.get('105469')).toEqual(
      incident({
        sourceRef: '105469',
        category: 'ordning',
        subcategory: 'berusning',
        occurredAt: '2018-12-28T13:32:00Z',
        reportedAt: '2018-12-28T13:32:20Z',
        kommunId: 10,
        lat: 63.176683,
        lon: 14.636068,
        description: 'Centrum, en person omhändertagen för fylleri.',
        sourceUrl: 'https://polisen.se/aktuellt/handelser/2018/december/28/28-december-14.32-fyllerilob-ostersund/',
      }),
    );
    // Published the same second as the name's minute: occurredAt equals reportedAt.
    expect(byRef.get('105456')).toMatchObject({
      category: 'trafik',
      subcategory: 'trafikolycka',
      occurredAt: '2018-12-28T13:57:00Z',
      reportedAt: '2018-12-28T13:57:00Z',
      kommunId: 14,
      lat: 58.3498,
      lon: 11.935649,
    });
    // "Malung-sälen" as the feed spells it finds Malung-Sälen; Fjällräddning is Övrigt.
    expect(byRef.get('105450')).toMatchObject({
      category: 'ovrigt',
      subcategory: 'ovrigt_annat',
      occurredAt: '2018-12-28T12:26:00Z',
      reportedAt: '2018-12-28T12:26:08Z',
      kommunId: 15,
      lat: 60.900926,
      lon: 13.322618,
      precision: 'kommun',
      sourceUrl: 'https://polisen.se/aktuellt/handelser/2018/december/28/28-december-13.26-fjallraddning-malung-salen/',
    });
    // Summary with a trailing space is trimmed; "Kontroll person/fordon" is a traffic check.
    expect(byRef.get('105441')?.description).toBe('Singelolycka på Inre ringvägen.');
    expect(byRef.get('105465')).toMatchObject({ category: 'trafik', subcategory: 'trafikkontroll' });
    expect(byRef.get('105443')).toMatchObject({ subcategory: 'rattfylleri', occurredAt: '2018-12-28T10:22:00Z' });
  });
});

describe('fällorna (test/fixtures/imports/polisen-traps.json)', () => {
  const bytes = fixture('imports/polisen-traps.json');
  const input = JSON.parse(new TextDecoder().decode(bytes)) as { summary: string; url: string }[];
  const r = parsePolisen(bytes, DEMO);

  it('ger exakt de väntade raderna', () => {
    // row, sourceRef, category/subcategory, occurredAt, reportedAt, kommunId, position ("lat,lon", null = none)
    const expected: [number, string, string, string, string, number, string | null][] = [
      [1, '501', 'vald/misshandel', '2025-06-06T18:41:00Z', '2025-06-07T05:32:06Z', 4, '55.913,13.105'], // +02:00, 7:32
      [2, '502', 'skadegorelse/annan_skadegorelse', '2025-12-31T22:50:00Z', '2025-12-31T23:15:00Z', 2, '56.134,13.131'],
      [6, '506', 'ovrigt/ovrigt_annat', '2025-06-08T19:58:00Z', '2025-06-08T20:04:00Z', 8, '55.673,13.07'], // unknown
      [7, '507', 'ovrigt/ovrigt_annat', '2025-06-08T22:55:00Z', '2025-06-08T23:02:03Z', 1, null], // gps "N/A"
      [10, '510', 'trafik/trafikkontroll', '2025-02-14T08:05:00Z', '2025-02-14T08:05:00Z', 1, '56.084,12.918'], // no time
      [11, '511', 'ovrigt/ovrigt_annat', '2025-06-07T08:01:30Z', '2025-06-07T08:01:30Z', 9, '55.642,13.206'], // skew
      [12, '512', 'tillgrepp/stold', '2025-06-07T09:30:00Z', '2025-06-07T10:00:00Z', 5, null], // gps lon,lat
      [17, '517', 'ordning/brak', '2025-03-30T01:10:00Z', '2025-03-30T01:10:00Z', 6, '55.638,13.083'], // 02.30 missing
      [18, '518', 'trafik/rattfylleri', '2025-10-26T00:20:00Z', '2025-10-26T01:40:00Z', 7, '55.793,13.111'], // 02.20 twice
    ];
    expect(r.rows).toEqual(
      expected.map(([row, sourceRef, pair, occurredAt, reportedAt, kommunId, gps]) => {
        const [category, subcategory] = pair.split('/');
        const [lat = null, lon = null] = gps?.split(',').map(Number) ?? [];
        const { summary, url } = input[row - 1]!;
        return {
          row,
          value: incident({
            ...{ sourceRef, category, subcategory, occurredAt, reportedAt, kommunId, lat, lon },
            precision: gps ? 'kommun' : null,
            description: row === 10 ? 'Trafikkontroll' : summary.trim(),
            sourceUrl: row === 12 ? null : url.startsWith('/') ? `https://polisen.se${url}` : url,
          }),
        };
      }),
    );
    const value = (row: number) => r.rows.find((x) => x.row === row)!.value;
    expect(value(1).sourceUrl).toBe(
      'https://polisen.se/aktuellt/handelser/2025/juni/6/06-juni-20.41-misshandel-svalov/',
    );
    expect(value(1).description).toBe('Teckomatorp, en man misshandlad utanför en pizzeria.');
    expect(value(2).sourceUrl).toBe(
      'https://polisen.se/aktuellt/handelser/2025/december/31/31-december-23.50-skadegorelse-klippan/',
    );
    expect(value(17).sourceUrl).toBe('http://polisen.se/aktuellt/handelser/2025/mars/30/30-mars-02.30-brak-burlov/');
  });

  it('hoppar över län, sammanfattningar och kommuner utanför databasen, med skäl', () => {
    expect(r.skipped).toEqual([
      { row: 3, reason: 'Skåne län är ett län, inte en kommun' },
      { row: 4, reason: 'Sammanfattning, inte en händelse' },
      { row: 5, reason: 'Sammanfattning, inte en händelse' },
      { row: 9, reason: 'Östersund finns inte i databasen' },
    ]);
  });

  it('listar trasiga poster som ogiltiga och namnger fältet', () => {
    expect(r.invalid).toEqual([
      { row: 8, reason: 'Fältet "name" saknas.' },
      { row: 13, reason: 'Fältet "id" måste vara ett positivt heltal, inte "513".' },
      { row: 14, reason: 'Fältet "datetime" är ingen giltig tidpunkt: "igår 12:00".' },
      { row: 15, reason: 'Fältet "type" måste vara text.' },
      { row: 16, reason: 'Posten är ett tal, inte ett objekt.' },
    ]);
  });

  it('varnar för tid, position, länk och okänd typ, en gång per sort', () => {
    expect(r.warnings).toEqual([
      'Poster 10 och 17: tiden i "name" kan inte läsas, så publiceringstiden ("datetime") används som händelsens tid.',
      'Poster 7 och 12: "gps" saknas eller kan inte läsas, så händelsen sparas utan position.',
      'Post 12: länken ("url") går inte till polisen.se och sparas inte.',
      'Okänd händelsetyp "Drönarobservation" (2 poster) läggs under Övrigt.',
    ]);
  });
});

describe('filer som inte går att använda alls', () => {
  it('vägrar trasig JSON och säger var felet är', () => {
    expect(refusal(utf8('[\n  {"id": 1, "name": "a",}\n]'))).toEqual([
      'validation',
      'Filen är inte giltig JSON: oväntat tecken "}" på rad 2, kolumn 25, i post 1.',
    ]);
    expect(refusal(utf8('[\n  {"id": 1, "location": {"name": Klippan}}\n]'))).toEqual([
      'validation',
      'Filen är inte giltig JSON: oväntat tecken "K" på rad 2, kolumn 34, i post 1, fältet "location".',
    ]);
    expect(refusal(utf8('[\n  {"id": 1}\n  {"id": 2}\n]'))).toEqual([
      'validation',
      'Filen är inte giltig JSON: oväntat tecken "{" på rad 3, kolumn 3, efter post 1.',
    ]);
    expect(refusal(utf8('[{"id": 1}] x'))).toEqual([
      'validation',
      'Filen är inte giltig JSON: oväntat tecken "x" på rad 1, kolumn 13.',
    ]);
  });

  it('vägrar en avkortad fil', () => {
    expect(refusal(utf8('[{"id": 1, "name": "06 ju'))).toEqual([
      'validation',
      'Filen tar slut mitt i JSON-datat (rad 1, kolumn 26, i post 1, fältet "name") och är troligen avkortad. Hämta eller spara den igen.',
    ]);
    const sample = new TextDecoder().decode(fixture('polisen-events-sample.json'));
    const cut = sample.slice(0, sample.indexOf('Vivsta, man') + 3);
    expect(refusal(utf8(cut))).toEqual([
      'validation',
      'Filen tar slut mitt i JSON-datat (rad 9, kolumn 123, i post 8, fältet "summary") och är troligen avkortad. Hämta eller spara den igen.',
    ]);
    expect(refusal(utf8(sample.slice(0, sample.indexOf('"summary": "Vivsta'))))[1]).toBe(
      'Filen tar slut mitt i JSON-datat (rad 9, kolumn 108, i post 8) och är troligen avkortad. Hämta eller spara den igen.',
    );
    expect(refusal(utf8(sample.slice(0, sample.indexOf('  {"id": 105462'))))[1]).toBe(
      'Filen tar slut mitt i JSON-datat (rad 9, kolumn 1, efter post 7) och är troligen avkortad. Hämta eller spara den igen.',
    );
  });

  it('vägrar en fil som inte är en lista, en tom fil och UTF-16', () => {
    expect(refusal(utf8('{"id": 1}'))).toEqual([
      'validation',
      'Filen ska innehålla en lista (JSON-array) med händelser från Polisen, men innehåller ett objekt.',
    ]);
    expect(refusal(utf8('"händelser"'))[1]).toMatch(/men innehåller en text\.$/);
    expect(refusal(utf8(' \n'))).toEqual(['validation', 'Filen är tom.']);
    const utf16 = 'Filen är sparad som UTF-16, som inte stöds. Spara den som UTF-8 och försök igen.';
    const le = new Uint8Array([0xff, 0xfe, ...[...'[]'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(refusal(le)).toEqual(['validation', utf16]);
    expect(refusal(le.subarray(2))).toEqual(['validation', utf16]);
    expect(refusal(new Uint8Array([0xfe, 0xff, 0, 0x5b, 0, 0x5d]))).toEqual(['validation', utf16]);
  });

  it('vägrar bytes som inte är UTF-8 och säger var', () => {
    // "[\n  "Malmö"]" with ö as Windows-1252 (0xF6)
    const latin1 = new Uint8Array([0x5b, 0x0a, 0x20, 0x20, 0x22, 0x4d, 0x61, 0x6c, 0x6d, 0xf6, 0x22, 0x5d]);
    expect(refusal(latin1)).toEqual([
      'validation',
      'Filen är inte giltig UTF-8: ogiltig byte på rad 2, kolumn 8. Spara den som UTF-8.',
    ]);
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, ...latin1]))[1]).toBe(
      'Filen är inte giltig UTF-8: ogiltig byte på rad 2, kolumn 8. Spara den som UTF-8.',
    );
  });

  it('godtar en tom lista och en BOM, med en varning', () => {
    expect(parsePolisen(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d]), DEMO)).toEqual({
      rows: [],
      skipped: [],
      invalid: [],
      warnings: ['Filen innehåller inga händelser.'],
    });
  });
});

describe('POLICE_TYPE_MAP', () => {
  it('pekar bara på kategorier och underkategorier som finns', () => {
    for (const [type, [category, subcategory]] of Object.entries(POLICE_TYPE_MAP)) {
      expect(
        CATEGORIES.some((c) => c.code === category),
        type,
      ).toBe(true);
      expect(categoryOfSubcategory(subcategory), type).toBe(category);
    }
  });

  it('täcker händelsetyperna som förekommer i flödet', () => {
    const types = `Alkohollagen|Anträffad död|Anträffat gods|Arbetsplatsolycka|Bedrägeri|Bombhot|Brand|Brand automatlarm|Bråk|Detonation|Djur skadat/omhändertaget|Ekobrott|Farligt föremål, misstänkt|Fjällräddning|Fylleri/LOB|Förfalskningsbrott|Försvunnen person|Gränskontroll|Häleri|Inbrott|Inbrott, försök|Knivlagen|Kontroll person/fordon|Lagen om hundar och katter|Larm inbrott|Larm överfall|Miljöbrott|Missbruk av urkund|Misshandel|Misshandel, grov|Mord/dråp|Mord/dråp, försök|Motorfordon, anträffat stulet|Motorfordon, stöld|Narkotikabrott|Naturkatastrof|Ofog barn/ungdom|Ofredande/förargelse|Olaga frihetsberövande|Olaga hot|Olaga intrång/hemfridsbrott|Olovlig körning|Ordningslagen|Polisinsats/kommendering|Rattfylleri|Räddningsinsats|Rån|Rån väpnat|Rån övrigt|Rån, försök|Sabotage mot blåljusverksamhet|Sedlighetsbrott|Sjukdom/olycksfall|Sjölagen|Skadegörelse|Skottlossning|Skottlossning, misstänkt|Spridning smittsamma kemikalier|Stöld|Stöld, försök|Stöld, ringa|Stöld/inbrott|Tillfälligt obemannat|Trafikbrott|Trafikhinder|Trafikkontroll|Trafikolycka|Trafikolycka, personskada|Trafikolycka, singel|Trafikolycka, smitning från|Trafikolycka, vilt|Uppdatering|Utlänningslagen|Vapenlagen|Varningslarm/haveri|Våld/hot mot tjänsteman|Våldtäkt|Våldtäkt, försök|Vållande till kroppsskada|Övrigt|Explosion|Kontroll|Djur|Kroppsskada|Hemfridsbrott|Inbrott bostad|Efterlyst person|Motorfordon, stöld, försök|Sprängämne, misstänkt|Stöld/inbrott bostad|Larm`;
    const missing = types.split('|').filter((t) => !(t in POLICE_TYPE_MAP));
    expect(missing).toEqual([]);
  });

  it('känner igen en typ trots annan skiftläge och mellanrum, utan varning', () => {
    const event = {
      id: 1,
      datetime: '2025-06-07 12:00:00 +02:00',
      name: '07 juni 11.00, Stöld, Bjuv',
      type: 'stöld ,  RINGA',
      location: { name: 'Bjuv', gps: '56.084,12.918' },
    };
    const r = parsePolisen(utf8(JSON.stringify([event])), DEMO);
    expect(r.rows[0]?.value).toMatchObject({
      category: 'tillgrepp',
      subcategory: 'stold',
      description: 'stöld ,  RINGA',
    });
    expect(r.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = 'januari februari mars april maj juni juli augusti september oktober november december'.split(' ');
const TYPES = [...Object.keys(POLICE_TYPE_MAP), 'Sammanfattning natt', 'Drönarobservation', ''];
const PLACES = [...DEMO_KOMMUNER.map((k) => k.name), 'Skåne län', 'Östersund', 'klippan', ' Lomma ', ''];

const int = (min: number, max: number) => fc.integer({ min, max });
/** Mostly a good value, sometimes something else (undefined drops the key from the JSON). */
const usually = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: good, weight: 12 }, ...bad, fc.constant(undefined), fc.anything());
const offsetArb = fc.constantFrom('+01:00', '+02:00', '+00:00', '-05:00', 'Z');
const datetimeArb = fc
  .tuple(int(2010, 2024), int(1, 12), int(1, 31), int(0, 23), int(0, 59), offsetArb)
  .map(([y, mo, d, h, mi, off]) => `${y}-${pad(mo)}-${pad(d)} ${h}:${pad(mi)}:${pad(mi)} ${off}`);
const nameArb = fc
  .tuple(int(0, 32), fc.constantFrom(...MONTHS), int(0, 25), int(0, 61), fc.constantFrom(...TYPES))
  .map(([d, m, h, mi, t]) => `${pad(d)} ${m} ${pad(h)}.${pad(mi)}, ${t}, Bjuv`);
const gpsArb = usually(
  fc.tuple(fc.double({ min: 50, max: 75, noNaN: true }), fc.double({ min: 5, max: 30, noNaN: true })).map(String),
  fc.string(),
);
const urlArb = fc.oneof(
  fc.webPath(),
  fc.webUrl(),
  fc.constantFrom('https://polisen.se/a/', '//evil.example/x', 'javascript:alert(1)', 'http://polisen.se.evil.com/'),
);
const eventArb = fc.record({
  id: usually(int(1, 2 ** 31 - 1), fc.string(), fc.double(), int(-5, 0)),
  datetime: usually(datetimeArb, fc.string()),
  name: usually(nameArb, fc.string()),
  summary: usually(fc.string(), fc.string({ minLength: 3990, maxLength: 4100 })),
  url: usually(urlArb),
  type: usually(fc.constantFrom(...TYPES), fc.string()),
  location: usually(fc.record({ name: usually(fc.constantFrom(...PLACES), fc.string()), gps: gpsArb })),
});
/** Mostly event-like objects with random fields, now and then anything at all. */
const recordsArb = fc.array(fc.oneof({ arbitrary: eventArb, weight: 8 }, { arbitrary: fc.anything(), weight: 1 }), {
  maxLength: 12,
});

function acceptsOnlyValidation(bytes: Uint8Array): IncidentParse | null {
  try {
    return parsePolisen(bytes, DEMO);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation') throw e;
    return null;
  }
}

describe('egenskaper', () => {
  it('godtyckliga bytes ger ett resultat eller AppError(validation), inget annat', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void acceptsOnlyValidation(bytes)),
      { numRuns: 500 },
    );
  });

  it('godtyckliga JSON-värden ger ett resultat eller AppError(validation)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void acceptsOnlyValidation(utf8(JSON.stringify(v) ?? 'null'))),
      { numRuns: 500 },
    );
  });

  it('listor av poster med slumpade fält vägras aldrig, och varje post hamnar på exakt ett ställe', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const r = parsePolisen(utf8(JSON.stringify(records)), DEMO);
        const rows = [...r.rows, ...r.skipped, ...r.invalid].map((x) => x.row).sort((a, b) => a - b);
        expect(rows).toEqual(records.map((_, i) => i + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('varje rad som kommer ut är en giltig händelse', () => {
    const ids = new Set(DEMO.kommuner.map((k) => k.id));
    fc.assert(
      fc.property(recordsArb, (records) => {
        for (const { value: v } of parsePolisen(utf8(JSON.stringify(records)), DEMO).rows) {
          expect(categoryOfSubcategory(v.subcategory)).toBe(v.category);
          expect(v.occurredAt).toMatch(ISO_UTC);
          expect(v.reportedAt).toMatch(ISO_UTC);
          expect(Date.parse(v.reportedAt)).toBeGreaterThanOrEqual(Date.parse(v.occurredAt));
          expect(ids.has(v.kommunId)).toBe(true);
          expect(v.sourceRef).toMatch(/^[1-9]\d*$/);
          expect(v.sourceUrl === null || /^https?:\/\/([^/]+\.)?polisen\.se\//.test(v.sourceUrl!)).toBe(true);
          expect([v.lon === null, v.precision]).toEqual([v.lat === null, v.lat === null ? null : 'kommun']);
          const parsed = incidentInputSchema.safeParse(v);
          expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual([]);
          expect(parsed.data?.description).toBe(v.description);
        }
      }),
      { numRuns: 400 },
    );
  });
});
