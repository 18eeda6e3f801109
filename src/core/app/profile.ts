import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userProfileSchema, type Author, type UserProfile } from '../../shared/profile';

const FILE = 'profile.json';

/** The operating system's user name: who a write is recorded as before a profile exists (and in the CLI). */
export function osUserName(): string {
  try {
    return os.userInfo().username || 'okänd användare';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'okänd användare';
  }
}

/** The local user profile in the user data folder; a damaged or foreign file reads as none (asked again). */
export class ProfileStore {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, FILE);
  }

  get(): UserProfile | null {
    try {
      const parsed = userProfileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  save(profile: UserProfile): UserProfile {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(profile, null, 2));
    fs.renameSync(tmp, this.file);
    return profile;
  }

  author(): Author {
    const p = this.get();
    return p ? { name: p.name, organisation: p.organisation, role: p.role } : cliAuthor(undefined);
  }
}

/** A headless write's author: `--user "Namn"`, else the operating system's user name. */
export function cliAuthor(user: string | undefined): Author {
  const name = user?.trim() || osUserName();
  return { name, organisation: '', role: null };
}
