/**
 * Where a free-form API request may go. The connection's token must only ever reach the API
 * host, so a target is refused before any request unless it is a plain path under the API:
 * no other host, no scheme-relative `//host`, no `..`, no encoded slash, backslash or dot.
 */
export interface ApiBases {
  /** `https://api.example.com`: paths of `root` go here. */
  readonly api: string;
  /** `https://api.example.com/acme/v1`: every other path is under the connection's account. */
  readonly account: string;
  /** Paths that name the API from its root rather than the account's (`/v2/status`), if the API has any. */
  readonly root?: RootPaths;
}

export interface RootPaths {
  readonly pattern: RegExp;
  /** One of them, for messages and help. */
  readonly example: string;
}

export type ApiTarget = { ok: true; url: string } | { ok: false; problem: string };

const refuse = (problem: string): ApiTarget => ({ ok: false, problem });

const hasControlCharacter = (text: string): boolean => {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 0x20) return true;
  return false;
};

/** Whether every `%` starts an escape that decodes (`%E0%A4%A` does not). */
const decodes = (path: string): boolean => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

/** `example`: a path of the account's to show in messages (`/projects/123/phases`). */
export const apiTarget = (input: string, bases: ApiBases, example: string): ApiTarget => {
  const ACCEPTED = `Path must be a path under the API, such as ${example}${bases.root ? ` or ${bases.root.example}` : ''}`;
  const text = input.trim();
  if (text === '') return refuse(`${ACCEPTED}.`);
  const api = new URL(bases.api);
  let path = text;
  let absolute = false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    // A full URL is accepted only on the API host itself.
    // Checked as typed, before a URL parser resolves `..`, `\\` or encoded dots away.
    if (!text.toLowerCase().startsWith(`${api.origin.toLowerCase()}/`) || !URL.canParse(text) || new URL(text).origin !== api.origin) {
      return refuse(`${ACCEPTED}: a URL on another host is never called with this connection.`);
    }
    path = text.slice(api.origin.length);
    // A full URL names its whole path: it is not put under the account again.
    absolute = true;
  }
  if (/[\\\s]/.test(path) || hasControlCharacter(path)) {
    return refuse(`${ACCEPTED}, without spaces or backslashes.`);
  }
  if (/%(2f|5c|2e|00)/i.test(path)) return refuse(`${ACCEPTED}, without encoded slashes or dots.`);
  if (!decodes(path)) return refuse(`${ACCEPTED}, with % only in whole escapes such as %20.`);
  if (path.startsWith('//')) return refuse(`${ACCEPTED}: "//" would name another host.`);
  if (/[?#]/.test(path)) return refuse(`${ACCEPTED}, without ? or #: put query parameters in Query.`);
  const relative = path.startsWith('/') ? path : `/${path}`;
  if (relative.split('/').some((segment) => segment === '..' || segment === '.'))
    return refuse(`${ACCEPTED}, without "." or ".." segments.`);
  const base = absolute || bases.root?.pattern.test(relative) ? bases.api.replace(/\/+$/, '') : bases.account.replace(/\/+$/, '');
  const url = new URL(`${base}${relative}`);
  // Belt and braces: whatever the parsing did, the request stays on the API host, under its base.
  if (url.origin !== api.origin || !url.pathname.startsWith(new URL(base).pathname)) return refuse(`${ACCEPTED}.`);
  return { ok: true, url: url.toString() };
};
