import fs from 'node:fs';
import path from 'node:path';
import type { RecentFile } from '../../shared/domain';

const MAX_RECENT = 10;

/** Recently opened database files, newest first, kept in the user data folder. */
export class RecentFiles {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  list(): RecentFile[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((r): r is RecentFile => typeof r?.path === 'string' && typeof r?.openedAt === 'string');
    } catch {
      return [];
    }
  }

  add(filePath: string, now = new Date()): void {
    const rest = this.list().filter((r) => r.path !== filePath);
    const next = [{ path: filePath, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
