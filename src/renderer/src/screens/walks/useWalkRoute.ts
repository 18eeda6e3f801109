import { useEffect, useRef } from 'react';
import { walkRouteTarget, type WalkRouteTarget } from '../../lib/walk-route';

/**
 * Opens what a link into the screen asks for (`#/vandringar?walk=3`, `?plan=12`), on arrival and when a link
 * is followed while the screen is open; then the address goes back to plain `#/vandringar`, so following the
 * same link again opens it again and a reload keeps what the user chose since.
 */
export function useWalkRoute(open: (target: NonNullable<WalkRouteTarget>) => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const apply = () => {
      const target = walkRouteTarget();
      if (!target) return;
      latest.current(target);
      window.history.replaceState(window.history.state, '', '#/vandringar');
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
}
