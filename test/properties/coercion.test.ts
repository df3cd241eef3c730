import fc from 'fast-check';
import { coerceValue, isGiven } from 'connector-toolkit/coerce.js';

/** Every character JavaScript's `trim()` removes (WhiteSpace and LineTerminator), i.e. what `\s` matches. */
const WHITESPACE = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];
const blank = fc.string({ unit: fc.constantFrom(...WHITESPACE), maxLength: 6 });
/** Padding as a mapped value carries it: spaces, tabs, newlines. */
const padding = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0'), maxLength: 3 });

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });

/** A character that is not an ASCII digit: letters, `.`, `,`, `-`, `+`, `e`, spaces, other scripts' digits, emoji. */
const nonDigit = fc
  .oneof(
    fc.constantFrom('a', 'e', 'E', 'x', '.', ',', '-', '+', '_', ' ', '/', '٣', '５', '½', '😀', '\u200b', 'O', 'l'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  )
  .filter((char) => !/^[0-9]$/.test(char));

const RUNS = { numRuns: 300 };

describe('integer coercion (property)', () => {
  it("any safe integer's text, padded with spaces, comes back as that integer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger()), padding, padding, (n, left, right) => {
        expect(coerceValue('integer', `${left}${String(n)}${right}`)).toEqual({ ok: true, value: n });
        expect(coerceValue('integer', n)).toEqual({ ok: true, value: n });
      }),
      RUNS,
    );
  });

  it('any digit string with a non-digit anywhere inside it is refused (`abc1500`, `15a00`, `1.5`, `1e3`, `15,00`)', () => {
    fc.assert(
      fc.property(fc.option(fc.constant('-'), { nil: '' }), digits(1, 12), fc.nat(), nonDigit, padding, (sign, number, at, char, pad) => {
        const position = at % (number.length + 1);
        // Only a leading `-` (after the sign slot) and padding at either end are allowed around digits.
        fc.pre(!(position === 0 && sign === '' && char === '-'));
        fc.pre(!((position === 0 || position === number.length) && char.trim() === ''));
        // A comma that separates thousands (1,500) is read, as in decimals.
        fc.pre(!(char === ',' && position > 0 && position <= 3 && number.length - position === 3));
        const text = `${pad}${sign}${number.slice(0, position)}${char}${number.slice(position)}${pad}`;
        expect(coerceValue('integer', text)).toEqual({ ok: false, problem: 'must be a whole number, for example 3' });
      }),
      RUNS,
    );
  });
});

describe('decimal coercion (property)', () => {
  /** `1234567.5` written with thousands separators: `1,234,567.5`. */
  const grouped = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  it('keeps the exact digits (no float rounding) of any number with up to 2 decimals, with or without thousands separators', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constant('-'), { nil: '' }),
        digits(1, 30),
        fc.option(digits(1, 2), { nil: undefined }),
        fc.boolean(),
        padding,
        (sign, whole, decimals, withSeparators, pad) => {
          const fraction = decimals === undefined ? '' : `.${decimals}`;
          const expected = `${sign}${whole}${fraction}`;
          const written = `${pad}${sign}${withSeparators ? grouped(whole) : whole}${fraction}${pad}`;
          expect(coerceValue('decimal', written)).toEqual({ ok: true, value: expected });
        },
      ),
      RUNS,
    );
  });

  it('a comma that is not a thousands separator (the decimal comma of `1,5`) is refused, never dropped', () => {
    // Dropping it would turn a European `1,5` into 15 and `1.500,50` into 1.50050: money off by 10x or 1000x.
    fc.assert(
      fc.property(digits(1, 6), digits(1, 6), fc.option(digits(1, 2), { nil: undefined }), (left, right, decimals) => {
        fc.pre(right.length !== 3);
        const text = `${left},${right}${decimals === undefined ? '' : `.${decimals}`}`;
        expect(coerceValue('decimal', text)).toEqual({ ok: false, problem: 'must be a number, for example 1500.00' });
      }),
      { numRuns: 100 },
    );
  });

  it('money past float precision keeps every digit (`90071992547409931.01`)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 10n ** 25n }), digits(2, 2), (whole, cents) => {
        const text = `${whole.toString()}.${cents}`;
        expect(coerceValue('decimal', text)).toEqual({ ok: true, value: text });
      }),
      { numRuns: 100 },
    );
  });
});

describe('boolean coercion (property)', () => {
  const TRUE_WORDS = ['yes', 'true', '1', 'on'];
  const FALSE_WORDS = ['no', 'false', '0', 'off'];

  it('yes/no/true/false/1/0/on/off in any case, padded or not, map to true and false', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRUE_WORDS, ...FALSE_WORDS), fc.nat(), padding, padding, (word, caseBits, left, right) => {
        const anyCase = Array.from(word, (char, index) => ((caseBits >> index) & 1 ? char.toUpperCase() : char)).join('');
        expect(coerceValue('boolean', `${left}${anyCase}${right}`)).toEqual({ ok: true, value: TRUE_WORDS.includes(word) });
      }),
      RUNS,
    );
  });

  it('anything else is refused: near misses (`yess`, `tru`, `o n`, `1.0`, `２`) and arbitrary text', () => {
    const nearMiss = fc
      .tuple(fc.constantFrom(...TRUE_WORDS, ...FALSE_WORDS, 'y', 'n', 't', 'f'), fc.nat(), nonDigit, fc.boolean())
      .map(([word, at, char, drop]) => {
        const position = at % (word.length + 1);
        return drop ? word.slice(0, position) + word.slice(position + 1) : word.slice(0, position) + char + word.slice(position);
      });
    const other = fc.oneof(
      nearMiss,
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('1.0', '00', '01', '２', 'ｙｅｓ', 'ON!', 'yes no', 'true\u200b', 'nope', 'y', 'n', '-1'),
    );
    fc.assert(
      fc.property(other, (text) => {
        fc.pre(![...TRUE_WORDS, ...FALSE_WORDS].includes(text.trim().toLowerCase()));
        expect(coerceValue('boolean', text)).toEqual({ ok: false, problem: 'must be true or false' });
      }),
      RUNS,
    );
  });

  it('numbers other than 1 and 0 are refused, and the booleans themselves pass through', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true })), fc.boolean(), (n, flag) => {
        // `-0` reads as "0", so it is false like 0.
        const expected =
          n === 1 ? { ok: true, value: true } : n === 0 ? { ok: true, value: false } : { ok: false, problem: 'must be true or false' };
        expect(coerceValue('boolean', n)).toEqual(expected);
        expect(coerceValue('boolean', flag)).toEqual({ ok: true, value: flag });
      }),
      RUNS,
    );
  });
});

describe('isGiven (property)', () => {
  const blanks: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      blank,
      fc.constant(null),
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('a whitespace-only string (any Unicode space or line break) is not given', () => {
    fc.assert(
      fc.property(blank, (text) => {
        expect(isGiven(text)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a list (or line-item row) of blanks, nested at any depth, is not given', () => {
    fc.assert(
      fc.property(fc.array(blanks, { maxLength: 5 }), (rows) => {
        expect(isGiven(rows)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a string with any other character in it is given, and so is a list holding it', () => {
    fc.assert(
      fc.property(
        blank,
        blank,
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.array(blanks, { maxLength: 3 }),
        (left, right, char, rows) => {
          fc.pre(!WHITESPACE.includes(char));
          const text = `${left}${char}${right}`;
          expect(isGiven(text)).toBe(true);
          expect(isGiven([...rows, text])).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
