import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolkit = fileURLToPath(new URL('../../../src/toolkit', import.meta.url));
const files = readdirSync(toolkit, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

describe('toolkit', () => {
  it.each(files)('%s knows nothing of ScopeStack or the steps', (file) => {
    const source = readFileSync(join(toolkit, file), 'utf8');
    expect(source).not.toMatch(/scopestack/i);
    expect(source).not.toMatch(/from '\.\.\/\.\.\/(triggers|searches|creates)|from '\.\.\/(scopestack|authentication|index)/);
  });
});
