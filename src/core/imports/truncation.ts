/**
 * Files cut short: a CSV export whose download or copy stopped mid-record. The last record of such a file
 * has no line ending after it. With fewer fields than the header (and than the other rows) the file is
 * refused; a number in that record with fewer digits than its column's other values is a warning the user
 * must confirm before the import (a cut "17 714" reads as a valid "177").
 */
import { AppError } from '../../shared/errors';

/** How many rows have each number of fields. */
export class FieldCounts {
  private readonly counts = new Map<number, number>();

  add(fields: number): void {
    this.counts.set(fields, (this.counts.get(fields) ?? 0) + 1);
  }

  /** The number of fields most rows have (ties: the larger); undefined before any row. */
  typical(): number | undefined {
    let best: [number, number] | undefined;
    for (const [fields, n] of this.counts) {
      if (!best || n > best[1] || (n === best[1] && fields > best[0])) best = [fields, n];
    }
    return best?.[0];
  }
}

/** The fields a header names, up to its last non-blank cell (Excel may add empty ones after it). */
export function headerWidth(header: readonly string[]): number {
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width--;
  return width;
}

export interface LastRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: number;
  /** The file ends inside the record, with no line ending after it. */
  open?: boolean | undefined;
}

/**
 * Refuses a file whose last record has no line ending and fewer fields than the header names and than the
 * file's other rows have (a file that leaves out empty trailing cells on every row is not refused for it).
 * `header` is undefined for files without one (older Brå files): then the other rows decide.
 */
export function refuseCutRecord(
  last: LastRecord | undefined,
  header: readonly string[] | undefined,
  others: FieldCounts,
): void {
  if (!last?.open) return;
  const width = header ? headerWidth(header) : undefined;
  const typical = others.typical();
  const expected = Math.min(width ?? Infinity, typical ?? Infinity);
  if (!Number.isFinite(expected) || last.fields >= expected) return;
  const whose = width !== undefined && width <= (typical ?? Infinity) ? 'rubrikraden har' : 'de andra raderna har';
  throw new AppError(
    'validation',
    `Rad ${last.line}: filen är troligen avkortad. Den sista raden slutar utan radbrytning och har ${last.fields} fält där ${whose} ${expected}. Inget har importerats; hämta eller exportera filen på nytt.`,
  );
}

/** The digits in a number as written: "17 714" has 5, "9 812,3" has 5, ".." has none. */
export function digitsIn(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

const MAX_DIGITS = 40;

/** How many of a column's values have each number of digits (values without digits are not counted). */
export class DigitCounts {
  private readonly counts = new Array<number>(MAX_DIGITS + 1).fill(0);
  size = 0;

  add(raw: string | undefined): void {
    const d = Math.min(digitsIn(raw ?? ''), MAX_DIGITS);
    if (d === 0) return;
    this.counts[d]!++;
    this.size++;
  }

  /** The median number of digits (the lower of two middle values); undefined with no values. */
  median(): number | undefined {
    if (this.size === 0) return undefined;
    const middle = Math.floor((this.size - 1) / 2);
    let seen = 0;
    for (let d = 1; d <= MAX_DIGITS; d++) {
      seen += this.counts[d]!;
      if (seen > middle) return d;
    }
    return undefined;
  }
}

/** The least number of other values in a column before a short number in the last line is worth a warning. */
const MIN_OTHERS = 2;
/**
 * How many digits fewer than the column's median make a number "much shorter": one digit fewer is common
 * (900 among 2 101 and 7 612), a cut number usually loses more ("177" of 17 714, "13,1" of 13,1301).
 */
const MISSING_DIGITS = 2;

/**
 * A warning the user must confirm, when the number `raw` in the file's unterminated last line has at least
 * two digits fewer than the median of its column's other values: the file may have been cut in it.
 */
export function shortNumberWarning(
  last: { line: number; open?: boolean | undefined },
  column: string,
  raw: string | undefined,
  others: DigitCounts,
): string | undefined {
  if (!last.open || raw === undefined) return undefined;
  const digits = digitsIn(raw);
  const median = others.median();
  if (digits === 0 || others.size < MIN_OTHERS || median === undefined || digits > median - MISSING_DIGITS) {
    return undefined;
  }
  const value = raw.trim().length > 40 ? `${raw.trim().slice(0, 39)}…` : raw.trim();
  return `Rad ${last.line} är filens sista och slutar utan radbrytning, och talet "${value}" i kolumn "${column}" har ${digits} siffror där kolumnens övriga värden oftast har ${median}. Filen kan vara avkortad mitt i talet: kontrollera värdet innan du importerar.`;
}

/** Confirm-warnings listed in a message: the first few, and how many more. */
export function listWarnings(warnings: readonly string[], limit = 5): string {
  const more = warnings.length > limit ? ` (och ${warnings.length - limit} till)` : '';
  return `${warnings.slice(0, limit).join(' ')}${more}`;
}
