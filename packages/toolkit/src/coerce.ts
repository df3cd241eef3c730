/**
 * Turns Zapier input values into the values the API takes, attribute kind by kind, and says
 * in the user's words what is wrong when a value does not fit. Pure: no request is made.
 */
import type { AttributeKind } from './resource-spec.js';
import { readDate, readDateTime, type Reading } from './dates.js';
import { FORMS } from './input-forms.js';
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
  return fail(`must be ${FORMS.boolean}`);
};

/** Commas only between thousands (1,500): a comma anywhere else is refused, never dropped. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

const coerceInteger = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  if (!NUMBER.test(text) || text.includes('.')) return fail(`must be a whole number, for example ${FORMS.integer}`);
  const digits = text.replace(/,/g, '');
  const number = Number(digits);
  // Past 2^53 a number can no longer hold every digit: refused rather than sent with other digits.
  return Number.isSafeInteger(number) ? ok(number) : fail('is too large to be sent exactly');
};

/** Decimals stay strings so that money is never rounded through a float. */
const coerceDecimal = (value: unknown): Coerced => {
  const text = scalarText(value).trim();
  return NUMBER.test(text) ? ok(text.replace(/,/g, '')) : fail(`must be a number, for example ${FORMS.decimal}`);
};

/** 01/02/2025 is January 2 in one country and February 1 in another: refused, never guessed. */
const AMBIGUOUS = 'is ambiguous (day or month first?): write the month as a name (Jan 2, 2025) or the date as 2025-01-02';

const coerceDate = (value: unknown, reading: Reading | undefined): Coerced => {
  const date = readDate(scalarText(value), reading);
  if (date.ok) return ok(date.value);
  return fail(date.ambiguous ? AMBIGUOUS : `must be a date like ${FORMS.date}`);
};

const coerceDatetime = (value: unknown, reading: Reading | undefined): Coerced => {
  const time = readDateTime(scalarText(value), reading);
  if (time.ok) return ok(time.value);
  return fail(time.ambiguous ? AMBIGUOUS : `must be a date and time like ${FORMS.datetime}`);
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

const COERCERS: Record<AttributeKind, (value: unknown, reading: Reading | undefined) => Coerced> = {
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

/**
 * Kinds other than `json` and `list` take one value: a list or object is refused before their own
 * rule runs. Relative dates are read against `reading`, now in UTC when none is given.
 */
export const coerceValue = (kind: AttributeKind, value: unknown, reading?: Reading): Coerced =>
  kind === 'json' || kind === 'list' || isScalar(value) ? COERCERS[kind](value, reading) : fail(NOT_ONE_VALUE);
