/**
 * What a second connector cost: lines the toolkit gained since the Scalekit connector began
 * (the goal is none beyond bug fixes: the seam carries it), and each app's own lines per step.
 * Lines are non-blank lines of TypeScript; an app's lines are its `src/`, `triggers/`, `searches/`
 * and `creates/`, steps are every trigger, search and create it registers.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

const linesOf = (folder: string): number =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .reduce(
      (sum, file) =>
        sum +
        readFileSync(join(ROOT, folder, file), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '').length,
      0,
    );

const appLines = (root: string): number =>
  ['src', 'triggers', 'searches', 'creates'].reduce((sum, folder) => sum + linesOf(join(root, folder)), 0);

interface Steps {
  triggers?: object;
  searches?: object;
  creates?: object;
}
const stepCount = (app: Steps): number =>
  Object.keys(app.triggers ?? {}).length + Object.keys(app.searches ?? {}).length + Object.keys(app.creates ?? {}).length;

const built = async (entry: string): Promise<Steps> => ((await import(join(ROOT, entry))) as { default: Steps }).default;

/** Lines added to the toolkit's sources since the commit before the Scalekit connector's first, uncommitted changes included. */
const toolkitLinesAdded = (): number => {
  const first = git('log', '--diff-filter=A', '--format=%H', '--', 'connectors/scalekit/package.json').split('\n').at(-1) ?? '';
  if (first === '') return 0;
  return git('diff', '--numstat', `${first}~1`, '--', 'packages/toolkit/src')
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.split('\t')[0] ?? 0), 0);
};

export const measureConnectorCost = async (): Promise<Metric[]> => {
  const scopestack = await built('dist/src/index.js');
  const scalekit = await built('connectors/scalekit/dist/src/index.js');
  return [
    { name: 'connector cost: toolkit lines added for Scalekit', unit: 'lines', value: toolkitLinesAdded(), better: 'lower', exact: true },
    { name: 'connector cost: toolkit', unit: 'lines', value: linesOf('packages/toolkit/src'), better: 'lower', exact: true },
    {
      name: "connector cost: Scalekit app's own lines per step",
      unit: 'lines per step',
      value: appLines('connectors/scalekit') / stepCount(scalekit),
      better: 'lower',
    },
    {
      name: "connector cost: ScopeStack app's own lines per step",
      unit: 'lines per step',
      value: appLines('.') / stepCount(scopestack),
      better: 'lower',
    },
  ];
};
