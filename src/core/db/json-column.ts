/**
 * A JSON column read with its schema, never cast: what does not parse is a clear Swedish refusal naming
 * the record, not an internal error somewhere later.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/errors';

export function readJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('db_unreadable', `${what} går inte att läsa i databasen (ogiltig JSON).`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('db_unreadable', `${what} i databasen följer inte sitt format: ${first?.message ?? ''}`);
  }
  return parsed.data;
}
