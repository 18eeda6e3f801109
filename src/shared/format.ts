/** Swedish number and date formats for everything a person reads. */
const integer = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const decimal1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12 345" (with a narrow space as Swedish typography has it). */
export function formatInteger(n: number): string {
  return integer.format(n);
}

/** 2.5 → "2,5". */
export function formatDecimal1(n: number): string {
  return decimal1.format(n);
}

export function formatIsoWeekLabel(week: number): string {
  return `v. ${week}`;
}

/** 1 → "1 iakttagelse", 3 → "3 iakttagelser": a count with the noun (or adjective) in the right number. */
export function formatCount(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}
