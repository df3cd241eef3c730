/**
 * The toolkit names no service and no wire format outside its own: a second connector gets it
 * whole. ScopeStack's words (its name, its settings pages, its user types, its paths) and
 * JSON:API's (its name, media type, document members) would each say otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolkit = fileURLToPath(new URL('../src', import.meta.url));
const files = readdirSync(toolkit, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
/** The JSON:API wire format, the one place its words belong. */
const jsonApiFiles = new Set(['formats/json-api.ts', 'formats/json-api-format.ts']);

const SCOPESTACK_WORDS = [/scopestack/i, /Settings > Users/, /service (account|user)/i, /User Type/, /\/v1\/me/, /account[-_]slug/];
const JSON_API_WORDS = [/json:?api/i, /vnd\.api\+json/, /\/data\/(attributes|relationships)/, /page\[(number|size)\]/];

describe('toolkit', () => {
  it.each(files)('%s knows nothing of ScopeStack, nor of anything outside its package', (file) => {
    const source = readFileSync(join(toolkit, file), 'utf8');
    for (const word of SCOPESTACK_WORDS) expect(source).not.toMatch(word);
    // A relative import may climb at most out of steps/ or formats/ into src/.
    const depth = file.split('/').length - 1;
    for (const [, path = ''] of source.matchAll(/from '(\.[^']*)'/g)) {
      expect(path.split('/').filter((segment) => segment === '..').length).toBeLessThanOrEqual(depth);
    }
  });

  it.each(files.filter((file) => !jsonApiFiles.has(file)))('%s knows nothing of JSON:API', (file) => {
    const source = readFileSync(join(toolkit, file), 'utf8');
    for (const word of JSON_API_WORDS) expect(source).not.toMatch(word);
    expect(source).not.toMatch(/from '\.\/(formats\/)?json-api(-format)?\.js'|from '\.\.\/formats\/json-api/);
  });
});
