/** The npm scripts a developer runs do each job once, in an order that works on a fresh clone. */
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('npm scripts', () => {
  it('validates with the CLI alone, which builds dist/ once through _zapier-build', () => {
    expect(scripts['validate']).toBe('zapier-platform validate --without-style');
    expect(scripts['_zapier-build']).toBe('npm run build');
  });

  it('runs the static checks before anything is built, so they pass on a fresh clone', () => {
    const steps = (scripts['test'] ?? '').split(' && ');
    expect(steps.indexOf('npm run check')).toBe(0);
    expect(scripts['check']).toBe('tsc -p tsconfig.test.json --noEmit && eslint . && prettier --check . && knip');
  });
});
