/** What a person reads when the token endpoint refuses, and whether only a reconnect can fix it. */
import type { ServiceWords } from '../src/service-words.js';
import { describeTokenError } from '../src/token-errors.js';

/** A made-up service's words: the messages take them from the connector. */
const ACME: ServiceWords = {
  service: 'Acme',
  credential: 'an Acme API client',
  credentialsPage: 'Acme (Settings > API Clients)',
  credentialDialog: 'the dialog that shows them',
  permissionFix: 'Ask an Acme admin to allow this API client to do it',
};

const ACME_SAYS = ' Acme says: Bad credentials.';

describe('describeTokenError', () => {
  it('blames the Client ID or Secret for invalid_client, and says where to make a new credential', () => {
    expect(describeTokenError(ACME, 'client_credentials', 401, 'invalid_client', undefined)).toEqual({
      credentialProblem: true,
      message:
        'Acme rejected the Client ID or Client Secret (invalid_client). The secret may have been rotated, or the credential deleted. ' +
        'Create or rotate a credential in Acme (Settings > API Clients) and reconnect with the new values.',
    });
  });

  it('blames the username or password for invalid_grant on a password sign-in, quoting the service', () => {
    expect(describeTokenError(ACME, 'password', 400, 'invalid_grant', 'Bad credentials')).toEqual({
      credentialProblem: true,
      message: `Acme rejected the Username or Password (invalid_grant).${ACME_SAYS} Check both, and that the user is still active, then reconnect.`,
    });
  });

  it.each([
    ['client_credentials', 'Client ID and Client Secret'],
    ['refresh_token', 'Client ID, Client Secret, Username and Password'],
  ] as const)('names the credentials to renew for invalid_grant on a %s sign-in', (grant, credentials) => {
    expect(describeTokenError(ACME, grant, 400, 'invalid_grant', undefined)).toEqual({
      credentialProblem: true,
      message: `Acme refused the sign-in (invalid_grant). Reconnect with current ${credentials}.`,
    });
  });

  it('explains unauthorized_client as a credential that may not sign in this way, which only a new credential fixes', () => {
    expect(describeTokenError(ACME, 'client_credentials', 400, 'unauthorized_client', 'Bad credentials.')).toEqual({
      credentialProblem: true,
      message:
        `Acme does not allow this credential to sign in this way (unauthorized_client).${ACME_SAYS} ` +
        'Create a new credential in Acme (Settings > API Clients) and reconnect.',
    });
    // A connector that knows more says who may sign in.
    const told = { ...ACME, unauthorizedClientFix: 'Only admins may: create one as an admin and reconnect.' };
    expect(describeTokenError(told, 'client_credentials', 400, 'unauthorized_client', undefined).message).toBe(
      'Acme does not allow this credential to sign in this way (unauthorized_client). Only admins may: create one as an admin and reconnect.',
    );
  });

  it.each(['unsupported_grant_type', 'invalid_request', 'invalid_scope'])(
    'treats %s as a request problem, not the credentials',
    (error) => {
      expect(describeTokenError(ACME, 'client_credentials', 400, error, undefined)).toEqual({
        credentialProblem: false,
        message: `Acme did not accept the sign-in request (${error}). Check the sign-in URL, and contact Acme support if it persists.`,
      });
    },
  );

  it.each([500, 503])('calls HTTP %i without an error code an outage to wait out', (status) => {
    expect(describeTokenError(ACME, 'client_credentials', status, undefined, undefined)).toEqual({
      credentialProblem: false,
      message: `Acme's sign-in service is unavailable (HTTP ${status}). Try again in a few minutes.`,
    });
  });

  it.each([200, 404, 499])('calls an HTTP %i without a token a wrong sign-in URL, not a credential problem', (status) => {
    expect(describeTokenError(ACME, 'client_credentials', status, 'server_error', 'Bad credentials')).toEqual({
      credentialProblem: false,
      message: `Acme's sign-in service answered HTTP ${status} without an access token.${ACME_SAYS} Check that the sign-in URL points at Acme.`,
    });
  });
});
