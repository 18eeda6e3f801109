/**
 * Which files the browser host may touch: those under its data folder and under the folders the user
 * added on the Databas screen (kept in `<dataDir>/folders.json`). Paths are resolved through the file
 * system (symlinks followed on the part that exists), so neither `..` nor a symlink leads out of an
 * allowed folder; relative paths are refused, never read against the working directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { FolderAccess, FolderList } from '../core/app/folder-ops';
import type { PathPolicy, PathPurpose } from '../core/app/path-policy';

const PURPOSE_TEXT: Record<PathPurpose, string> = {
  open: 'öppna',
  create: 'skapa',
  import: 'importera',
  backup: 'säkerhetskopiera till',
};

function relativeRefused(file: string): AppError {
  return new AppError(
    'forbidden_path',
    `Ange hela sökvägen, från roten (till exempel /home/namn/lagesbild/kommun.sqlite), inte ${JSON.stringify(file)}.`,
  );
}

/**
 * The absolute path with every existing part's symlinks resolved; the missing rest is appended as
 * written (after `..` was resolved). A dangling symlink is refused: writing through it would land
 * wherever it points.
 */
export function realPath(file: string): string {
  if (!path.isAbsolute(file)) throw relativeRefused(file);
  const resolved = path.resolve(file);
  const missing: string[] = [];
  let current = resolved;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...missing.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      let exists = false;
      try {
        fs.lstatSync(current);
        exists = true;
      } catch {
        // really missing: go up one level
      }
      if (exists) {
        throw new AppError('forbidden_path', `${resolved} pekar på en fil som inte finns (en trasig genväg).`);
      }
      const parent = path.dirname(current);
      if (parent === current) return resolved;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** The host's folder list and the path policy built on it. */
export class HostFolders implements FolderAccess, PathPolicy {
  private readonly file: string;

  /** `files`: single files allowed besides the folders (the database named with `--db` at start). */
  constructor(
    readonly dataDir: string,
    private readonly files: readonly string[] = [],
  ) {
    this.file = path.join(dataDir, 'folders.json');
  }

  /** The added folders as stored. */
  stored(): string[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
    } catch {
      return [];
    }
  }

  list(): FolderList {
    return { supported: true, dataDir: this.dataDir, folders: this.stored() };
  }

  add(folder: string): FolderList {
    if (!path.isAbsolute(folder)) {
      throw new AppError(
        'validation',
        `Ange hela sökvägen till mappen, från roten (till exempel /home/namn/lagesbild).`,
      );
    }
    let real: string;
    try {
      real = fs.realpathSync.native(folder);
    } catch {
      throw new AppError('validation', `Mappen ${folder} finns inte.`);
    }
    if (!fs.statSync(real).isDirectory()) throw new AppError('validation', `${folder} är en fil, inte en mapp.`);
    if (real === path.parse(real).root || real === fs.realpathSync.native(os.homedir())) {
      throw new AppError(
        'validation',
        `Lägg inte till ${real} i sin helhet: välj mappen där Lägesbild-filerna ligger (till exempel ${path.join(os.homedir(), 'lagesbild')}).`,
      );
    }
    const stored = this.stored();
    if (!stored.includes(real)) this.save([...stored, real]);
    return this.list();
  }

  remove(folder: string): FolderList {
    const stored = this.stored();
    const rest = stored.filter((p) => p !== folder && p !== path.resolve(folder));
    if (rest.length === stored.length) {
      throw new AppError('validation', `Mappen ${folder} finns inte i listan.`);
    }
    this.save(rest);
    return this.list();
  }

  /** The allowed folders, resolved (a folder that no longer exists allows nothing). */
  private roots(): string[] {
    const roots: string[] = [];
    for (const folder of [this.dataDir, ...this.stored()]) {
      try {
        roots.push(fs.realpathSync.native(folder));
      } catch {
        // gone: nothing under it can be used
      }
    }
    return roots;
  }

  check(file: string, purpose: PathPurpose): string {
    const real = realPath(file);
    if (this.files.some((f) => realPath(path.resolve(f)) === real)) return real;
    if (this.roots().some((root) => isInside(real, root))) return real;
    const added = this.stored();
    const allowed = added.length
      ? `datamappen ${this.dataDir} och mapparna ${added.join(', ')}`
      : `datamappen ${this.dataDir}`;
    throw new AppError(
      'forbidden_path',
      `Lägesbild får inte ${PURPOSE_TEXT[purpose]} ${file}. I webbläsaren får Lägesbild bara använda filer i ${allowed}. ` +
        'Lägg till fler mappar under Databas → Mappar Lägesbild får använda.',
    );
  }

  private save(folders: string[]): void {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(folders, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
