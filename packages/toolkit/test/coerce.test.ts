import { coerceValue } from '../src/coerce.js';
import type { Reading } from '../src/dates.js';
import type { AttributeKind } from '../src/resource-spec.js';

const AMBIGUOUS = 'is ambiguous (day or month first?): write the month as a name (Jan 2, 2025) or the date as 2025-01-02';

describe('coerceValue', () => {
  it.each<[AttributeKind, unknown, unknown]>([
    ['boolean', 'yes', true],
    ['boolean', 'False', false],
    ['boolean', true, true],
    ['integer', ' 42 ', 42],
    ['decimal', '1,500.50', '1500.50'],
    ['decimal', '1,234,567', '1234567'],
    ['decimal', '-12,500.00', '-12500.00'],
    ['decimal', 150, '150'],
    ['date', '2025-03-04T23:00:00-05:00', '2025-03-04'],
    ['date', '2025/3/4', '2025-03-04'],
    ['date', 'Jan 31, 2025', '2025-01-31'],
    ['date', 'september 9 2025', '2025-09-09'],
    ['date', '31 Jan 2025', '2025-01-31'],
    ['date', '31/01/2025', '2025-01-31'],
    ['date', '01/31/2025', '2025-01-31'],
    ['date', '29.02.2024', '2024-02-29'],
    ['datetime', '2025-03-04T09:00:00+01:00', '2025-03-04T08:00:00.000Z'],
    ['json', '[{"name":"a"}]', [{ name: 'a' }]],
    [
      'json',
      [
        { name: 'a', value: '' },
        { name: '', value: '' },
      ],
      [{ name: 'a', value: '' }],
    ],
    ['string', 12, '12'],
    ['date', ' 2025-01-31 ', '2025-01-31'],
    ['date', '13/12/2025', '2025-12-13'],
    ['date', '12/13/2025', '2025-12-13'],
    ['email', ' pat@client.example ', 'pat@client.example'],
    ['json', [{ name: '', value: null }, 'kept', null], ['kept', null]],
    // Only rows of cells can be blank: numbers and false are values.
    ['json', [0, 1500, false], [0, 1500, false]],
    // Thousands separators in whole numbers, as in decimals; Unix time in seconds or milliseconds.
    ['integer', '1,500', 1500],
    ['date', '1738314000', '2025-01-31'],
    ['datetime', '1738314000000', '2025-01-31T09:00:00.000Z'],
    ['datetime', '2025-01-31 09:00', '2025-01-31T09:00:00.000Z'],
  ])('turns a %s input of %j into %j', (kind, input, output) => {
    expect(coerceValue(kind, input)).toEqual({ ok: true, value: output });
  });

  it.each<[AttributeKind, unknown, string]>([
    ['boolean', 'maybe', 'must be true or false'],
    ['integer', '1,50', 'must be a whole number, for example 3'],
    ['integer', '9007199254740993', 'is too large to be sent exactly'],
    // Text that only contains a date, a month that is not one, a day that does not exist, no year.
    ['date', '2025-01-31 is the date', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'Janaury 31, 2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '31/31/2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '2025-13-45', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'Jan 31', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'not a date', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    // A date alone does not say when in the day.
    ['datetime', '2025-01-31', 'must be a date and time like 2025-01-31 09:00 or 2025-01-31T09:00:00Z'],
    ['integer', '4.5', 'must be a whole number, for example 3'],
    ['decimal', '12 dollars', 'must be a number, for example 1500.00'],
    // A decimal comma is refused, never read as a thousands separator (1,5 is not 15).
    ['decimal', '1,5', 'must be a number, for example 1500.00'],
    ['decimal', '1500,50', 'must be a number, for example 1500.00'],
    ['decimal', '1,50.00', 'must be a number, for example 1500.00'],
    ['date', 'someday', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '2025-02-30', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'Foo 3, 2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '01/02/2025', AMBIGUOUS],
    // 12 is a month too: only a number above 12 tells which part is the day.
    ['date', '12/05/2025', AMBIGUOUS],
    ['date', '05/12/2025', AMBIGUOUS],
    // Text around a date is not ignored: "x2025-01-31" is not a date someone typed.
    ['date', 'x2025-01-31', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'x Jan 31, 2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'Jan 31, 2025 x', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'x 31 Jan 2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '31 Jan 2025 x', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', 'x31/01/2025', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '31/01/2025x', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '2025-13-01', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['date', '2025-04-31', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    // JavaScript reads years below 100 as 19xx: the year must come back as written.
    ['date', '0099-01-31', 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025'],
    ['email', 'pat smith@client.example', 'must be an email address like pat@client.example'],
    ['email', 'pat@client.example and more', 'must be an email address like pat@client.example'],
    ['list', [['a'], 'b'], 'must be a list of texts, not a list or an object (map one field of it instead)'],
    ['string', { a: 1 }, 'must be a single value, not a list or an object (map one field of it instead)'],
    ['datetime', 'soon', 'must be a date and time like 2025-01-31 09:00 or 2025-01-31T09:00:00Z'],
  ])('refuses a %s input of %j', (kind, input, problem) => {
    expect(coerceValue(kind, input)).toEqual({ ok: false, problem });
  });

  it.each([
    ['2024-02-29', { ok: true, value: '2024-02-29' }],
    ['2025-02-29', { ok: false, problem: 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025' }],
    ['2025-04-31', { ok: false, problem: 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025' }],
    ['2025-13-01', { ok: false, problem: 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025' }],
  ])('reads an ISO day %s only when the calendar has it', (input, expected) => {
    expect(coerceValue('date', input)).toEqual(expected);
  });

  describe('relative dates, read in the Zap owner’s time zone', () => {
    // 15:00 UTC on 2 December is 02:00 on 3 December in Sydney.
    const sydney: Reading = { now: new Date('2026-12-02T15:00:00Z'), timeZone: 'Australia/Sydney' };

    it.each([
      ['today', '2026-12-03'],
      ['tomorrow', '2026-12-04'],
      ['yesterday', '2026-12-02'],
      ['in 3 days', '2026-12-06'],
      ['2 weeks ago', '2026-11-19'],
    ])('reads %j as %s', (text, day) => {
      expect(coerceValue('date', text, sydney)).toEqual({ ok: true, value: day });
    });

    it('reads a wall-clock time in that zone, with the offset it has on that day', () => {
      expect(coerceValue('datetime', 'tomorrow at 9am', sydney)).toEqual({ ok: true, value: '2026-12-03T22:00:00.000Z' });
      expect(coerceValue('datetime', '2026-07-01 09:00', sydney)).toEqual({ ok: true, value: '2026-06-30T23:00:00.000Z' });
    });

    it.each(['next week', 'Friday', 'the day after tomorrow', 'next month'])(
      'refuses %j, which names no single day for certain',
      (text) => {
        expect(coerceValue('date', text, sydney)).toEqual({
          ok: false,
          problem: 'must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025',
        });
      },
    );
  });
});
