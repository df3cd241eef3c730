/**
 * The HTTP form of an OAuth 2.0 token request (RFC 6749 §4.3, §4.4, §6), built without
 * sending anything so the encoding can be tested byte for byte.
 */

export type Grant =
  | { type: 'client_credentials' }
  | { type: 'password'; username: string; password: string }
  | { type: 'refresh_token'; refreshToken: string };

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** `body`: client_id and client_secret as form fields; `basic`: an HTTP Basic header. */
export type ClientAuthentication = 'body' | 'basic';

export interface TokenHttpRequest {
  headers: Record<string, string>;
  /** `application/x-www-form-urlencoded`, already encoded. */
  body: string;
}

/**
 * Form encoding: `encodeURIComponent` with spaces as `+` escapes `& % + = #` and non-ASCII
 * characters, so any secret survives and every form decoder reads it back. Not URLSearchParams:
 * it also escapes `! ' ( ) ~`, and Zapier's log scrubber, which looks for a secret in this exact
 * form, would then miss a password such as `Pass-2025!` in the logged request body.
 */
const formValue = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');

const formEncode = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, value]) => `${formValue(name)}=${formValue(value)}`)
    .join('&');

/**
 * Basic carries `base64(client_id:client_secret)` of the raw values, as the services we sign in
 * to document it (the stricter RFC 6749 §2.3.1 form-encodes them first, which a server that
 * does not decode would reject for secrets holding `%` or `+`). UTF-8 keeps non-ASCII intact.
 */
export const basicAuthorization = ({ clientId, clientSecret }: ClientCredentials): string =>
  `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;

const grantFields = (grant: Grant): Record<string, string> => {
  switch (grant.type) {
    case 'client_credentials':
      return { grant_type: 'client_credentials' };
    case 'password':
      return { grant_type: 'password', username: grant.username, password: grant.password };
    case 'refresh_token':
      return { grant_type: 'refresh_token', refresh_token: grant.refreshToken };
  }
};

export const buildTokenRequest = (
  grant: Grant,
  client: ClientCredentials,
  clientAuthentication: ClientAuthentication,
): TokenHttpRequest => {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  const fields = grantFields(grant);
  if (clientAuthentication === 'basic') {
    headers['Authorization'] = basicAuthorization(client);
    return { headers, body: formEncode(fields) };
  }
  return { headers, body: formEncode({ ...fields, client_id: client.clientId, client_secret: client.clientSecret }) };
};
