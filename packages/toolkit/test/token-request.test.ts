import { basicAuthorization, buildTokenRequest } from '../src/token-request.js';

const client = { clientId: 'id-123', clientSecret: 'a&b%c+d=e#f g é' };

describe('buildTokenRequest', () => {
  it('form-encodes every special character of the secret so the server reads it back unchanged', () => {
    const { body, headers } = buildTokenRequest({ type: 'client_credentials' }, client, 'body');
    expect(headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' });
    expect(body).toBe('grant_type=client_credentials&client_id=id-123&client_secret=a%26b%25c%2Bd%3De%23f+g+%C3%A9');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id-123',
      client_secret: 'a&b%c+d=e#f g é',
    });
  });

  it('puts the client in an HTTP Basic header and keeps it out of the body in basic mode', () => {
    const { body, headers } = buildTokenRequest({ type: 'client_credentials' }, client, 'basic');
    expect(body).toBe('grant_type=client_credentials');
    expect(headers['Authorization']).toBe(basicAuthorization(client));
    const decoded = Buffer.from(String(headers['Authorization']).replace('Basic ', ''), 'base64').toString('utf8');
    expect(decoded).toBe('id-123:a&b%c+d=e#f g é');
  });

  it.each([
    [
      { type: 'password', username: 'ops@example.com', password: 'p&ss word' } as const,
      { grant_type: 'password', username: 'ops@example.com', password: 'p&ss word' },
    ],
    [{ type: 'refresh_token', refreshToken: 'r+t/=' } as const, { grant_type: 'refresh_token', refresh_token: 'r+t/=' }],
  ])('sends the fields of the %o grant', (grant, fields) => {
    const { body } = buildTokenRequest(grant, client, 'body');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({ ...fields, client_id: 'id-123', client_secret: client.clientSecret });
  });
});
