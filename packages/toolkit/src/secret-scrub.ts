/**
 * Secrets out of every message a user reads. A server may quote a credential back in an error
 * ("invalid client secret abc…"), and Zap history keeps what a step throws: each secret of the
 * connection is masked in every form a request or a log may carry it in.
 */

const MASK = ':censored:';
/** Shorter texts are masked only whole: a 3-letter secret would otherwise mask words. */
const MIN_FORM_LENGTH = 4;

const base64 = (text: string, url = false): string => Buffer.from(text, 'utf8').toString(url ? 'base64url' : 'base64');

/** encodeURIComponent throws on a lone surrogate: such a secret is then only masked as it is. */
const percentEncoded = (text: string): string | undefined => {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/** The forms one secret can take on the wire and in logs. */
const secretForms = (secret: string, clientId?: string): string[] => {
  const percent = percentEncoded(secret);
  const forms = [
    secret,
    percent,
    percent?.replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(3, -3),
    base64(secret),
    base64(secret).replace(/=+$/, ''),
    base64(secret, true),
    ...(clientId === undefined ? [] : [base64(`${clientId}:${secret}`), base64(`${clientId}:${secret}`, true)]),
  ];
  return forms.filter((form): form is string => form !== undefined && form.length >= MIN_FORM_LENGTH);
};

/** The text with every form of every secret masked; the longest forms first, so none is left half-masked. */
export const scrubSecrets = (text: string, secrets: readonly string[], clientId?: string): string => {
  const forms = [...new Set(secrets.filter((secret) => secret.length > 0).flatMap((secret) => secretForms(secret, clientId)))].sort(
    (a, b) => b.length - a.length,
  );
  return forms.reduce((scrubbed, form) => scrubbed.split(form).join(MASK), text);
};
