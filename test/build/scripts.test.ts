/** The npm scripts a developer runs do each job once, in an order that works on a fresh clone. */
import { readdirSync, readFileSync } from 'node:fs';

const { scripts, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  version: string;
};

describe('npm scripts', () => {
  it("never let the Zapier CLI report usage to Zapier's servers", () => {
    const cli = Object.entries(scripts).filter(([, command]) => /\bzapier-platform /.test(command));
    expect(cli.filter(([, command]) => !command.startsWith('DISABLE_ZAPIER_ANALYTICS=1 '))).toEqual([]);
    for (const file of ['../../bin/zip.sh', '../../.ci/run']) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8')).toContain('\nexport DISABLE_ZAPIER_ANALYTICS=1\n');
    }
    expect(readFileSync(new URL('../../bench/template-peer.bench.ts', import.meta.url), 'utf8')).toContain("DISABLE_ZAPIER_ANALYTICS: '1'");
  });

  it('validates with the CLI alone, which builds dist/ once through _zapier-build', () => {
    expect(scripts['validate']).toBe('DISABLE_ZAPIER_ANALYTICS=1 FORCE_COLOR=0 zapier-platform validate --without-style');
    expect(scripts['_zapier-build']).toBe('npm run build');
  });

  it('builds the toolkit package first, then the app beside dist/ and swaps it in, so an interrupted build leaves the last dist/ whole', () => {
    expect(scripts['build']).toBe(
      'rimraf .dist-next packages/toolkit/dist && tsc -p packages/toolkit/tsconfig.json && ' +
        "tsc -p tsconfig.json --outDir .dist-next && rimraf dist && node -e \"require('node:fs').renameSync('.dist-next', 'dist')\"",
    );
  });

  it('keeps the first npm ci to errors: its engine warnings on an older Node are expected', () => {
    expect(readFileSync(new URL('../../.npmrc', import.meta.url), 'utf8')).toMatch(/^loglevel=error$/m);
  });

  it('runs the static checks before anything is built, so they pass on a fresh clone', () => {
    const steps = (scripts['test'] ?? '').split(' && ');
    expect(steps.indexOf('npm run check')).toBe(0);
    expect(scripts['check']).toBe('tsc -p tsconfig.test.json --noEmit && eslint . && prettier --check . && knip');
  });
});

describe('release hygiene', () => {
  it('has a CHANGELOG section for the version in package.json, as `zapier-platform promote` reads it', () => {
    const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\n\n\\S`, 'm'));
  });

  it('keeps the README a front page: the two commands first, every page of docs/ linked', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme.split('\n').slice(2, 6).filter((line) => line.startsWith('npm ci && npm '))).toEqual([
      expect.stringMatching(/^npm ci && npm start /) as unknown,
      expect.stringMatching(/^npm ci && npm test /) as unknown,
    ]);
    const pages = readdirSync(new URL('../../docs/', import.meta.url)).filter((file) => file.endsWith('.md'));
    expect(pages.filter((page) => !readme.includes(`](docs/${page})`))).toEqual([]);
    expect(readme.split('\n').length).toBeLessThan(300);
  });
});
