/** @jsxRuntime automatic */
/**
 * The blocks of a section as print HTML. A text slot prints the user's text and nothing when it is empty
 * (its hint is for the editor only).
 */
import type { Block as BlockSpec } from '../shared/report';
import { Figure } from './figure';
import { Lines, Paragraphs } from './paragraphs';

type KeyFigures = Extract<BlockSpec, { kind: 'keyFigures' }>;
type Facts = Extract<BlockSpec, { kind: 'facts' }>;
type Signatures = Extract<BlockSpec, { kind: 'signatures' }>;

/** Columns for the key figures: all in one row when short, two a row when their texts are long. */
function keyFigureColumns(items: KeyFigures['items']): number {
  const long = items.some((i) => i.value.length > 9 || i.label.length > 30 || (i.note?.length ?? 0) > 45);
  return Math.min(items.length, long ? 2 : 4);
}

function KeyFigureList({ items }: { items: KeyFigures['items'] }) {
  if (items.length === 0) return null;
  return (
    <ul className="key-figures" style={{ gridTemplateColumns: `repeat(${keyFigureColumns(items)}, 1fr)` }}>
      {items.map((item, i) => (
        <li key={i}>
          <span className={item.value.length > 9 ? 'value long' : 'value'}>{item.value}</span>{' '}
          <span className="label">{item.label}</span>
          {item.note && <span className="kf-note">{item.note}</span>}
        </li>
      ))}
    </ul>
  );
}

function FactList({ items }: { items: Facts['items'] }) {
  if (items.length === 0) return null;
  return (
    <dl className="facts">
      {items.map((item, i) => (
        <div key={i}>
          <dt>{item.label}</dt>
          <dd>
            <Lines text={item.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SignatureBlock({ signers }: { signers: Signatures['signers'] }) {
  if (signers.length === 0) return null;
  return (
    <div className="signatures">
      {signers.map((s, i) => (
        <div className="signature" key={i}>
          <p className="role">{s.role}</p>
          <div className="line" />
          <p>{s.name || 'Namnförtydligande'}</p>
          <p>{s.date ? `Datum: ${s.date}` : 'Datum:'}</p>
        </div>
      ))}
    </div>
  );
}

export function Block({ block }: { block: BlockSpec }) {
  switch (block.kind) {
    case 'text':
    case 'slot':
      return <Paragraphs text={block.text} />;
    case 'figure':
      return <Figure figure={block} />;
    case 'keyFigures':
      return <KeyFigureList items={block.items} />;
    case 'list': {
      if (block.items.length === 0) return null;
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Lines text={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'note':
      return (
        <div className="note" role="note">
          <Paragraphs text={block.text} />
        </div>
      );
    case 'facts':
      return <FactList items={block.items} />;
    case 'signatures':
      return <SignatureBlock signers={block.signers} />;
  }
}
