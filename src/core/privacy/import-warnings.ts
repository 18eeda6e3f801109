/**
 * Personal data in an import's descriptions (issue 13): a warning per row, listed up to a limit and
 * counted, shown in the preview. Never a refusal: the import still runs.
 */
import { describePiiMatches, findPii } from '../../shared/pii';

export const PII_ROWS_LISTED = 20;

export class PiiRowWarnings {
  readonly rows: string[] = [];
  count = 0;

  /** Looks at one row's value; a value without a text description is passed over. */
  add(row: number, value: unknown): void {
    const description = (value as { description?: unknown } | null)?.description;
    if (typeof description !== 'string') return;
    const hits = findPii(description);
    if (hits.length === 0) return;
    if (this.count++ < PII_ROWS_LISTED) this.rows.push(`Rad ${row}, Beskrivning: ${describePiiMatches(hits)}`);
  }

  result(): { rows: string[]; count: number } {
    return { rows: this.rows, count: this.count };
  }
}
