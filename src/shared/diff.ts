/**
 * A readable diff between two versions of a löfte: per field, the words kept, removed and added (longest
 * common subsequence over words, so a changed number or a new sentence shows as such).
 */
import { CADENCE_LABELS, RESPONSIBLE_LABELS, type LofteActivity, type LofteContent, type LofteEvidence } from './lofte';

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Words with their following whitespace, so joining the parts gives back the text. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  const key = (w: string) => w.trimEnd();
  // LCS table, from the end: lcs[i][j] = common words of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = out.at(-1);
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (key(a[i]!) === key(b[j]!)) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return out;
}

/** An activity in one line, as the diff and the printed löfte show it. */
export function activityText(a: LofteActivity): string {
  const who =
    a.responsible === 'partner'
      ? a.partner.trim() || 'partner'
      : a.responsible
        ? RESPONSIBLE_LABELS[a.responsible]
        : '';
  const target = a.quantity ? `minst ${a.quantity}` : 'antal saknas';
  const cadence = a.cadence ? CADENCE_LABELS[a.cadence] : 'takt saknas';
  return `${a.kind.trim() || 'Aktivitet'}: ${target} ${cadence}${who ? `, ansvar: ${who}` : ''}${a.note.trim() ? ` (${a.note.trim()})` : ''}`;
}

function evidenceText(e: LofteEvidence): string {
  if (e.kind === 'view') return `Sparad vy ${e.viewId}`;
  if (e.kind === 'survey') return `Trygghetsmätning: ${e.indicator}${e.kommunId ? ` (kommun ${e.kommunId})` : ''}`;
  return `Urval: ${e.label}`;
}

export interface FieldDiff {
  field: string;
  label: string;
  parts: DiffPart[];
}

/** Only the fields that changed. */
export function diffContent(before: LofteContent, after: LofteContent): FieldDiff[] {
  const fields: [string, string, (c: LofteContent) => string][] = [
    ['title', 'Rubrik', (c) => c.title],
    ['problem', 'Problem', (c) => c.problem],
    ['evidence', 'Underlag', (c) => c.evidence.map(evidenceText).join('\n')],
    ['activities', 'Aktiviteter', (c) => c.activities.map(activityText).join('\n')],
    ['effectGoal', 'Effektmål', (c) => c.effectGoal],
    ['followUp', 'Uppföljning', (c) => c.followUp],
  ];
  return fields
    .filter(([, , get]) => get(before) !== get(after))
    .map(([field, label, get]) => ({ field, label, parts: diffWords(get(before), get(after)) }));
}
