import { header, type SandboxRequest } from '../http/types.js';

/** The client credentials a token request presented, in every spelling worth trying. */
export interface ClientAuth {
  method: 'basic' | 'body' | 'none';
  /** Candidate (id, secret) pairs; a credential matches if any pair matches. */
  candidates: { clientId: string; clientSecret: string }[];
  /** Both Basic and body credentials were sent and they disagree. */
  conflicting: boolean;
}

/** application/x-www-form-urlencoded decoding of one value (`+` is a space); undefined if malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * RFC 6749 §2.3.1 says the id and secret are form-urlencoded before they are joined with ':'
 * and base64-encoded. Many clients skip that step, so both the raw and the decoded values are
 * candidates (the raw pair first: a raw secret containing `%` or `+` must not be mangled).
 */
function basicCandidates(authorization: string): ClientAuth['candidates'] {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(authorization);
  if (match?.[1] === undefined) return [];
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return [];
  const rawId = decoded.slice(0, colon);
  const rawSecret = decoded.slice(colon + 1);
  const candidates = [{ clientId: rawId, clientSecret: rawSecret }];
  const id = formDecode(rawId);
  const secret = formDecode(rawSecret);
  if (id !== undefined && secret !== undefined && (id !== rawId || secret !== rawSecret)) {
    candidates.push({ clientId: id, clientSecret: secret });
  }
  return candidates;
}

export function clientAuth(request: SandboxRequest, form: URLSearchParams): ClientAuth {
  const authorization = header(request, 'authorization');
  const basic = authorization !== undefined && /^basic\s/i.test(authorization) ? basicCandidates(authorization) : undefined;
  const bodyId = form.get('client_id');
  const bodySecret = form.get('client_secret');
  const body = bodyId !== null ? [{ clientId: bodyId, clientSecret: bodySecret ?? '' }] : undefined;
  if (basic !== undefined) {
    const conflicting =
      body !== undefined && !basic.some((pair) => pair.clientId === bodyId && (bodySecret === null || pair.clientSecret === bodySecret));
    return { method: 'basic', candidates: basic, conflicting };
  }
  if (body !== undefined) return { method: 'body', candidates: body, conflicting: false };
  return { method: 'none', candidates: [], conflicting: false };
}
