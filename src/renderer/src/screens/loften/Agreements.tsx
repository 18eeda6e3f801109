import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Agreement } from '../../../../shared/agreements';
import { useScreenState } from '../../lib/screen-state';
import { Tabs } from '../../components/Tabs';
import { AgreementEditor } from './agreements/AgreementEditor';
import { AgreementList } from './agreements/AgreementList';
import { invalidateOp, opKey, useOp } from '../../lib/queries';

export type LoftenView = 'loften' | 'overenskommelser';

const VIEWS: { id: LoftenView; label: string }[] = [
  { id: 'loften', label: 'Löften' },
  { id: 'overenskommelser', label: 'Samverkansöverenskommelser' },
];

/** The two halves of the Medborgarlöften screen. */
export function LoftenTabs({ view, onChange }: { view: LoftenView; onChange: (v: LoftenView) => void }) {
  return <Tabs label="Löften och överenskommelser" tabs={VIEWS} value={view} onChange={onChange} />;
}

/** Samverkansöverenskommelser: the list and the editor of one (explicit saving). */
export function Agreements() {
  const queryClient = useQueryClient();
  const reference = useOp('reference.get', {});
  const list = useOp('agreements.list', {});
  const [selected, setSelected] = useScreenState<number | 'ny' | null>('agreements.selected', null);
  const [notice, setNotice] = useState('');
  // A new editor for every choice in the list, but not when a new agreement is saved and gets its id.
  const [editorKey, setEditorKey] = useState(0);
  const kommuner = reference.data?.kommuner ?? [];
  const kommunName = new Map(kommuner.map((k) => [k.id, k.name]));
  const choose = (id: number | 'ny') => {
    setNotice('');
    setSelected(id);
    setEditorKey((k) => k + 1);
  };

  const saved = (a: Agreement) => {
    queryClient.setQueryData(opKey('agreements.get', { id: a.id }), a);
    void invalidateOp(queryClient, 'agreements.list');
    void invalidateOp(queryClient, 'loften.focusAreas');
    setNotice(`Överenskommelsen "${a.title}" är sparad.`);
    setSelected(a.id);
  };

  return (
    <div className="loften-layout agreements">
      <AgreementList
        agreements={list.data}
        error={list.error}
        selected={selected}
        kommunName={kommunName}
        onChoose={choose}
      />
      <div className="loften-main">
        {selected === null && <p className="form-info">Välj en överenskommelse i listan eller skapa en ny.</p>}
        {selected !== null && (
          <AgreementEditor
            key={editorKey}
            id={selected === 'ny' ? null : selected}
            notice={notice}
            kommuner={kommuner}
            lpos={reference.data?.lpos ?? []}
            onEdit={() => setNotice('')}
            onSaved={saved}
          />
        )}
      </div>
    </div>
  );
}
