/**
 * The README's complete connector is the first code a newcomer copies: it is type-checked here
 * against the toolkit as it is, so that a renamed export or option cannot leave it behind.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const README = new URL('../README.md', import.meta.url);
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.test.json', import.meta.url));
/** Where the example is compiled as if it stood: a file of the toolkit's tests (it is never written). */
const EXAMPLE = fileURLToPath(new URL('readme-example.ts', import.meta.url));

const exampleCode = (): string => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf('```ts\n', readme.indexOf('## A complete connector')) + '```ts\n'.length;
  return readme.slice(start, readme.indexOf('\n```', start));
};

const typeErrorsOf = (code: string): string[] => {
  const { config } = ts.readConfigFile(TSCONFIG, (path) => ts.sys.readFile(path)) as { config: unknown };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(TSCONFIG));
  const host = ts.createCompilerHost(options);
  const real = ts.createCompilerHost(options);
  host.getSourceFile = (name, language, ...rest) =>
    name === EXAMPLE ? ts.createSourceFile(name, code, language) : real.getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === EXAMPLE || real.fileExists(name);
  const program = ts.createProgram([EXAMPLE], { ...options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === EXAMPLE)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
};

describe("the README's complete connector", () => {
  it('type-checks against the toolkit as it is', () => {
    expect(exampleCode()).toContain('export default {');
    expect(typeErrorsOf(exampleCode())).toEqual([]);
  }, 60000);

  it('would be caught if it used an option the toolkit does not have', () => {
    const drifted = exampleCode().replace("sort: '-create_time'", "sortBy: '-create_time'");
    expect(typeErrorsOf(drifted)).not.toEqual([]);
  }, 60000);
});
