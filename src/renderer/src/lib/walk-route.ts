/**
 * Addresses into the Trygghetsvandringar screen: one walk (`#/vandringar?walk=3`, with its kommun so the
 * list shows it) or one kommun's åtgärdsplan (`#/vandringar?plan=12`). Any list of åtgärder links with these.
 */
export const walkHref = (walkId: number, kommunId?: number): string =>
  `#/vandringar?walk=${walkId}${kommunId ? `&kommun=${kommunId}` : ''}`;

export const planHref = (kommunId: number): string => `#/vandringar?plan=${kommunId}`;

export type WalkRouteTarget = { walk: number; kommun: number | null } | { plan: number } | null;

const id = (raw: string | null): number | null => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
};

/** What the address asks the walks screen to open, if anything. */
export function walkRouteTarget(hash: string = window.location.hash): WalkRouteTarget {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  if (path !== 'vandringar') return null;
  const params = new URLSearchParams(query);
  const walk = id(params.get('walk'));
  if (walk !== null) return { walk, kommun: id(params.get('kommun')) };
  const plan = id(params.get('plan'));
  return plan !== null ? { plan } : null;
}
