/**
 * The one entry point both bridges use: name → zod parse → core handler → Result value.
 * Nothing thrown crosses the boundary; every failure becomes { ok: false, error } with a stable code.
 */
import type { z } from 'zod';
import { api, isOpName } from '../../shared/api';
import { AppError, type ApiError, type FieldIssue, type Result } from '../../shared/errors';
import type { Handlers } from './handlers';
import { fieldLabel, issueText } from '../../shared/issue-text';
import { ID_MAX } from '../../shared/schemas';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

export function validationError(issues: FieldIssue[]): ApiError {
  const list = [...new Set(issues.map((i) => issueText(i.field, i.message)))].join(' ');
  return { code: 'validation', message: `Uppgifterna kunde inte sparas. ${list}`, details: { issues } };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A field that holds an id, or a list of them: id, kommunId, viewId, kommunIds… */
const ID_KEY = /^(id|\w+Id|\w+Ids)$/;
const MAX_ISSUES = 20;

function textIssue(field: string, value: string): FieldIssue | null {
  if (value.includes('\u0000'))
    return { field, message: `${fieldLabel(field)} innehåller ett otillåtet tecken (NUL).` };
  if (LONE_SURROGATE.test(value)) {
    return { field, message: `${fieldLabel(field)} innehåller ett ogiltigt tecken (ensamt surrogattecken).` };
  }
  return null;
}

/**
 * What no field of any operation may hold, checked on the raw input before its schema: a NUL (it cuts a path
 * or a text where SQLite and the file system read it), a lone surrogate (it cannot be stored as UTF-8), an id
 * beyond what an id can be. Keys are checked like texts. Iterative, and every object is visited once, so a
 * deep or cyclic input (IPC's structured clone allows both) cannot overflow the stack.
 */
export function inputIssues(raw: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: string[]; idField: boolean }[] = [{ value: raw, path: [], idField: false }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { value, path, idField } = stack.pop()!;
    const field = path.join('.');
    if (typeof value === 'string') {
      const issue = textIssue(field, value);
      if (issue) issues.push(issue);
    } else if (typeof value === 'number') {
      if (idField && value > ID_MAX) issues.push({ field, message: 'Id:t är för stort.' });
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) {
        value.forEach((v, i) => stack.push({ value: v, path: [...path, String(i)], idField }));
        continue;
      }
      for (const [key, v] of Object.entries(value)) {
        const keyIssue = textIssue([...path, key].join('.'), key);
        if (keyIssue) issues.push(keyIssue);
        stack.push({ value: v, path: [...path, key], idField: ID_KEY.test(key) });
      }
    }
  }
  return issues;
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
  const refused = inputIssues(raw);
  if (refused.length) return { ok: false, error: validationError(refused) };
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
