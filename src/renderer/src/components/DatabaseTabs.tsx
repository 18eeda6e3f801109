import type { Route } from '../lib/route';

/** The screens about the database file itself, under the one "Databas" menu item. */
export const DATABASE_ROUTES: readonly { route: Route; label: string }[] = [
  { route: 'databas', label: 'Filer' },
  { route: 'sakerhetskopior', label: 'Säkerhetskopior' },
  { route: 'personuppgifter', label: 'Personuppgifter' },
  { route: 'andringslogg', label: 'Ändringslogg' },
];

export const isDatabaseRoute = (route: Route): boolean => DATABASE_ROUTES.some((r) => r.route === route);

export function DatabaseTabs({ route }: { route: Route }) {
  return (
    <nav aria-label="Databas" className="sub-nav">
      {DATABASE_ROUTES.map((r) => (
        <a key={r.route} href={`#/${r.route}`} aria-current={route === r.route ? 'page' : undefined}>
          {r.label}
        </a>
      ))}
    </nav>
  );
}
