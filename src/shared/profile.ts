/**
 * The local user profile: who writes, kept per installation (the user data folder). Comments, history,
 * decisions and åtgärder carry it instead of a name typed each time.
 */
import { z } from 'zod';

export const USER_ROLES = ['kommunpolis', 'samordnare', 'annan'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  kommunpolis: 'Kommunpolis',
  samordnare: 'Brottsförebyggande samordnare',
  annan: 'Annan',
};

export const PROFILE_LIMITS = { name: 120, organisation: 120 } as const;

export const userProfileSchema = z.object({
  name: z
    .string({ error: 'Skriv ditt namn.' })
    .trim()
    .min(1, 'Skriv ditt namn.')
    .max(PROFILE_LIMITS.name, `Namnet får vara högst ${PROFILE_LIMITS.name} tecken.`),
  organisation: z
    .string()
    .trim()
    .max(PROFILE_LIMITS.organisation, `Organisationen får vara högst ${PROFILE_LIMITS.organisation} tecken.`)
    .default(''),
  role: z.enum(USER_ROLES, { error: 'Välj roll: kommunpolis, samordnare eller annan.' }),
});

export type UserProfile = z.output<typeof userProfileSchema>;

/** Who a write is recorded as: the profile when there is one, else the operating system's user name. */
export interface Author {
  name: string;
  organisation: string;
  role: UserRole | null;
}

export function authorLabel(a: Author): string {
  return a.organisation ? `${a.name} (${a.organisation})` : a.name;
}

export interface ProfileState {
  /** Null until the user has filled it in (asked at first start). */
  profile: UserProfile | null;
  /** Who writes are recorded as now. */
  author: Author;
}
