/**
 * Turns Zapier input values into the values the API takes, attribute kind by kind, and says
 * in the user's words what is wrong when a value does not fit. Pure: no request is made.
 */
import type { AttributeKind } from './resource-spec.js';
import { isScalar, scalarText } from './text.js';

/**
 * Zapier sends empty strings for fields a user left blank, and a mapped value can be only
 * spaces: both are "not given", not "clear it".
 */
export const isGiven = (value: unknown): boolean => {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  // A list field left empty arrives as [] or as rows of blanks: not given either.
  if (typeof value === 'object') return Object.values(value).some(isGiven);
  return true;
};

export type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (problem: string): Coerced => ({ ok: false, problem });

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off']);

/** A mapped object or list where one value is expected is refused, never sent as "[object Object]". */
const NOT_ONE_VALUE = 'must be a single value, not a list or an object (map one field of it instead)';

const coerceBoolean = (value: unknown): Coerced => {
  // A boolean reads as "true" or "false", which are among the words.
  const word = scalarText(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('must be true or false');
};

const coerceInteger = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  return /^-?\d+$/.test(text) ? ok(Number.parseInt(text, 10)) : fail('must be a whole number, for example 3');
};

/** Decimals stay strings so that money is never rounded through a float. */
const coerceDecimal = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  // Commas only as thousands separators (1,500.00): a decimal comma (1,5) is refused, never dropped.
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return fail('must be a number, for example 1500.00');
  return ok(text.replace(/,/g, ''));
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` when the parts make a real day (no 30 February), else undefined. */
const calendarDate = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : undefined;
};

const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const DATE_FORMS = 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025';

const okOr = (date: string | undefined): Coerced => (date ? ok(date) : fail(DATE_FORMS));

/**
 * A calendar date as people type or map it: ISO (a time after it is dropped), 2025/01/31,
 * Jan 31, 2025 or 31 January 2025, and 31/01/2025 or 01/31/2025 when the day shows which is
 * which. A date like 01/02/2025 is refused: it is January 2 in one country and February 1 in another.
 */
const coerceDate = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ])/.exec(text);
  if (match) return okOr(calendarDate(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(text);
  // An unknown month name reads as month 0, which calendarDate refuses like any day that does not exist.
  if (match) return okOr(calendarDate(Number(match[3]), monthOf(match[1] ?? ''), Number(match[2])));
  match = /^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})$/i.exec(text);
  if (match) return okOr(calendarDate(Number(match[3]), monthOf(match[2] ?? ''), Number(match[1])));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (first > 12) return okOr(calendarDate(year, second, first));
    if (second > 12) return okOr(calendarDate(year, first, second));
    return fail(`is ambiguous (day or month first?): write it as ${year}-MM-DD, for example 2025-01-31`);
  }
  return fail(DATE_FORMS);
};

const coerceDatetime = (value: unknown): Coerced => {
  const time = Date.parse(scalarText(value));
  return Number.isNaN(time) ? fail('must be a date and time like 2025-01-31T09:00:00Z') : ok(new Date(time).toISOString());
};

/** Line items arrive as a list with a blank row for every row a user added and left empty. */
const withoutBlankRows = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.filter((row: unknown) => typeof row !== 'object' || row === null || Object.values(row).some((cell) => isGiven(cell)))
    : value;

const coerceJson = (value: unknown): Coerced => {
  if (typeof value !== 'string') return ok(withoutBlankRows(value));
  try {
    return ok(JSON.parse(value));
  } catch {
    return fail('must be valid JSON (see the field help for an example)');
  }
};

/** One-line text is trimmed (a mapped value often carries spaces); multi-line text is kept as written. */
const coerceString = (value: unknown): Coerced => ok(scalarText(value).trim());

const coerceText = (value: unknown): Coerced => ok(scalarText(value));

/** A list field arrives as a list, or as one comma-separated text when a user maps a single value. */
const coerceList = (value: unknown): Coerced => {
  const items: unknown[] = Array.isArray(value) ? value : scalarText(value).split(',');
  if (!items.every(isScalar)) return fail(NOT_ONE_VALUE.replace('a single value', 'a list of texts'));
  return ok(items.map((item) => scalarText(item).trim()).filter((item) => item !== ''));
};

/** Just the form (something@domain.tld): whether the mailbox exists is the service's business. */
const coerceEmail = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? ok(text) : fail('must be an email address like pat@client.example');
};

const COERCERS: Record<AttributeKind, (value: unknown) => Coerced> = {
  string: coerceString,
  text: coerceText,
  integer: coerceInteger,
  decimal: coerceDecimal,
  boolean: coerceBoolean,
  date: coerceDate,
  datetime: coerceDatetime,
  json: coerceJson,
  list: coerceList,
  email: coerceEmail,
};

/** Kinds other than `json` and `list` take one value: a list or object is refused before their own rule runs. */
export const coerceValue = (kind: AttributeKind, value: unknown): Coerced =>
  kind === 'json' || kind === 'list' || isScalar(value) ? COERCERS[kind](value) : fail(NOT_ONE_VALUE);
