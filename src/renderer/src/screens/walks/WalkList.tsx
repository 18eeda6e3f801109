import { formatCount } from '../../../../shared/format';
import { useRefreshWalks } from './queries';
import { WalkDetailsView } from './WalkDetails';
import { WalkForm } from './WalkForm';
import { useOp } from '../../lib/queries';

/** The walks of the chosen kommun (or all), and the one chosen: a new walk's plan or a walk with its protokoll. */
export function WalkList({
  kommunId,
  kommunName,
  selected,
  onSelect,
}: {
  kommunId: number | null;
  kommunName: Map<number, string>;
  selected: number | 'ny' | null;
  onSelect: (s: number | 'ny' | null) => void;
}) {
  const list = useOp('walks.list', kommunId ? { kommunIds: [kommunId] } : {});
  const refresh = useRefreshWalks();
  return (
    <div className="loften-layout">
      <aside className="loften-list" aria-label="Vandringar">
        <button type="button" onClick={() => onSelect('ny')}>
          Ny vandring
        </button>
        <ul>
          {(list.data ?? []).map((w) => (
            <li key={w.id}>
              <button
                type="button"
                className={w.id === selected ? 'lofte-item lofte-item-active' : 'lofte-item'}
                aria-current={w.id === selected ? 'true' : undefined}
                onClick={() => onSelect(w.id)}
              >
                <strong>{w.title}</strong>
                <span>
                  {kommunName.get(w.kommunId)} · {w.walkDay}
                  {w.afterDark ? ' · efter mörkrets inbrott' : ''}
                </span>
                <span>
                  {formatCount(w.observations, 'iakttagelse', 'iakttagelser')} ·{' '}
                  {formatCount(w.measures, 'åtgärd', 'åtgärder')}
                  {w.overdue > 0 && (
                    <span className="behind"> · {formatCount(w.overdue, 'försenad', 'försenade')}</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list.data?.length === 0 && <p className="form-info">Inga vandringar ännu.</p>}
      </aside>
      <div className="loften-main">
        {selected === 'ny' && (
          <WalkForm
            walk={null}
            defaultKommun={kommunId}
            onSaved={(w) => {
              refresh();
              onSelect(w.id);
            }}
          />
        )}
        {typeof selected === 'number' && <WalkDetailsView key={selected} id={selected} onChanged={refresh} />}
        {selected === null && <p className="form-info">Välj en vandring eller planera en ny.</p>}
      </div>
    </div>
  );
}
