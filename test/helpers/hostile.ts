/**
 * Hostile inputs for the API contract: values no caller should send (wrong types, huge strings, SQL and FTS
 * fragments, path traversal, NUL, lone surrogates, RTL marks, huge numbers), and inputs built from an
 * operation's zod schema whose structure is valid but whose leaves are hostile, so that a real share of them
 * passes the schema and reaches core.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { DEMO_KOMMUNER } from '../../src/core/demo/geography';
import { CATEGORIES, CATEGORY_CODES, SUBCATEGORY_CODES } from '../../src/shared/taxonomy';

const HUGE = 'Å'.repeat(70_000);

/** Texts that are legal (no NUL, no lone surrogate) but nasty for SQL, FTS5, file systems and layouts. */
export const NASTY_TEXTS: readonly string[] = [
  '',
  ' ',
  "'; DROP TABLE incident; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  'x"); DELETE FROM report; --',
  '%',
  '_',
  '\\',
  "O'Brien",
  'klotter*',
  '"oavslutad',
  'NEAR(klotter stöld, 2)',
  'AND OR NOT',
  '^start',
  'description:klotter',
  '-klotter',
  '*',
  '()',
  '{col1 col2}: x',
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  '/etc/passwd',
  '~/.ssh/id_rsa',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x.sqlite',
  'file:///etc/passwd',
  'CON',
  'aux.sqlite',
  '\u202Eevil.exe\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD\u200E',
  '\u200B\uFEFF\u00AD',
  'e\u0301\u0301\u0301',
  '🙂👨‍👩‍👧',
  '\r\n\t\v\f',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '%s%n%x',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '1e400',
  '-0',
  '0x7fffffff',
  '2026-02-30',
  '0000-00-00',
  '2026-13-01',
  '10000-01-01',
  '1899-12-31',
  'x'.repeat(4097),
  HUGE,
];

/** Texts that are refused before any schema: NUL and lone surrogates. */
export const REFUSED_TEXTS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF',
  'ok\u0000.sqlite',
];

/** Valid-looking values for fields with a format (a day, a time, a kommun code…), tried against each pattern. */
const FORMATTED: readonly string[] = [
  '1900-01-01',
  '1900-01-02',
  '2023-11-01',
  '2024-02-29',
  '2025-12-31',
  '2026-01-01',
  '2026-06-07',
  '2026-10-31',
  '9998-12-31',
  '9999-12-31',
  '2026-06-07T19:30:00Z',
  '2026-06-07T19:30:00.000Z',
  '1900-01-01T00:00:00Z',
  '9998-12-31T23:59:59Z',
  '19:30',
  '00:00',
  '23:59',
  '1276',
  '1260',
  '1214',
  '0000',
  '9999',
  '2026',
  '2026-T1',
  '2026-W23',
  '2026-06',
  'EST-1001',
  'a',
  'abc',
  'totalindex',
  'Klotter på busskuren',
  'Fastighetsavdelningen',
  ...CATEGORY_CODES,
  ...SUBCATEGORY_CODES,
  ...DEMO_KOMMUNER.flatMap((k) => [k.name, k.scbCode]),
];

export const HUGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1e-300,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER,
  Infinity,
  -Infinity,
  NaN,
];

export interface HostileContext {
  /** Ids that exist in the database (any table), to hit real rows. */
  ids: readonly number[];
  /** Paths inside the test's folder (existing files, new names) for fields that name a file. */
  paths: readonly string[];
  /** Paths outside it, which the path policy must refuse. */
  outsidePaths: readonly string[];
}

/** Any value at all: what an attacker with the IPC channel or the HTTP body can send. */
export function anyValue(ctx: HostileContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
    hostileLeaf(ctx),
    fc.jsonValue({ maxDepth: 4 }),
  );
}

/** A hostile leaf value of any type. */
export function hostileLeaf(ctx: HostileContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...NASTY_TEXTS),
    fc.constantFrom(...REFUSED_TEXTS),
    fc.constantFrom(...HUGE_NUMBERS),
    fc.constantFrom(...ctx.outsidePaths),
    fc.constantFrom(null, undefined, true, false, [], {}, [[[]]], { id: 1 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
  );
}

/** A text for a string schema: mostly one that fits its length and pattern, else a hostile one. */
function stringArb(schema: z.ZodType, key: string, ctx: HostileContext, h: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  let min = 0;
  let max = Infinity;
  let free = true;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') min = d.minimum ?? 0;
    if (d.check === 'max_length') max = d.maximum ?? Infinity;
    if (d.check === 'string_format' || d.check === 'custom') free = false;
  }
  // The texts (nasty or well-formed) this very field accepts, asked of its own schema.
  const pool = [...NASTY_TEXTS, ...FORMATTED].filter((s) => schema.safeParse(s).success);
  const candidates: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: hostileLeaf(ctx), weight: h }];
  if (/path|file/i.test(key)) {
    candidates.push({ arbitrary: fc.constantFrom(...ctx.paths), weight: 8 });
    candidates.push({ arbitrary: fc.constantFrom(...ctx.outsidePaths), weight: 2 });
  }
  if (pool.length) candidates.push({ arbitrary: fc.constantFrom(...pool), weight: 8 });
  if (free) {
    const text = fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 60) });
    candidates.push({ arbitrary: text, weight: 3 });
  }
  return candidates.some((c) => c.weight > 0) ? fc.oneof(...candidates) : hostileLeaf(ctx);
}

function numberArb(def: ZodDef, key: string, ctx: HostileContext, h: number): fc.Arbitrary<unknown> {
  let lo = -1e6;
  let hi = 1e6;
  let int = false;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than') lo = Math.max(lo, Number(d.value) + (d.inclusive ? 0 : 1));
    if (d.check === 'less_than') hi = Math.min(hi, Number(d.value) - (d.inclusive ? 0 : 1));
    if (d.check === 'number_format') int = true;
  }
  const inRange = fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
  const edges = [lo, hi, lo - 1, hi + 1].filter(Number.isFinite);
  const candidates: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: inRange, weight: 4 },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    { arbitrary: fc.constantFrom(...HUGE_NUMBERS), weight: h },
    { arbitrary: hostileLeaf(ctx), weight: h },
  ];
  if (!int) candidates.push({ arbitrary: fc.double({ min: lo, max: hi, noNaN: true }), weight: 2 });
  // Small numbers near each other, so pairs a refinement ties together (startRow < endRow ≤ startRow + 1000) pass.
  const small = { min: Math.max(Math.ceil(lo), 0), max: Math.min(Math.floor(hi), 2000) };
  if (small.min <= small.max) candidates.push({ arbitrary: fc.integer(small), weight: 3 });
  if (/id$|ids$/i.test(key) && ctx.ids.length) {
    candidates.push({ arbitrary: fc.constantFrom(...ctx.ids), weight: 10 });
  }
  if (/year/i.test(key)) candidates.push({ arbitrary: fc.integer({ min: 1899, max: 2101 }), weight: 6 });
  return fc.oneof(...candidates);
}

/** What we read of a zod 4 schema's definition. */
interface ZodDef {
  type: string;
  checks?: { _zod: { def: ZodCheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

interface ZodCheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

const ABSENT = Symbol('absent');

/**
 * Inputs shaped like `schema`: objects with its keys (now and then one missing or an extra hostile one),
 * enums from their values, and at each leaf a value that fits or a hostile one.
 */
export function fromSchema(
  schema: z.ZodType,
  ctx: HostileContext,
  /** Weight of a hostile value at each node against ~12 for a fitting one: 0 keeps the structure valid. */
  h = 1,
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const sub = (s: z.ZodType, k = key) => fromSchema(s, ctx, h, k, depth + 1);
  const hostile = { arbitrary: hostileLeaf(ctx), weight: h };
  const weighted = (arbitrary: fc.Arbitrary<unknown>, weight = 12) =>
    h ? fc.oneof({ arbitrary, weight }, hostile) : arbitrary;
  if (depth > 8) return hostileLeaf(ctx);
  switch (def.type) {
    case 'object':
      return weighted(objectArb(def.shape ?? {}, ctx, h, depth), 25);
    case 'string':
      return stringArb(schema, key, ctx, h);
    case 'number':
      return numberArb(def, key, ctx, h);
    case 'boolean':
      return weighted(fc.boolean());
    case 'enum':
      return weighted(fc.constantFrom(...Object.values(def.entries ?? {})));
    case 'literal':
      return weighted(fc.constantFrom(...(def.values ?? [])));
    case 'optional':
    case 'default':
      return fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 1 }, { arbitrary: sub(def.innerType!), weight: 3 });
    case 'nullable':
      return fc.oneof(fc.constant(null), sub(def.innerType!));
    case 'array': {
      const max = Math.min(4, ...(def.checks ?? []).map((c) => c._zod.def.maximum ?? 4));
      return weighted(fc.array(sub(def.element!), { maxLength: max }), 20);
    }
    case 'record': {
      const keys = fc.oneof(fc.constantFrom(...FORMATTED, 'sammanfattning', 'category', 'kommun'), fc.string());
      const value = sub(def.valueType!);
      return weighted(fc.dictionary(keys, value, { maxKeys: 4 }));
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => sub(o)));
    case 'pipe':
      return sub(def.in!);
    default:
      return anyValue(ctx);
  }
}

function objectArb(
  shape: Record<string, z.ZodType>,
  ctx: HostileContext,
  h: number,
  depth: number,
): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fromSchema(s, ctx, h, k, depth + 1)]));
  const rarely = <T>(arb: fc.Arbitrary<T>, weight: number) =>
    fc.oneof({ arbitrary: fc.constant(null), weight }, { arbitrary: arb, weight: 1 });
  const never = fc.constant(null);
  const extra = h
    ? rarely(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'x', 'id', 'sql'), anyValue(ctx)), 8)
    : never;
  const drop = h ? rarely(fc.constantFrom(...Object.keys(shape), 'none'), 12) : never;
  const pair = fc.constantFrom(...CATEGORIES.flatMap((c) => c.subcategories.map((s) => [c.code, s.code] as const)));
  return fc.tuple(fc.record(fields), extra, drop, pair, fc.nat(9)).map(([rec, ex, dropKey, [cat, subcat], dice]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (v !== ABSENT && k !== dropKey) out[k] = v;
    // Most of the time the fields that must agree do: a subcategory of the category, from ≤ to, reported ≥ occurred.
    if (dice > 1) {
      if ('category' in out && 'subcategory' in out) Object.assign(out, { category: cat, subcategory: subcat });
      inOrder(out, 'fromDay', 'toDay');
      inOrder(out, 'from', 'to');
      inOrder(out, 'occurredAt', 'reportedAt');
    }
    // defineProperty: a key "__proto__" as an own property, as JSON.parse would give it.
    if (ex) Object.defineProperty(out, ex[0], { value: ex[1], enumerable: true, configurable: true, writable: true });
    return out;
  });
}

function inOrder(o: Record<string, unknown>, a: string, b: string): void {
  const x = o[a];
  const y = o[b];
  if (typeof x === 'string' && typeof y === 'string' && x > y) Object.assign(o, { [a]: y, [b]: x });
}
