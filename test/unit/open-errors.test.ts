/** Opening or creating a database file that cannot be one: a Swedish message naming it, never SQLite's English. */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const ENGLISH = /unable|cannot|directory|database|file is|EISDIR|ENOENT|SQLITE_/i;

describe('en fil som inte kan vara en databas', () => {
  it('ger ett svenskt besked som namnger filen, för mapp, textfil och saknad mapp', async () => {
    t = testWorkspace();
    const dir = t.tmp.file('en-mapp');
    fs.mkdirSync(dir);
    const text = t.tmp.file('anteckningar.txt');
    fs.writeFileSync(text, 'inte en databas\n');
    const cases: [string, 'db.open' | 'db.create', string, RegExp][] = [
      ['mapp', 'db.open', dir, /^Det är en mapp, inte en databasfil: .*en-mapp$/],
      [
        'textfil',
        'db.open',
        text,
        /^Filen är inte en Lägesbild-databas: .*anteckningar\.txt\. Den har inte ändrats\.$/,
      ],
      [
        'saknad mapp',
        'db.create',
        t.tmp.file('finns/inte/ny.sqlite'),
        /^Mappen finns inte: .*finns\/inte\. Välj en befintlig mapp\.$/,
      ],
    ];
    for (const [what, op, file, expected] of cases) {
      const error = await t.fail(op, { path: file });
      expect(error.message, what).toMatch(expected);
      expect(error.message.replace(file, ''), what).not.toMatch(ENGLISH);
    }
    expect(fs.readFileSync(text, 'utf8')).toBe('inte en databas\n');
  });
});
