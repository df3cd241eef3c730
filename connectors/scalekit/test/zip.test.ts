/**
 * `npm run zip -w connectors/scalekit` builds what `zapier-platform upload` sends for Scalekit:
 * the app with the toolkit bundled, core, and nothing of ScopeStack's, the sandbox or the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitionOf, entriesOf as entriesIn } from '../../../test/support/zip-contents.js';

const APP = fileURLToPath(new URL('..', import.meta.url));

const entriesOf = (zip: string): string[] => entriesIn(join(APP, 'build', zip));

describe('the Scalekit zip', () => {
  beforeAll(() => {
    // dist/ was built by the Scalekit validate of `npm test`.
    execFileSync('bash', ['zip.sh'], { cwd: APP, stdio: 'pipe' });
  }, 120000);

  it('holds the bundled app and core, and nothing of the toolkit sources, the sandbox, the tests or ScopeStack', () => {
    const entries = entriesOf('build.zip');
    expect(entries).toEqual(expect.arrayContaining(['dist/app.js', 'definition.json', 'node_modules/zapier-platform-core/package.json']));
    expect(
      entries.filter((entry) =>
        /^(sandbox|test|src|packages)\/|connector-toolkit|scopestack|^node_modules\/(chrono-node|p-retry)\/.*\.js$/i.test(entry),
      ),
    ).toEqual([]);
    expect(entriesOf('source.zip')).toEqual(expect.arrayContaining(['src/index.ts', 'package.json']));
  });

  it('ships the app the tests exercise: the bundled definition is the compiled one', () => {
    const unpacked = mkdtempSync(join(tmpdir(), 'scalekit-zip-'));
    try {
      execFileSync('unzip', ['-q', join(APP, 'build/build.zip'), '-d', unpacked]);
      expect(definitionOf(unpacked, 'dist/app.js')).toEqual(definitionOf(APP, 'dist/src/index.js'));
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  });
});
