import { useScreenState } from '../../lib/screen-state';
import { KommunSelect } from '../../components/KommunSelect';
import { Tabs } from '../../components/Tabs';
import { Overdue } from './Overdue';
import { Plan } from './Plan';
import { useWalkRoute } from './useWalkRoute';
import { WalkList } from './WalkList';
import { useOp } from '../../lib/queries';

export type WalksTab = 'vandringar' | 'atgardsplan' | 'forsenade';

/** Trygghetsvandringar with their observations and protokoll of åtgärder; the åtgärdsplan; overdue åtgärder. */
export function WalksScreen() {
  const reference = useOp('reference.get', {});
  const [tab, setTab] = useScreenState<WalksTab>('walks.tab', 'vandringar');
  const [kommunId, setKommunId] = useScreenState<number | null>('walks.kommun', null);
  const [selected, setSelected] = useScreenState<number | 'ny' | null>('walks.selected', null);
  useWalkRoute((target) => {
    if ('walk' in target) {
      setTab('vandringar');
      setKommunId(target.kommun);
      setSelected(target.walk);
    } else {
      setTab('atgardsplan');
      setKommunId(target.plan);
    }
  });
  const kommuner = reference.data?.kommuner ?? [];
  const kommunName = new Map(kommuner.map((k) => [k.id, k.name]));
  return (
    <section className="walks" aria-labelledby="walks-title">
      <h2 id="walks-title">Trygghetsvandringar och åtgärder</h2>
      <div className="filters" role="group" aria-label="Urval">
        <KommunSelect label="Kommun" kommuner={kommuner} value={kommunId} onChange={setKommunId} empty="Alla" />
      </div>
      <Tabs
        label="Vandringar och åtgärder"
        tabs={[
          { id: 'vandringar', label: 'Trygghetsvandringar' },
          { id: 'atgardsplan', label: 'Åtgärdsplan' },
          { id: 'forsenade', label: 'Försenade åtgärder' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'vandringar' && (
        <WalkList kommunId={kommunId} kommunName={kommunName} selected={selected} onSelect={setSelected} />
      )}
      {tab === 'atgardsplan' &&
        (kommunId === null ? (
          <p className="form-info">Välj en kommun: åtgärdsplanen är kommunens.</p>
        ) : (
          <Plan kommunId={kommunId} kommunName={kommunName.get(kommunId) ?? ''} />
        ))}
      {tab === 'forsenade' && <Overdue kommunId={kommunId} kommunName={kommunName} />}
    </section>
  );
}
