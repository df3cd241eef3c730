/**
 * `npm run zip` builds what `zapier-platform upload` sends: build.zip with the app and its
 * production dependencies only, and source.zip with the source a reviewer reads, no node_modules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitionOf, entriesOf as entriesIn } from '../support/zip-contents.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const entriesOf = (zip: string): string[] => entriesIn(join(ROOT, 'build', zip));

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
    expect(entries).toEqual(expect.arrayContaining(['dist/app.js', 'node_modules/zapier-platform-core/package.json']));
    expect(entries.filter((entry) => /^node_modules\/(jest|nock|typescript|eslint|zapier-platform-cli)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts'))).toEqual([]);
    // node-fetch's optional `encoding` (and iconv-lite) serve a call nothing makes; the app's own
    // dependencies are inside dist/app.js.
    expect(entries.filter((entry) => /^node_modules\/(encoding|iconv-lite)\/|^node_modules\/(chrono-node|p-retry)\/.*\.js$/.test(entry))).toEqual([]);
  });

  it('ships the app the tests exercise: the bundled definition is the compiled one, key for key', () => {
    const unpacked = mkdtempSync(join(tmpdir(), 'build-zip-'));
    try {
      execFileSync('unzip', ['-q', join(ROOT, 'build/build.zip'), '-d', unpacked]);
      expect(definitionOf(unpacked, 'dist/app.js')).toEqual(definitionOf(ROOT, 'dist/src/index.js'));
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  });

  it("stays within 1.2 times the size of Zapier's own template, as the bench last measured it", () => {
    const baseline = JSON.parse(readFileSync(join(ROOT, 'bench/baseline.json'), 'utf8')) as { metrics: { name: string; value: number }[] };
    const template = baseline.metrics.find((metric) => metric.name === 'template peer: build.zip size');
    expect(template).toBeDefined();
    expect(statSync(join(ROOT, 'build/build.zip')).size / 1024 / (template?.value ?? 0)).toBeLessThanOrEqual(1.2);
  });
});
