import { useEffect, useState } from 'react';
import type { IncidentFilter } from '../../../shared/domain';
import { incidentFilterSchema } from '../../../shared/schemas';

export type Route =
  | 'oversikt'
  | 'lagesbild'
  | 'loften'
  | 'vandringar'
  | 'rapporter'
  | 'handelser'
  | 'import'
  | 'databas'
  | 'sakerhetskopior'
  | 'personuppgifter'
  | 'andringslogg';
const ROUTES: readonly Route[] = [
  'oversikt',
  'lagesbild',
  'loften',
  'vandringar',
  'rapporter',
  'handelser',
  'import',
  'databas',
  'sakerhetskopior',
  'personuppgifter',
  'andringslogg',
];

function parts(): [string, URLSearchParams] {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return [path, new URLSearchParams(query)];
}

function current(): Route {
  const r = parts()[0] as Route;
  return ROUTES.includes(r) ? r : 'oversikt';
}

/** One route per screen, in the URL hash so reloads and the browser host keep the screen. */
export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onHash = () => setRoute(current());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (r) => (window.location.hash = `#/${r}`)];
}

/** Opens the incident register filtered to exactly these rows (a drill-down from a dashboard). */
export function openRegister(filter: IncidentFilter): void {
  window.location.hash = `#/handelser?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filter a drill-down put in the address, if it is a valid one. */
export function filterFromRoute(): IncidentFilter {
  const raw = parts()[1].get('filter');
  if (!raw) return {};
  try {
    const parsed = incidentFilterSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
