/** Runs one of the project's TypeScript entry points in a fresh Node process, as `npm run` would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `cwd` defaults to the project; `env` replaces the environment (PATH and HOME are kept). */
export const runScript = (
  script: string,
  options: { cwd?: string; env?: Record<string, string>; args?: readonly string[] } = {},
): Promise<ScriptRun> =>
  new Promise((resolve, reject) => {
    const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env };
    const child = spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, script), ...(options.args ?? [])], {
      cwd: options.cwd ?? ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
