/**
 * Dates and date-times as people type or map them, read with chrono (the parser Zapier's own
 * CLI uses), but strictly: the whole text must be the date, its day, month and year must be
 * written (or the date one of a few relative forms: "today", "tomorrow", "in 3 days"), and a
 * numeric date that reads differently month-first and day-first (01/02/2025) is refused.
 */
import * as en from 'chrono-node/en';

/** What a relative date is relative to: the moment of the run, in the Zap owner's time zone. */
export interface Reading {
  now: Date;
  timeZone: string;
}

export const readingNow = (timeZone: string | null | undefined): Reading => ({ now: new Date(), timeZone: knownZone(timeZone) });

/** Formatters by zone: building one costs far more than using it, and a Zap uses one zone. */
const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();

const offsetFormat = (timeZone: string): Intl.DateTimeFormat => {
  let format = OFFSET_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    // Bounded: zones come from Zapier's bundle, a few hundred exist.
    if (OFFSET_FORMATS.size < 1000) OFFSET_FORMATS.set(timeZone, format);
  }
  return format;
};

const knownZone = (timeZone: string | null | undefined): string => {
  if (!timeZone || timeZone === 'UTC') return 'UTC';
  try {
    offsetFormat(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
};

/** Minutes east of UTC of a time zone at an instant ("GMT+10:00" is 600), daylight saving included. */
const offsetMinutes = (timeZone: string, at: Date): number => {
  const name = offsetFormat(timeZone)
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

type Components = en.ParsedResult['start'];

/** The one reading of the whole text by a parser, if the parser reads all of it. */
const wholeReading = (parser: en.Chrono, text: string, reading: Reading, offset: number): Components | undefined => {
  const [result, ...more] = parser.parse(text, { instant: reading.now, timezone: offset });
  if (!result || more.length > 0 || result.index !== 0 || result.text !== text) return undefined;
  return result.start;
};

const dayOf = (components: Components): string =>
  [components.get('year') ?? 0, components.get('month') ?? 0, components.get('day') ?? 0]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');

/**
 * The relative dates read here, each checked against what it should mean: chrono also reads
 * "next week", "Friday" or "the day after tomorrow", which are either ambiguous or (the last,
 * in 2.8) a day off.
 */
const RELATIVE_DAYS = /^(today|tomorrow|yesterday|in \d+ (days?|weeks?)|\d+ (days?|weeks?) ago)\b/i;

const isRelative = (components: Components): boolean =>
  [...components.tags()].some((tag) => tag.startsWith('casualReference/') || tag === 'result/relativeDate');

/** The text names one day: written out in full, or relative in a form from RELATIVE_DAYS. */
const namesOneDay = (components: Components, text: string): boolean =>
  isRelative(components)
    ? RELATIVE_DAYS.test(text)
    : components.isCertain('year') && components.isCertain('month') && components.isCertain('day') && hasFourDigitYear(components);

/** Year 99 is a typing slip far more often than a date in antiquity. */
const hasFourDigitYear = (components: Components): boolean => (components.get('year') ?? 0) >= 1000;

const YEAR_FIRST = /^\d{4}\D/;

/** Unix time, in seconds (10 digits) or milliseconds (13), as apps and spreadsheets export it. */
const fromTimestamp = (text: string): Date | undefined => {
  const match = /^\d{10}(\d{3})?$/.exec(text);
  if (!match) return undefined;
  return new Date(Number(text) * (match[1] ? 1 : 1000));
};

export type DateReading = { ok: true; value: string } | { ok: false; ambiguous: boolean };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether year, month and day name a day of the calendar (2025-02-29 does not). */
const onCalendar = (year: number, month: number, day: number): boolean => {
  const days = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);
  return year >= 1000 && day >= 1 && day <= days;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A full ISO 8601 date-time with its offset: the form an app maps most, which names one instant. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The reading of an ISO day or instant without the parser, which takes a thousand times longer:
 * only forms whose one reading is certain are taken here; any other text goes to the parser.
 */
const isoReading = (text: string, pattern: RegExp): boolean =>
  pattern.test(text) && onCalendar(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));

const NOT_A_DATE: DateReading = { ok: false, ambiguous: false };

/**
 * Components of the text read month-first and day-first; refused when the two disagree. The
 * offset is the zone's at `at`, so a wall-clock time is read in the offset it has on that day.
 */
const readBoth = (text: string, reading: Reading, at: Date): { components?: Components; ambiguous: boolean } => {
  const offset = offsetMinutes(reading.timeZone, at);
  // A date that starts with its year is year-month-day, read strictly: the casual parsers swap
  // a month past 12 with the day, and read 2025-13-01 as 13 January.
  if (YEAR_FIRST.test(text)) {
    const components = wholeReading(en.strict, text, reading, offset);
    return components ? { components, ambiguous: false } : { ambiguous: false };
  }
  const monthFirst = wholeReading(en.casual, text, reading, offset);
  const dayFirst = wholeReading(en.GB, text, reading, offset);
  if (monthFirst && dayFirst && monthFirst.date().getTime() !== dayFirst.date().getTime()) return { ambiguous: true };
  const components = monthFirst ?? dayFirst;
  return components ? { components, ambiguous: false } : { ambiguous: false };
};

/** A calendar day, `YYYY-MM-DD`; a timestamp is read as the day it falls on in the Zap's time zone. */
export const readDate = (raw: string, given?: Reading): DateReading => {
  const text = raw.trim();
  if (isoReading(text, ISO_DAY)) return { ok: true, value: text };
  const reading = given ?? readingNow('UTC');
  const stamp = fromTimestamp(text);
  if (stamp) return { ok: true, value: new Intl.DateTimeFormat('en-CA', { timeZone: reading.timeZone }).format(stamp) };
  const { components, ambiguous } = readBoth(text, reading, reading.now);
  if (!components || !namesOneDay(components, text)) return { ok: false, ambiguous };
  return { ok: true, value: dayOf(components) };
};

/**
 * An instant, as ISO 8601 in UTC. A time is required (a date alone does not say when); without
 * an offset it is the Zap owner's wall-clock time, as the Zap editor shows times.
 */
export const readDateTime = (raw: string, given?: Reading): DateReading => {
  const text = raw.trim();
  if (isoReading(text, ISO_INSTANT)) return { ok: true, value: new Date(text).toISOString() };
  const reading = given ?? readingNow('UTC');
  const stamp = fromTimestamp(text);
  if (stamp) return { ok: true, value: stamp.toISOString() };
  const first = readBoth(text, reading, reading.now);
  if (!first.components || !namesOneDay(first.components, text) || !first.components.isCertain('hour')) {
    return first.components ? NOT_A_DATE : { ok: false, ambiguous: first.ambiguous };
  }
  // Read again in the offset the zone has on that day, for a date across a daylight-saving change.
  const second = readBoth(text, reading, first.components.date()).components ?? first.components;
  return { ok: true, value: second.date().toISOString() };
};
