/** The chunked JSON array reader: the same records and the same refusals however the file is cut into chunks. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArrayRecords } from '../../src/core/imports/json-stream';
import { AppError } from '../../src/shared/errors';
import { cut } from '../helpers/bytes';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Records read, or the refusal's message. */
function read(chunks: Uint8Array[]): { records: unknown[] } | { error: string } {
  try {
    return { records: [...jsonArrayRecords(chunks)] };
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    return { error: (e as AppError).message };
  }
}

describe('jsonArrayRecords', () => {
  it('läser Polisens exempelfil byte för byte likadant som i ett stycke', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '../fixtures/polisen-events-sample.json')));
    const whole = read([bytes]);
    expect(whole).toEqual({ records: JSON.parse(new TextDecoder().decode(bytes)) });
    const oneByOne = read([...bytes].map((b) => new Uint8Array([b])));
    expect(oneByOne).toEqual(whole);
  });

  it('ger samma fel oavsett var filen delas, också mitt i ett tecken', () => {
    const cases = [
      '[\n  {"id": 1, "name": "a",}\n]',
      '[\n  {"id": 1, "location": {"name": Klippan}}\n]',
      '[\n  {"id": 1}\n  {"id": 2}\n]',
      '[{"id": 1}] x',
      '[{"id": 1, "name": "06 ju',
      '[{"name": "Hörby 😀"}, {"name": "Höör", }]',
      '[1, 2,',
      '[1, tru]',
      '[12x]',
      '{"id": 1}',
      '"händelser"',
      ' \n',
      '',
      '[]',
      '[ ]  \n',
    ];
    for (const text of cases) {
      const bytes = utf8(text);
      const whole = read([bytes]);
      for (let k = 0; k <= bytes.length; k++) {
        expect(read([bytes.subarray(0, k), bytes.subarray(k)]), `${text} delad vid ${k}`).toEqual(whole);
      }
    }
    expect(read([utf8('[1, tru]')])).toEqual({
      error: 'Filen är inte giltig JSON: oväntat tecken "]" på rad 1, kolumn 8, i post 2.',
    });
    expect(read([utf8('[{"name": "Hörby 😀"}, {"name": "Höör", }]')])).toEqual({
      error: 'Filen är inte giltig JSON: oväntat tecken "}" på rad 1, kolumn 40, i post 2.',
    });
  });

  it('hittar en ogiltig UTF-8-byte i en senare bit och anger rätt rad och kolumn', () => {
    const text = '[\n  {"name": "Malmö"},\n  {"name": "Lund X"}\n]';
    const bytes = utf8(text);
    const bad = bytes.indexOf(0x58); // the X
    bytes[bad] = 0xff;
    for (let k = 0; k <= bytes.length; k++) {
      expect(read([bytes.subarray(0, k), bytes.subarray(k)])).toEqual({
        error: 'Filen är inte giltig UTF-8: ogiltig byte på rad 3, kolumn 18. Spara den som UTF-8.',
      });
    }
  });

  it('egenskap: giltiga listor läses som JSON.parse, i vilka bitar som helst', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom('', ' ', '\n  ', '\r\n\t'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, space, bom, offsets) => {
          const text = `${space}[${space}${records.map((r) => JSON.stringify(r, null, space ? 1 : 0)).join(`,${space}`)}${space}]${space}`;
          const bytes = utf8(text);
          const withBom = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
          const got = read(cut(withBom, offsets));
          expect(got).toEqual({ records: JSON.parse(text) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('en fil vars första byte är 0 vägras som UTF-16 också när första biten är en enda byte', () => {
    const bytes = Uint8Array.from(utf8('[false]'), (b, i) => (i === 0 ? 0 : b));
    const whole = read([bytes]);
    expect(whole).toEqual({
      error: 'Filen är sparad som UTF-16, som inte stöds. Spara den som UTF-8 och försök igen.',
    });
    expect(read([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(whole);
    // A file shorter than the first look still reads.
    expect(read([utf8('[]')])).toEqual({ records: [] });
    expect(read([utf8('['), utf8(']')])).toEqual({ records: [] });
  });

  it('egenskap: trasiga filer vägras med samma meddelande hur de än delas', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('truncate', 'replace', 'insert'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, where, byte, how, offsets) => {
          const good = utf8(JSON.stringify(records));
          const at = where % good.length;
          let bytes: Uint8Array;
          if (how === 'truncate') bytes = good.subarray(0, at);
          else if (how === 'replace') bytes = Uint8Array.from(good, (b, i) => (i === at ? byte : b));
          else bytes = new Uint8Array([...good.subarray(0, at), byte, ...good.subarray(at)]);
          const whole = read([bytes]);
          expect(read(cut(bytes, offsets))).toEqual(whole);
          if (!('error' in whole)) {
            expect(whole.records).toEqual(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
