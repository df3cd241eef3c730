import { apiTarget, type ApiBases } from '../src/api-target.js';

const API = 'https://api.acme.test';
const ACCOUNT = `${API}/example-it/v1`;
/** Like some APIs, versioned paths (`/v1/me`) name the API from its root. */
const ROOT = { pattern: /^\/v\d+(\/|$)/, example: '/v1/me' };
const bases: ApiBases = { api: API, account: ACCOUNT, root: ROOT };
const EXAMPLE = '/projects/123/project-phases';

const ACCEPTED = `Path must be a path under the API, such as ${EXAMPLE} or /v1/me`;
const OTHER_HOST = `${ACCEPTED}: a URL on another host is never called with this connection.`;
const ENCODED = `${ACCEPTED}, without encoded slashes or dots.`;
const DOT_SEGMENTS = `${ACCEPTED}, without "." or ".." segments.`;
const SPACES = `${ACCEPTED}, without spaces or backslashes.`;
const QUERY = `${ACCEPTED}, without ? or #: put query parameters in Query.`;

describe('apiTarget', () => {
  it.each([
    ['a path under the account', EXAMPLE, `${ACCOUNT}/projects/123/project-phases`],
    ['a path without its leading slash', 'projects/123/project-phases', `${ACCOUNT}/projects/123/project-phases`],
    ['a path with spaces around it', '  /crm-opportunities/3201 \n', `${ACCOUNT}/crm-opportunities/3201`],
    ['a path with a trailing slash', '/projects/', `${ACCOUNT}/projects/`],
    ['an encoded character that is neither a slash nor a dot', '/projects/%41', `${ACCOUNT}/projects/%41`],
    ['the unscoped /v1/me', '/v1/me', `${API}/v1/me`],
    ['v1/me without its leading slash', 'v1/me', `${API}/v1/me`],
    ['another API version', '/v2/me', `${API}/v2/me`],
    ['a full URL on the API host', `${API}/v1/me`, `${API}/v1/me`],
    ['a full URL on the API host, written in capitals', 'HTTPS://API.ACME.TEST/v1/me', `${API}/v1/me`],
    ['a full URL under the account, such as a links.self', `${ACCOUNT}/projects/90425`, `${ACCOUNT}/projects/90425`],
    ['a two-digit API version', '/v10/me', `${API}/v10/me`],
    ['the bare API version', '/v1', `${API}/v1`],
    ['an account path that only starts like a version', '/v1x/me', `${ACCOUNT}/v1x/me`],
    ['an account path with a version further in', '/projects/v1/me', `${ACCOUNT}/projects/v1/me`],
    ['a colon inside a path, which is no scheme', '/projects/a:b', `${ACCOUNT}/projects/a:b`],
  ])('accepts %s', (_case, input, url) => {
    expect(apiTarget(input, bases, EXAMPLE)).toEqual({ ok: true, url });
  });

  it.each([['\u0001'], ['\u001f'], ['\u0000']])('refuses a path with the control character %j', (character) => {
    expect(apiTarget(`/projects/1${character}2`, bases, EXAMPLE)).toEqual({ ok: false, problem: SPACES });
  });

  it('ignores several trailing slashes on the bases', () => {
    expect(apiTarget('/projects', { api: `${API}//`, account: `${ACCOUNT}//`, root: ROOT }, EXAMPLE)).toEqual({
      ok: true,
      url: `${ACCOUNT}/projects`,
    });
    expect(apiTarget('/v1/me', { api: `${API}//`, account: `${ACCOUNT}//`, root: ROOT }, EXAMPLE)).toEqual({
      ok: true,
      url: `${API}/v1/me`,
    });
  });

  it('puts every path under the account for an API without root paths, and names none in its messages', () => {
    const flat: ApiBases = { api: API, account: ACCOUNT };
    expect(apiTarget('/v1/me', flat, EXAMPLE)).toEqual({ ok: true, url: `${ACCOUNT}/v1/me` });
    expect(apiTarget('', flat, EXAMPLE)).toEqual({ ok: false, problem: `Path must be a path under the API, such as ${EXAMPLE}.` });
  });

  it('refuses an account path when the account base names another host than the API', () => {
    const elsewhere: ApiBases = { api: API, account: 'https://evil.example/example-it/v1', root: ROOT };
    expect(apiTarget('/projects', elsewhere, EXAMPLE)).toEqual({ ok: false, problem: `${ACCEPTED}.` });
    expect(apiTarget('/v1/me', elsewhere, EXAMPLE)).toEqual({ ok: true, url: `${API}/v1/me` });
  });

  it('ignores a trailing slash on the bases', () => {
    expect(apiTarget('/projects', { api: `${API}/`, account: `${ACCOUNT}/`, root: ROOT }, EXAMPLE)).toEqual({
      ok: true,
      url: `${ACCOUNT}/projects`,
    });
    expect(apiTarget('/v1/me', { api: `${API}/`, account: `${ACCOUNT}/`, root: ROOT }, EXAMPLE)).toEqual({ ok: true, url: `${API}/v1/me` });
  });

  it.each([
    ['another host', 'https://evil.example/x', OTHER_HOST],
    ['http:// on the API host', 'http://api.acme.test/v1/me', OTHER_HOST],
    ['another port on the API host', 'https://api.acme.test:8443/v1/me', OTHER_HOST],
    // Only the API origin followed by "/", as typed, is accepted: even the default port spelled out is refused.
    [
      'a full URL on the API host with its default port spelled out (refused, though harmless)',
      'https://api.acme.test:443/v1/me',
      OTHER_HOST,
    ],
    ['a full URL on the API host without a path', API, OTHER_HOST],
    ['the API host as user info before another host', 'https://api.acme.test@evil.example/', OTHER_HOST],
    ['a host that starts like the API host', 'https://api.acme.test.evil.example/v1/me', OTHER_HOST],
    ['a scheme without slashes naming another host', 'https:evil.example/x', OTHER_HOST],
    ['another scheme', 'javascript:alert(1)', OTHER_HOST],
    ['a file URL', 'file:///etc/passwd', OTHER_HOST],
    ['a scheme-relative //host', '//evil.example/x', `${ACCEPTED}: "//" would name another host.`],
    ['a scheme-relative //host after spaces', '  //evil.example/x', `${ACCEPTED}: "//" would name another host.`],
    ['a .. segment', '/../v1/me', DOT_SEGMENTS],
    ['a .. segment after the version', '/v1/../x', DOT_SEGMENTS],
    ['a .. segment at the end', '/projects/..', DOT_SEGMENTS],
    ['a . segment', '/./projects', DOT_SEGMENTS],
    // A full URL is held to the same rules as a path: the URL parser must not resolve what a path would refuse.
    ['a .. segment in a full URL', `${API}/v1/../evil`, DOT_SEGMENTS],
    ['an encoded .. segment in a full URL', `${API}/example-it/v1/%2E%2E/%2E%2E/other-account/v1/projects`, ENCODED],
    ['a backslash right after the API host in a full URL', `${API}\\@evil.example/`, OTHER_HOST],
    ['a backslash in the path of a full URL', `${API}/\\evil.example/x`, SPACES],
    ['an encoded dot segment in a full URL, lower case', `${API}/v1/%2e%2e/evil`, ENCODED],
    ['an encoded .. segment', '/projects/%2e%2e/x', ENCODED],
    ['an encoded .. segment in capitals', '/%2E%2E/v1/me', ENCODED],
    ['an encoded slash, upper case', '/a%2Fb', ENCODED],
    ['an encoded slash, lower case', '/a%2fb', ENCODED],
    ['an encoded backslash', '/a%5Cb', ENCODED],
    ['an encoded NUL', '/projects%00', ENCODED],
    ['backslashes', '\\\\evil.example\\x', SPACES],
    ['a backslash after a slash', '/\\evil.example/x', SPACES],
    ['a backslash inside a path', '/projects\\..\\x', SPACES],
    ['a space inside a path', '/proj ects', SPACES],
    ['a tab inside a path', '/proj\tects', SPACES],
    ['a ? in the path', '/projects?filter[active]=true', QUERY],
    ['a # in the path', '/projects#top', QUERY],
    ['a ? in a full URL', `${API}/v1/me?x=1`, QUERY],
    ['an empty path', '   ', `${ACCEPTED}.`],
  ])('refuses %s', (_case, input, problem) => {
    expect(apiTarget(input, bases, EXAMPLE)).toEqual({ ok: false, problem });
  });

  it.each([
    EXAMPLE,
    'v1/me',
    `${API}/v1/me`,
    '/projects/%41',
    '/..projects',
    '/projects/..;/x',
    'evil.example/x',
    'api.acme.test@evil.example',
  ])('keeps %j on the API host, whatever it names', (input) => {
    const target = apiTarget(input, bases, EXAMPLE);
    expect(target.ok && new URL(target.url).origin).toBe(API);
  });
});
