/** CSV read in chunks: the same table and the same refusals however the file is cut. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTable, readTable } from '../../src/core/imports/incidents-table';
import { CsvReader, parseCsv } from '../../src/core/imports/text';
import { AppError } from '../../src/shared/errors';
import { cut } from '../helpers/bytes';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../fixtures/imports', name)));

/** The table read through chunks, or the refusal. */
async function chunked(bytes: Uint8Array, parts: Uint8Array[], name = 'a.csv') {
  try {
    const t = await openTable({ head: () => bytes.subarray(0, 4096), whole: () => bytes, chunks: () => parts }, name);
    return { header: t.header, encoding: t.encoding, headerRow: t.headerRow, rows: [...t.rows] };
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { error: (e as AppError).message };
  }
}

async function whole(bytes: Uint8Array, name = 'a.csv') {
  try {
    const t = await readTable(bytes, name);
    return { header: t.header, encoding: t.encoding, headerRow: t.headerRow, rows: t.rows };
  } catch (e) {
    return { error: (e as AppError).message };
  }
}

describe('CSV i bitar', () => {
  it('läser EST-exporterna (UTF-8 med BOM och Windows-1252) likadant vid varje delning', async () => {
    for (const name of ['est-export.csv', 'est-export-1252.csv']) {
      const bytes = fixture(name);
      const expected = await whole(bytes);
      expect('error' in expected).toBe(false);
      for (let k = 0; k <= bytes.length; k += 7) {
        expect(await chunked(bytes, [bytes.subarray(0, k), bytes.subarray(k)]), `${name} vid ${k}`).toEqual(expected);
      }
      expect(
        await chunked(
          bytes,
          [...bytes].map((b) => new Uint8Array([b])),
        ),
      ).toEqual(expected);
    }
  });

  it('CsvReader: citat, dubbla citattecken och CRLF delade mellan bitar', () => {
    const text = 'a;"b ""c""\r\nd";e\r\n"x;y";z\r\n\r\nsista;"rad"';
    const expected = parseCsv(text, ';');
    expect(expected).toEqual([
      { line: 1, fields: ['a', 'b "c"\r\nd', 'e'] },
      { line: 3, fields: ['x;y', 'z'] },
      // No line ending after the last record: the file may have been cut there.
      { line: 5, fields: ['sista', 'rad'], open: true },
    ]);
    for (let k = 0; k <= text.length; k++) {
      for (let m = k; m <= text.length; m += 3) {
        const r = new CsvReader(';');
        expect([
          ...r.feed(text.slice(0, k)),
          ...r.feed(text.slice(k, m)),
          ...r.feed(text.slice(m)),
          ...r.end(),
        ]).toEqual(expected);
      }
    }
  });

  it('egenskap: slumpade tabeller ger samma rader och samma fel i vilka bitar som helst', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('"', '""', ';', '\r\n', '\n', 'åäö', 'Malung–Sälen', '😀', ' '),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (rows, eol, quoteAll, truncate, offsets) => {
          const q = (c: string) => (quoteAll || /[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          let text = rows.map((r) => r.map(q).join(';')).join(eol);
          if (truncate) text = text.slice(0, Math.max(1, text.length - 2));
          const bytes = new TextEncoder().encode(`\uFEFF${text}`);
          expect(await chunked(bytes, cut(bytes, offsets))).toEqual(await whole(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });
});
