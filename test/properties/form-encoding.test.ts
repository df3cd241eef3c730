import fc from 'fast-check';
import { buildTokenRequest, type ClientCredentials, type Grant } from 'connector-toolkit/token-request.js';

/**
 * Any text a user can paste as a secret: every Unicode code point (emoji, accents, CJK, control
 * characters, newlines), with the characters that mean something in a form body or a URL made
 * frequent, alone or in runs, so that `a&b=c`, `%41`, `+`, `#` and a lone `=` all show up.
 */
const RESERVED = [
  '!',
  "'",
  '(',
  ')',
  '~',
  '*',
  '&',
  '%',
  '+',
  '=',
  '#',
  ';',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '?',
  '/',
  ':',
  '@',
  '%20',
  '%2B',
  '%%',
  '😀',
  'é',
  '\u0000',
];
const secretText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...RESERVED), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  ),
  maxLength: 40,
});

const client = fc.record({ clientId: secretText, clientSecret: secretText });

const grant: fc.Arbitrary<Grant> = fc.oneof(
  fc.constant<Grant>({ type: 'client_credentials' }),
  fc.record({ type: fc.constant('password' as const), username: secretText, password: secretText }),
  fc.record({ type: fc.constant('refresh_token' as const), refreshToken: secretText }),
);

const grantFieldsOf = (value: Grant): [string, string][] => {
  switch (value.type) {
    case 'client_credentials':
      return [['grant_type', 'client_credentials']];
    case 'password':
      return [
        ['grant_type', 'password'],
        ['username', value.username],
        ['password', value.password],
      ];
    case 'refresh_token':
      return [
        ['grant_type', 'refresh_token'],
        ['refresh_token', value.refreshToken],
      ];
  }
};

/** What a standard form decoder (the WHATWG one, as servers use) reads from the body, in order. */
const decode = (body: string): [string, string][] => [...new URLSearchParams(body)];

const basicDecoded = (headers: Record<string, string>): string => {
  const header = headers['Authorization'] ?? '';
  expect(header.startsWith('Basic ')).toBe(true);
  const encoded = header.slice('Basic '.length);
  // Strict base64: only the alphabet and padding, and re-encoding gives the same text.
  expect(encoded).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
  const bytes = Buffer.from(encoded, 'base64');
  expect(bytes.toString('base64')).toBe(encoded);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
};

const RUNS = { numRuns: 300 };

describe('token request form encoding (property)', () => {
  it("body mode: a form decoder reads back exactly the grant's fields and the client's id and secret", () => {
    fc.assert(
      fc.property(grant, client, (g: Grant, c: ClientCredentials) => {
        const { body, headers } = buildTokenRequest(g, c, 'body');
        expect(headers['Content-Type']).toBe('application/x-www-form-urlencoded');
        expect(headers['Authorization']).toBeUndefined();
        expect(decode(body)).toEqual([...grantFieldsOf(g), ['client_id', c.clientId], ['client_secret', c.clientSecret]]);
        // Nothing outside the characters a form value may hold unescaped reaches the wire: no raw
        // space, newline, `#`, `;` or non-ASCII (`! ' ( ) ~ *` are left as they are, as encodeURIComponent does).
        expect(body).toMatch(/^[A-Za-z0-9*\-._!'()~%+=&]*$/);
      }),
      RUNS,
    );
  });

  it('basic mode: the header decodes (UTF-8) to `id:secret` and the body holds the grant only', () => {
    fc.assert(
      fc.property(grant, client, (g: Grant, c: ClientCredentials) => {
        const { body, headers } = buildTokenRequest(g, c, 'basic');
        expect(basicDecoded(headers)).toBe(`${c.clientId}:${c.clientSecret}`);
        const fields = decode(body);
        expect(fields).toEqual(grantFieldsOf(g));
        expect(fields.map(([name]) => name)).not.toContain('client_secret');
        expect(fields.map(([name]) => name)).not.toContain('client_id');
      }),
      RUNS,
    );
  });

  it('a secret made of one reserved character alone survives both modes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESERVED, '&&', '==', '++', '=&'), (reserved: string) => {
        const c = { clientId: reserved, clientSecret: reserved };
        const g: Grant = { type: 'password', username: reserved, password: reserved };
        expect(Object.fromEntries(decode(buildTokenRequest(g, c, 'body').body))).toEqual({
          grant_type: 'password',
          username: reserved,
          password: reserved,
          client_id: reserved,
          client_secret: reserved,
        });
        expect(basicDecoded(buildTokenRequest(g, c, 'basic').headers)).toBe(`${reserved}:${reserved}`);
      }),
      { numRuns: 50 },
    );
  });
});
