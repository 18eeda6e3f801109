/**
 * The browser host's path policy on real folders and symlinks: the data folder and added folders only,
 * resolved through the file system.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { HostFolders, realPath } from '../../src/host/folders';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-policy-')));
const dataDir = path.join(root, 'data');
const added = path.join(root, 'tillagd');
const other = path.join(root, 'annan');
for (const dir of [dataDir, added, other]) fs.mkdirSync(dir);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('värdens sökvägsregel', () => {
  const folders = new HostFolders(dataDir);

  it('godtar datamappen, även filer som inte finns än', () => {
    expect(folders.check(path.join(dataDir, 'ny.sqlite'), 'create')).toBe(path.join(dataDir, 'ny.sqlite'));
    expect(folders.check(path.join(dataDir, 'a', 'b', 'c.csv'), 'import')).toBe(path.join(dataDir, 'a', 'b', 'c.csv'));
  });

  it('nekar allt annat med ett svenskt besked som säger vad som är tillåtet', () => {
    const err = refusal(() => folders.check(path.join(other, 'x.sqlite'), 'open'));
    expect(err.code).toBe('forbidden_path');
    expect(err.message).toBe(
      `Lägesbild får inte öppna ${path.join(other, 'x.sqlite')}. I webbläsaren får Lägesbild bara använda filer i ` +
        `datamappen ${dataDir}. Lägg till fler mappar under Databas → Mappar Lägesbild får använda.`,
    );
    expect(refusal(() => folders.check('/etc/passwd', 'import')).code).toBe('forbidden_path');
    // A sibling whose name starts like the data folder is not inside it.
    fs.mkdirSync(`${dataDir}2`, { recursive: true });
    expect(refusal(() => folders.check(path.join(`${dataDir}2`, 'x.sqlite'), 'create')).code).toBe('forbidden_path');
  });

  it('nekar relativa sökvägar utan att läsa dem mot arbetskatalogen', () => {
    for (const rel of ['x.sqlite', './x.sqlite', '../data/x.sqlite', '']) {
      const err = refusal(() => folders.check(rel, 'create'));
      expect(err.code, rel).toBe('forbidden_path');
      expect(err.message, rel).toContain('hela sökvägen');
    }
  });

  it('släpper inte ut genom .., en länkad mapp, en länkad fil eller en trasig länk', () => {
    expect(refusal(() => folders.check(path.join(dataDir, '..', 'annan', 'x.sqlite'), 'create')).code).toBe(
      'forbidden_path',
    );
    fs.symlinkSync(other, path.join(dataDir, 'mapplank'));
    expect(refusal(() => folders.check(path.join(dataDir, 'mapplank', 'x.sqlite'), 'create')).code).toBe(
      'forbidden_path',
    );
    fs.writeFileSync(path.join(other, 'hemlig.csv'), 'a;b\n');
    fs.symlinkSync(path.join(other, 'hemlig.csv'), path.join(dataDir, 'fillank.csv'));
    expect(refusal(() => folders.check(path.join(dataDir, 'fillank.csv'), 'import')).code).toBe('forbidden_path');
    fs.symlinkSync(path.join(other, 'saknas.sqlite'), path.join(dataDir, 'trasig.sqlite'));
    const dangling = refusal(() => folders.check(path.join(dataDir, 'trasig.sqlite'), 'create'));
    expect(dangling.message).toContain('trasig genväg');
    // A link that stays inside is fine, and resolves to its target.
    fs.writeFileSync(path.join(dataDir, 'riktig.csv'), 'a\n');
    fs.symlinkSync(path.join(dataDir, 'riktig.csv'), path.join(dataDir, 'inne.csv'));
    expect(folders.check(path.join(dataDir, 'inne.csv'), 'import')).toBe(path.join(dataDir, 'riktig.csv'));
  });

  it('godtar en tillagd mapp tills den tas bort, och sparar listan i folders.json', () => {
    expect(refusal(() => folders.check(path.join(added, 'k.sqlite'), 'create')).code).toBe('forbidden_path');
    expect(folders.add(added)).toEqual({ supported: true, dataDir, folders: [added] });
    expect(folders.add(added).folders).toEqual([added]);
    expect(new HostFolders(dataDir).list().folders).toEqual([added]);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'folders.json'), 'utf8'))).toEqual([added]);
    expect(folders.check(path.join(added, 'k.sqlite'), 'create')).toBe(path.join(added, 'k.sqlite'));
    expect(refusal(() => folders.check(path.join(other, 'k.sqlite'), 'create')).message).toContain(
      `och mapparna ${added}`,
    );
    expect(folders.remove(added).folders).toEqual([]);
    expect(refusal(() => folders.check(path.join(added, 'k.sqlite'), 'create')).code).toBe('forbidden_path');
  });

  it('lägger inte till det som inte är en mapp, roten eller hemkatalogen', () => {
    expect(refusal(() => folders.add(path.join(root, 'saknas'))).message).toBe(
      `Mappen ${path.join(root, 'saknas')} finns inte.`,
    );
    fs.writeFileSync(path.join(root, 'fil.txt'), 'x');
    expect(refusal(() => folders.add(path.join(root, 'fil.txt'))).message).toContain('är en fil, inte en mapp');
    expect(refusal(() => folders.add('relativ/mapp')).code).toBe('validation');
    expect(refusal(() => folders.add('/')).code).toBe('validation');
    expect(refusal(() => folders.add(os.homedir())).code).toBe('validation');
    expect(refusal(() => folders.remove(other)).message).toBe(`Mappen ${other} finns inte i listan.`);
  });

  it('löser upp den befintliga delen av en sökväg', () => {
    expect(realPath(path.join(dataDir, 'mapplank', 'ny', 'fil.sqlite'))).toBe(path.join(other, 'ny', 'fil.sqlite'));
  });
});
