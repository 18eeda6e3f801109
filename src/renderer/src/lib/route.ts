import { useEffect, useState } from 'react';

export type Route = 'handelser' | 'import' | 'databas';
const ROUTES: readonly Route[] = ['handelser', 'import', 'databas'];

function current(): Route {
  const r = window.location.hash.replace(/^#\/?/, '') as Route;
  return ROUTES.includes(r) ? r : 'handelser';
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
