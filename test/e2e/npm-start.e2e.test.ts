/**
 * `npm start` (bin/main.ts) as a developer runs it: it says what it runs against and where its
 * settings came from, and exits non-zero when a step fails, with advice a person can follow.
 * Each run is in an empty folder, so a developer's own .env cannot change the outcome.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../support/run-script.js';

/** A loopback port with nothing listening on it. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });

const emptyFolder = (): string => mkdtempSync(join(tmpdir(), 'npm-start-'));

/** The step table: from its header line to the first blank line. */
const tableOf = (text: string): string => {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith('Step '));
  const end = lines.findIndex((line, index) => index > first && line.trim() === '');
  return lines.slice(first, end).join('\n');
};

/** The first code block of the README's `npm start` section. */
const readmeTable = (): string => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## What `npm start` does'));
  return tableOf(section.slice(section.indexOf('```\n') + 4, section.indexOf('\n```', section.indexOf('```\n') + 4)) + '\n');
};

/** The fidelity probe: from its heading to the Scalekit part. */
const probeOf = (text: string): string => text.slice(text.indexOf('Fidelity probe:'), text.indexOf('\nScalekit for Zapier')).trimEnd();

/** The Scalekit part's table and its totals line. */
const scalekitOf = (text: string): string => {
  const part = text.slice(text.indexOf('Scalekit for Zapier'));
  return part.slice(part.indexOf('Step ')).trimEnd();
};

/** The README's first code block after `marker`. */
const readmeBlockAfter = (marker: string): string => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf(marker));
  return section.slice(section.indexOf('```\n') + 4, section.indexOf('\n```', section.indexOf('```\n') + 4)).trimEnd();
};

/** The code block after the README's probe paragraph. */
const readmeProbe = (): string => readmeBlockAfter('Against the strict sandbox (checked by a test):');

describe('npm start', () => {
  it('runs the whole workflow against the embedded sandbox and exits 0', async () => {
    const run = await runScript('bin/main.ts', { cwd: emptyFolder() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('running against the embedded ScopeStack sandbox at http://127.0.0.1:');
    expect(run.stdout).toMatch(/\d+ steps, \d+ HTTP requests, 1 token renewal\(s\)\./);
    // The README shows what a developer will see.
    expect(readmeTable()).toBe(tableOf(run.stdout));
    expect(run.stdout).toMatch(
      /Fidelity probe: \d+ guessed read elements, one GET each \(page size 1\), \d+ HTTP requests, nothing written\./,
    );
    expect(readmeProbe()).toBe(probeOf(run.stdout));
    // Then the second connector, against its own sandbox.
    expect(run.stdout).toContain(
      'Scalekit for Zapier: running the onboarding workflow against the embedded Scalekit sandbox at http://127.0.0.1:',
    );
    expect(readmeBlockAfter('The Scalekit onboarding (checked by a test):')).toBe(scalekitOf(run.stdout));
  }, 60000);

  it('prints its usage for --help, and refuses an unknown option with it, without running anything', async () => {
    const help = await runScript('bin/main.ts', { cwd: emptyFolder(), args: ['--help'] });
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: npm start']);
    expect(help.stdout).not.toContain('sandbox at http');
    const unknown = await runScript('bin/main.ts', { cwd: emptyFolder(), args: ['--fast'] });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown option '--fast'[\s\S]*Usage: npm start/);
    expect(unknown.stdout).toBe('');
  });

  it('says when URLs in .env are not used because no credentials are set', async () => {
    const folder = emptyFolder();
    writeFileSync(join(folder, '.env'), 'SCOPESTACK_API_URL=https://staging.scopestack.example\n');
    const run = await runScript('bin/main.ts', { cwd: folder });
    expect(run.stdout).toContain(
      'SCOPESTACK_API_URL from .env is not used: it takes effect with authData_client_id and authData_client_secret',
    );
  }, 60000);

  it('names where the target and credentials came from, and how to start a local sandbox that is down', async () => {
    const folder = emptyFolder();
    const url = `http://127.0.0.1:${await closedPort()}`;
    writeFileSync(join(folder, '.env'), `SCOPESTACK_AUTH_URL=${url}\nSCOPESTACK_API_URL=${url}\nauthData_client_secret=from-the-file\n`);
    const run = await runScript('bin/main.ts', { cwd: folder, env: { authData_client_id: 'from-the-shell' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`running read-only against ScopeStack at ${url}`);
    expect(run.stdout).toContain(`API URL ${url} from .env; sign-in URL ${url} from .env`);
    expect(run.stdout).toContain('authData_client_id from the environment, authData_client_secret from .env');
    expect(run.stderr).toContain(`Nothing is listening at ${url}, a local address`);
    expect(run.stderr).toContain(`The ScopeStack sandbox at ${url} is not running. Start it with \`npm run sandbox\``);
    expect(run.stderr).not.toContain('Try again in a few minutes');
    expect(run.stdout + run.stderr).not.toContain('from-the-file');
  }, 60000);
});
