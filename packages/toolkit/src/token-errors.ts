/**
 * What to tell a user when the token endpoint refuses, per OAuth 2.0 error code (RFC 6749
 * §5.2). `credentialProblem` marks failures that only new credentials can fix: during a running
 * Zap these expire the connection instead of being retried.
 */
import type { ServiceWords } from './service-words.js';
import type { Grant } from './token-request.js';

export interface TokenFailure {
  message: string;
  credentialProblem: boolean;
}

const credentialsFor = (grant: Grant['type']): string =>
  grant === 'client_credentials' ? 'Client ID and Client Secret' : 'Client ID, Client Secret, Username and Password';

/** A 401 from the token endpoint: core hides its body, and RFC 6749 reserves 401 for `invalid_client`. */
/**
 * A rejected credential. While connecting for the first time, the likely cause is a copy that went
 * wrong; on a connection that worked, a change on the service's side.
 */
export const invalidClient = (words: ServiceWords, connecting = false): TokenFailure => ({
  credentialProblem: true,
  message: connecting
    ? `${words.service} rejected the Client ID or Client Secret (invalid_client). Check that you copied both whole, ` +
      `without spaces, from ${words.credentialDialog} in ${words.credentialsPage}. ` +
      'The secret is shown only once: if it is lost, rotate it there and use the new one.'
    : `${words.service} rejected the Client ID or Client Secret (invalid_client). The secret may have been rotated, ` +
      `or the credential deleted${words.otherRefusals ?? ''}. ` +
      `Create or rotate a credential in ${words.credentialsPage} ` +
      'and reconnect with the new values.',
});

export const describeTokenError = (
  words: ServiceWords,
  grant: Grant['type'],
  status: number,
  error: string | undefined,
  description: string | undefined,
): TokenFailure => {
  const { service } = words;
  const said = description ? ` ${service} says: ${description.replace(/\.?$/, '.')}` : '';
  switch (error) {
    case 'invalid_client':
      return invalidClient(words);
    case 'invalid_grant':
      return {
        credentialProblem: true,
        message:
          grant === 'password'
            ? `${service} rejected the Username or Password (invalid_grant).${said} Check both, and that the user is still active, then reconnect.`
            : `${service} refused the sign-in (invalid_grant).${said} Reconnect with current ${credentialsFor(grant)}.`,
      };
    case 'unauthorized_client':
      return {
        credentialProblem: true,
        message:
          `${service} does not allow this credential to sign in this way (unauthorized_client).${said} ` +
          (words.unauthorizedClientFix ?? `Create a new credential in ${words.credentialsPage} and reconnect.`),
      };
    case 'unsupported_grant_type':
    case 'invalid_request':
    case 'invalid_scope':
      return {
        credentialProblem: false,
        message: `${service} did not accept the sign-in request (${error}).${said} Check the sign-in URL, and contact ${service} support if it persists.`,
      };
    default:
      break;
  }
  if (status >= 500) {
    return {
      credentialProblem: false,
      message: `${service}'s sign-in service is unavailable (HTTP ${status}). Try again in a few minutes.`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      credentialProblem: false,
      message:
        `${service}'s sign-in service answered with a redirect (HTTP ${status}), which is never followed with your credentials. ` +
        `Check that the sign-in URL points at ${service} itself.`,
    };
  }
  return {
    credentialProblem: false,
    message: `${service}'s sign-in service answered HTTP ${status} without an access token.${said} Check that the sign-in URL points at ${service}.`,
  };
};
