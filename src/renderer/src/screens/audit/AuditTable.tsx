/** The entries as a table: when, who, what, which event, before → after. */
import { auditObjectLabel, type AuditEntry } from '../../../../shared/audit';
import { formatLocalDateTime } from '../../../../shared/time';

/** `{"a":1,"b":"x"}` as "a: 1, b: x" (nested values as JSON). */
function fields(json: string): string {
  if (!json) return '';
  try {
    const v = JSON.parse(json) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
        .join(', ');
    }
    return json;
  } catch {
    return json;
  }
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="audit-table">
      <caption className="visually-hidden">Poster i ändringsloggen, nyaste först</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col">Tid</th>
          <th scope="col">Användare</th>
          <th scope="col">Objekt</th>
          <th scope="col">Händelse</th>
          <th scope="col">Före</th>
          <th scope="col">Efter</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{e.id}</td>
            <td>{formatLocalDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>
              {auditObjectLabel(e.objectType)} {e.objectId}
            </td>
            <td>
              {e.action}
              {e.erased && <span className="audit-erased"> (personuppgifter rensade)</span>}
            </td>
            <td className="audit-change">{fields(e.before)}</td>
            <td className="audit-change">{fields(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
