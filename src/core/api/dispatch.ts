/**
 * The one entry point both bridges use: name → zod parse → core handler → Result value.
 * Nothing thrown crosses the boundary; every failure becomes { ok: false, error } with a stable code.
 */
import type { z } from 'zod';
import { api, isOpName } from '../../shared/api';
import { AppError, type ApiError, type FieldIssue, type Result } from '../../shared/errors';
import type { Handlers } from './handlers';
import { issueText } from '../../shared/issue-text';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

export function validationError(issues: FieldIssue[]): ApiError {
  const list = [...new Set(issues.map((i) => issueText(i.field, i.message)))].join(' ');
  return { code: 'validation', message: `Uppgifterna kunde inte sparas. ${list}`, details: { issues } };
}

export type Logger = (message: string, err: unknown) => void;

export async function dispatch(
  handlers: Handlers,
  op: string,
  raw: unknown,
  log: Logger = (m, e) => console.error(m, e),
): Promise<Result<unknown>> {
  if (!isOpName(op)) {
    return { ok: false, error: { code: 'unsupported', message: `Okänd operation: ${op}` } };
  }
  const parsed = api[op].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: validationError(issuesOf(parsed.error)) };
  try {
    const handler = handlers[op] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() };
    log(`Operation ${op} misslyckades`, err);
    return {
      ok: false,
      error: { code: 'internal', message: `Ett oväntat fel inträffade (${op}). Inget har ändrats.` },
    };
  }
}
