/**
 * How a validation issue reads to a person. Every schema message names its field as the form labels it
 * ("Effektmålet får vara högst 2 000 tecken."), so the internal path ("content.effectGoal") is never shown;
 * in a list, the item's position is ("Aktivitet 3: Minst antal får vara högst 9 999.").
 */
const LIST_ITEM_LABELS: Record<string, string> = {
  activities: 'Aktivitet',
  evidence: 'Underlag',
  places: 'Plats',
  invited: 'Inbjuden',
  focusAreas: 'Fokusområde',
  kommunIds: 'Kommun',
  lpoIds: 'LPO',
  categories: 'Kategori',
  subcategories: 'Underkategori',
  sources: 'Källa',
  placeNames: 'Plats',
};

export function issueText(field: string, message: string): string {
  const parts = field.split('.');
  const positions: string[] = [];
  parts.forEach((p, i) => {
    const label = LIST_ITEM_LABELS[parts[i - 1] ?? ''];
    if (label && /^\d+$/.test(p)) positions.push(`${label} ${Number(p) + 1}`);
  });
  return positions.length ? `${positions.join(', ')}: ${message}` : message;
}

/**
 * What a field is called, for the checks that run on every field of every operation before its own schema
 * (an unallowed character, an id out of range): the last named part of the path, as the forms label it.
 */
const FIELD_LABELS: Record<string, string> = {
  path: 'Sökvägen',
  description: 'Beskrivningen',
  placeName: 'Platsens namn',
  placeNames: 'Platsens namn',
  places: 'Platsens namn',
  invited: 'Namnet',
  reporterOrg: 'Organisationen',
  organisation: 'Organisationen',
  name: 'Namnet',
  author: 'Namnet',
  title: 'Rubriken',
  text: 'Söktexten',
  texts: 'Texten',
  note: 'Anteckningen',
  place: 'Platsen',
  problem: 'Problembeskrivningen',
  effectGoal: 'Effektmålet',
  followUp: 'Uppföljningen',
  goals: 'De mätbara målen',
  causes: 'Orsaksanalysen',
  causeVictim: 'Orsaksanalysen',
  causeOffender: 'Orsaksanalysen',
  causePlace: 'Orsaksanalysen',
  partner: 'Partnerns namn',
  kind: 'Aktiviteten',
  body: 'Kommentaren',
  protocolRef: 'Protokollhänvisningen',
  decidedBy: 'Beslutande organ',
  reason: 'Skälet',
  declineReason: 'Skälet',
  route: 'Rutten',
  what: 'Åtgärden',
  responsible: 'Ansvarig',
  signedByLpo: 'LPO-chefens namn',
  signedByKommun: 'KSO:s namn',
  label: 'Urvalets namn',
  fileName: 'Filnamnet',
  mapping: 'Kolumnernas koppling',
  fromDay: 'Från-datum',
  toDay: 'Till-datum',
  day: 'Dagen',
};

export function fieldLabel(field: string): string {
  const named = field.split('.').filter((p) => !/^\d+$/.test(p));
  for (let i = named.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[named[i]!];
    if (label) return label;
  }
  return 'En text';
}
