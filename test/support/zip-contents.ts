/** What a built zip holds, read with `unzip`, and what an app module defines, read in a process of its own (as Zapier loads it). */
import { execFileSync } from 'node:child_process';

export const entriesOf = (zip: string): string[] =>
  execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
    .split('\n')
    .filter(Boolean);

/** The app definition `entry` exports, as JSON (functions left out), loaded with its own copy of core. */
export const definitionOf = (cwd: string, entry: string): unknown =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const app = (await import('./${entry}')).default; console.log(JSON.stringify(app));`],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    ),
  );
