/**
 * Nothing echoed back: a server that quotes the client secret or the token in its error gets
 * neither shown, in any encoding; a malformed token or a broken credential gets a plain message
 * that quotes nothing; the process never crashes on them.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { ACCESS_TOKEN, CLIENT_SECRET, connectedAuthData } from '../support/bundle.js';
import { rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { performAsProduction } from '../support/production-input.js';
import { json, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
type Run = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const connection = App.authentication as unknown as { sessionConfig: { perform: Run } };
const server = useLoopback();
const CLIENT_ID = 'service-client-id';

beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = server.url;
  process.env['SCOPESTACK_AUTH_URL'] = server.url;
});

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** Every way a server might quote a secret back. */
const quotes = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  encodeURIComponent(secret).replace(/%20/g, '+'),
  JSON.stringify(secret).slice(1, -1),
  base64(secret),
  base64(`${CLIENT_ID}:${secret}`),
];
const echo = (secret: string) => quotes(secret).join(' | ');

const expectNoSecret = (message: string): void => {
  for (const secret of [CLIENT_SECRET, ACCESS_TOKEN]) for (const quoted of quotes(secret)) expect(message).not.toContain(quoted);
  expect(message).toContain(':censored:');
};

const exchange = (authData: Record<string, string>) => appTester(connection.sessionConfig.perform, { authData, inputData: {} });

describe('a server quoting secrets back', () => {
  it('in a 422 on a create: the message names the field, and shows no secret in any encoding', async () => {
    server.answer((_request, response) => {
      json(response, 422, {
        errors: [
          {
            title: 'is invalid',
            detail: `name - is invalid: ${echo(CLIENT_SECRET)} ${echo(ACCESS_TOKEN)}`,
            source: { pointer: '/data/attributes/name' },
          },
        ],
      });
    });
    const bundle = { authData: connectedAuthData({ client_id: CLIENT_ID }), inputData: { name: 'Acme Supplies' }, meta: { page: 0 } };
    const error = await rejectionOf(performAsProduction(appTester, App.creates.create_vendor, bundle));
    expect(error.message).toContain('Name is invalid');
    expectNoSecret(error.message);
  });

  it('in a token error description', async () => {
    server.answer((_request, response) => {
      json(response, 400, { error: 'invalid_request', error_description: `bad client secret ${echo(CLIENT_SECRET)}` });
    });
    const error = await rejectionOf(exchange({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }));
    expectNoSecret(error.message);
  });
});

describe('malformed tokens and credentials', () => {
  it.each([
    ['a line break', 'abc\r\nSet-Cookie: x=1'],
    ['a non-Latin-1 character', 'tökén-€'],
    ['a space', 'two words'],
  ])('a token holding %s: a plain message that quotes nothing, and nothing kept', async (_what, token) => {
    server.answer((_request, response) => {
      json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 7200 });
    });
    const error = await rejectionOf(exchange({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }));
    expect(error.message).toContain('issued an access token that cannot be sent');
    expect(error.message).not.toContain(token);
    // Only the exchange: the token was never used.
    expect(server.received.map((request) => request.path)).toEqual(['/oauth/token']);
  });

  it('a client secret with a broken character: refused before anything is sent, without a crash', async () => {
    const error = await rejectionOf(exchange({ client_id: CLIENT_ID, client_secret: 'secret-\uD83D-cut' }));
    expect(JSON.parse(error.message)).toMatchObject({
      message: 'The Client Secret holds a broken character that cannot be sent: copy it again from ScopeStack and paste it whole.',
    });
    expect(server.received).toEqual([]);
  });
});
