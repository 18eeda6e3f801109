/**
 * Report documents built by hand (every block kind, å ä ö, a long table, a chart, a logo), a tiny PNG
 * encoder for chart images and logos, and a small ZIP reader that checks what it reads (the .docx is a ZIP).
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { encodePng } from './png';
import type { Figure, ReportDocument, Section } from '../../src/shared/report';

// ---------------------------------------------------------------------------------------------------------
// PNG

/** A real PNG of the given size, filled with stripes of the colour (so each file differs). */
export function makePng(width: number, height: number, rgb: [number, number, number] = [40, 90, 160]): Uint8Array {
  return new Uint8Array(
    encodePng(width, height, (x, y) => ((x + y) % 4 < 2 ? [rgb[0], rgb[1], rgb[2], 255] : [255, 255, 255, 255])),
  );
}

export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

// ---------------------------------------------------------------------------------------------------------
// ZIP

/**
 * The files of a ZIP archive by name, read through its central directory; throws when the archive is not a
 * valid one (no end record, a bad signature, a size or CRC that does not match).
 */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('ZIP: no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error(`ZIP: bad central directory entry ${n}`);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error(`ZIP: bad local header for ${name}`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + compressed);
    const content = method === 0 ? data : method === 8 ? inflateRawSync(data) : null;
    if (!content) throw new Error(`ZIP: unknown method ${method} for ${name}`);
    if (content.length !== size) throw new Error(`ZIP: size mismatch for ${name}`);
    if (crc32(content) >>> 0 !== crc) throw new Error(`ZIP: CRC mismatch for ${name}`);
    files.set(name, new Uint8Array(content));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

export function zipText(files: Map<string, Uint8Array>, name: string): string {
  const f = files.get(name);
  if (!f) throw new Error(`${name} saknas i arkivet (finns: ${[...files.keys()].join(', ')})`);
  return Buffer.from(f).toString('utf8');
}

// ---------------------------------------------------------------------------------------------------------
// Documents

export const EMPTY_SLOT_HINT = 'Skriv här vad som driver utvecklingen (tips som inte ska skrivas ut)';

const PLACES = ['Klippans station', 'Åstorps centrum', 'Storgatan', 'Ljungbyhed', 'Östra Ljungby', 'Söderåsen'];

const INTEGER = new Intl.NumberFormat('sv-SE');
const DECIMAL1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A 120-row table: place, year, count (with a narrow space), per 1 000 inhabitants. */
export function longFigure(rows = 120): Figure {
  return {
    kind: 'figure',
    id: 'kartlaggning-platser',
    caption: 'Återkommande platser',
    table: {
      head: ['Plats', 'År', 'Händelser', 'Per 1 000 inv.'],
      rows: Array.from({ length: rows }, (_, i) => [
        `${PLACES[i % PLACES.length]} ${Math.floor(i / PLACES.length) + 1}`,
        String(2023 + (i % 4)),
        INTEGER.format(1000 + i * 37),
        DECIMAL1.format(i / 7),
      ]),
    },
    source: 'Källa: Polisens händelser, data per 31 oktober 2026.',
    note: 'Platser med färre än 3 händelser visas inte.',
  };
}

export function chartFigure(): Figure {
  return {
    kind: 'figure',
    id: 'kartlaggning-utveckling',
    caption: 'Händelser per år',
    table: {
      head: ['År', 'Klippan', 'Åstorp'],
      rows: [
        ['2024', '1 073', '842'],
        ['2025', '1 154', '903'],
        ['2026', '987', '811'],
      ],
    },
    chart: {
      type: 'bars',
      labels: ['2024', '2025', '2026'],
      series: [
        { name: 'Klippan', values: [1073, 1154, 987] },
        { name: 'Åstorp', values: [842, 903, 811] },
      ],
      unit: 'händelser',
    },
    alt: 'Stapeldiagram: händelser per år 2024–2026 i Klippan och Åstorp; Klippan högst 2025 med 1 154.',
    source: 'Källa: Polisens händelser.',
  };
}

function sec(id: string, title: string, blocks: Section['blocks'], sections: Section[] = []): Section {
  return { id, title, blocks, sections };
}

/** A document with every block kind, three heading levels, a chart figure and a 120-row table. */
export function handDocument(over: Partial<ReportDocument> = {}): ReportDocument {
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
    logo: { fileName: 'logga.png', dataUrl: pngDataUrl(makePng(60, 24, [200, 30, 30])) },
    draft: false,
    publication: false,
    decided: { by: 'Kommunfullmäktige', on: '2026-12-14', protocolRef: 'KF § 140' },
    author: 'Maja Samordnare',
    subject: 'Lägesbild för Klippans kommun, 1 januari–31 december 2026.',
    generatedAt: '2026-11-22T10:00:00.000Z',
    chapters: [
      sec('sammanfattning', 'Sammanfattning', [
        { kind: 'text', text: 'Första stycket om läget i kommunen.\n\nAndra stycket: ökningen är måttlig.' },
        {
          kind: 'keyFigures',
          items: [
            { label: 'Händelser', value: '1 073', note: 'jan–okt' },
            { label: 'Per 1 000 invånare', value: '58,4' },
          ],
        },
        { kind: 'note', text: 'Perioden är inte slut: data per 31 oktober 2026.' },
        {
          kind: 'slot',
          key: 'sammanfattning',
          hint: 'Sammanfatta läget',
          text: 'Vår bedömning: tryggheten ökar i Ödåkra.',
        },
      ]),
      sec(
        'kartlaggning',
        'Kartläggning',
        [chartFigure()],
        [
          sec('kartlaggning-platser', 'Återkommande platser', [
            longFigure(),
            { kind: 'slot', key: 'platser', hint: EMPTY_SLOT_HINT, text: '' },
          ]),
          sec(
            'kartlaggning-tid',
            'När det händer',
            [{ kind: 'list', items: ['Fredagskvällar', 'Lördagsnätter', 'Sommarlovet'] }],
            [sec('kartlaggning-tid-manad', 'Månad för månad', [{ kind: 'text', text: 'Toppen ligger i juli.' }])],
          ),
        ],
      ),
      sec('atgardsplan', 'Åtgärdsplan', [
        { kind: 'list', items: ['Belysning vid stationen', 'Trygghetsvandring i maj'], ordered: true },
        {
          kind: 'facts',
          items: [
            { label: 'Ansvarig', value: 'Samhällsbyggnadsförvaltningen' },
            { label: 'Status', value: 'Pågår' },
          ],
        },
        {
          kind: 'signatures',
          signers: [
            { role: 'Lokalpolisområdeschef', name: 'Örjan Åberg', date: '2026-12-15' },
            { role: 'Kommunstyrelsens ordförande', name: 'Ärla Öst', date: '' },
          ],
        },
      ]),
    ],
    ...over,
  };
}
