/**
 * `npm run zip` builds what `zapier-platform upload` sends: build.zip with the app and its
 * production dependencies only, and source.zip with the source a reviewer reads, no node_modules.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const entriesOf = (zip: string): string[] =>
  execFileSync('unzip', ['-Z1', join(ROOT, 'build', zip)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
    .split('\n')
    .filter(Boolean);

describe('npm run zip', () => {
  beforeAll(() => {
    // dist/ was built by `npm run validate` at the start of `npm test`.
    execFileSync('bash', ['bin/zip.sh'], { cwd: ROOT, env: { ...process.env, ZIP_SKIP_VALIDATE: '1' }, stdio: 'pipe' });
  }, 120000);

  it('puts the sources in source.zip, without node_modules or build output', () => {
    const entries = entriesOf('source.zip');
    expect(entries).toEqual(expect.arrayContaining(['src/index.ts', 'src/authentication.ts', 'package.json', 'package-lock.json']));
    expect(entries.filter((entry) => /^(node_modules|dist|build)\//.test(entry))).toEqual([]);
    expect(statSync(join(ROOT, 'build/source.zip')).size).toBeLessThan(512 * 1024);
  });

  it('puts the built app and only production dependencies in build.zip', () => {
    const entries = entriesOf('build.zip');
    expect(entries).toEqual(expect.arrayContaining(['dist/src/index.js', 'node_modules/zapier-platform-core/package.json']));
    expect(entries.filter((entry) => /^node_modules\/(jest|nock|typescript|eslint|zapier-platform-cli)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts'))).toEqual([]);
  });
});
