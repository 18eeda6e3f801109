/**
 * The desktop's path policy: the renderer may name exactly the files the user chose in a dialog in this
 * session (kept here, in main), the files in the recent list (opened before, from a dialog) and the demo
 * database. Anything else it names — a typed path, a path from a compromised page — is refused.
 */
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { PathPolicy, PathPurpose } from '../core/app/path-policy';
import { RecentFiles } from '../core/app/recent';
import { DEMO_FILE_NAME } from '../core/app/workspace';

const REFUSED =
  'Lägesbild öppnar bara filer du har valt i en dialog. Välj filen med knappen (till exempel Öppna databasfil…) i stället.';

export interface DialogPathPolicy extends PathPolicy {
  /** Records a path the user chose in a dialog, for the purposes that dialog was for. */
  remember(file: string, purposes: readonly PathPurpose[]): void;
}

/** `dataDir`: the workspace's data folder (the recent list and the demo file live there), read when needed. */
export function createDialogPathPolicy(dataDir: () => string): DialogPathPolicy {
  const chosen = new Map<string, Set<PathPurpose>>();
  return {
    remember(file, purposes) {
      const key = path.resolve(file);
      const set = chosen.get(key) ?? new Set<PathPurpose>();
      for (const p of purposes) set.add(p);
      chosen.set(key, set);
    },
    check(file, purpose) {
      if (!path.isAbsolute(file)) throw new AppError('forbidden_path', `${REFUSED} (${file} är ingen hel sökväg.)`);
      const resolved = path.resolve(file);
      if (chosen.get(resolved)?.has(purpose)) return resolved;
      if (purpose === 'open') {
        const dir = dataDir();
        if (resolved === path.join(dir, DEMO_FILE_NAME)) return resolved;
        if (new RecentFiles(dir).list().some((r) => path.resolve(r.path) === resolved)) return resolved;
      }
      throw new AppError('forbidden_path', `Lägesbild får inte använda ${resolved}. ${REFUSED}`);
    },
  };
}
