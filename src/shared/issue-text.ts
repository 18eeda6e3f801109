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
