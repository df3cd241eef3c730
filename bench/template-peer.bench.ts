/**
 * Template peer: Zapier's own TypeScript session-auth template, generated, installed and built in
 * this run, then measured like our app: cold start of its built entry (the same probe as
 * cold-start.bench.ts) and its build.zip, staged and zipped the way bin/zip.sh zips ours. The
 * ratios ours : template say what our app costs beyond the smallest app Zapier would start from.
 *
 * Needs the npm registry (the template's dependencies); the template itself is generated offline.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ZIP, zipSizeOf } from './bundle-size.bench.js';
import { COLD_START_RUNS, coldStartOf } from './cold-start.bench.js';
import type { Metric } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'node_modules/.bin/zapier-platform');
/** Installs and builds talk to the registry: give up rather than hang the bench. */
const STEP_TIMEOUT_MS = 5 * 60 * 1000;

const exec = promisify(execFile);

/** Runs one step in `cwd`; a failure names the step and carries its output. */
const step = async (cwd: string, command: string, args: readonly string[]): Promise<string> => {
  try {
    // The CLI reports each command to Zapier unless told not to.
    const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' };
    const { stdout } = await exec(command, args, { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 2 ** 20 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`template peer: \`${[command, ...args].join(' ')}\` failed in ${cwd}:\n${stdout}${stderr}`, { cause: error });
  }
};

interface PackageJson {
  dependencies?: Record<string, string>;
}

const readPackage = (dir: string): PackageJson => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** Installed production packages under `dir`, the project itself not counted. */
const productionDependencies = async (dir: string): Promise<number> => {
  const paths = await step(dir, 'npm', ['ls', '--omit=dev', '--all', '--parseable']);
  return paths.split('\n').filter((line) => line.trim() !== '').length - 1;
};

/** The template's build.zip, staged with production dependencies only, as bin/zip.sh stages ours. */
const zipTemplate = async (app: string, stage: string): Promise<string> => {
  for (const entry of ['package.json', 'package-lock.json', '.gitignore', 'README.md', 'tsconfig.json', 'src', 'dist']) {
    cpSync(join(app, entry), join(stage, entry), { recursive: true });
  }
  // The CLI's build test misses the `require.mjs` files that core's dependencies import, as it does
  // for ours: the template gets our `.zapierapprc` rule for them, or its build fails.
  const { includeInBuild } = JSON.parse(readFileSync(join(ROOT, '.zapierapprc'), 'utf8')) as { includeInBuild?: string[] };
  writeFileSync(join(stage, '.zapierapprc'), `${JSON.stringify({ includeInBuild }, null, 2)}\n`);
  // `npm ci` refuses the lock file that the template's `npm install` writes (rollup's optional
  // platform packages are left out of it); `npm install` with that lock file installs the same tree.
  await step(stage, 'npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  await step(stage, 'npm', ['pkg', 'delete', 'scripts._zapier-build']);
  await step(stage, CLI, ['build', '--skip-dep-install', '--skip-validation']);
  return join(stage, 'build/build.zip');
};

export const measureTemplatePeer = async (): Promise<Metric[]> => {
  const ourCore = readPackage(ROOT).dependencies?.['zapier-platform-core'];
  if (!ourCore) throw new Error('template peer: package.json has no zapier-platform-core dependency.');
  const ourDependencies = await productionDependencies(ROOT);
  const work = mkdtempSync(join(tmpdir(), 'bench-template-peer-'));
  try {
    console.error('bench: generating, installing and building the session-auth template …');
    const app = join(work, 'app');
    await step(work, CLI, ['init', app, '--template', 'session-auth', '--language', 'typescript', '--module', 'esm']);
    const templateCore = readPackage(app).dependencies?.['zapier-platform-core'];
    if (templateCore !== ourCore) {
      console.error(`bench: the template pins zapier-platform-core ${templateCore ?? '(none)'}; measuring it with ours, ${ourCore}.`);
      await step(app, 'npm', ['pkg', 'set', `dependencies.zapier-platform-core=${ourCore}`]);
    }
    await step(app, 'npm', ['install', '--no-audit', '--no-fund']);
    await step(app, 'npm', ['run', 'build', '--silent']);

    const stage = join(work, 'stage');
    const templateZip = await zipTemplate(app, stage);
    const templateDependencies = await productionDependencies(stage);
    // Both apps in the same run, one after the other, so the ratio compares like with like.
    const ours = coldStartOf('dist/src/index.js', ROOT);
    const theirs = coldStartOf('dist/index.js', stage);
    const ourZip = zipSizeOf(ZIP);
    const theirZip = zipSizeOf(templateZip);
    return [
      { name: 'template peer: import dist/index.js', unit: `ms, median of ${COLD_START_RUNS}`, value: theirs.ms, better: 'lower' },
      { name: 'template peer: spread of the import time', unit: 'ms, third minus first quartile', value: theirs.spreadMs, better: 'lower' },
      { name: 'template peer: RSS after import', unit: 'MiB', value: theirs.rss / 2 ** 20, better: 'lower' },
      { name: 'template peer: build.zip size', unit: 'KiB', value: theirZip / 1024, better: 'lower' },
      { name: 'template peer: cold start, ours : template', unit: 'x', value: ours.ms / theirs.ms, better: 'lower' },
      { name: 'template peer: RSS, ours : template', unit: 'x', value: ours.rss / theirs.rss, better: 'lower' },
      { name: 'template peer: build.zip size, ours : template', unit: 'x', value: ourZip / theirZip, better: 'lower' },
      { name: 'template peer: our production dependencies', unit: 'packages', value: ourDependencies, better: 'lower', exact: true },
      { name: 'template peer: its production dependencies', unit: 'packages', value: templateDependencies, better: 'lower', exact: true },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
