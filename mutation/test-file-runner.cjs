/**
 * Jest's runner, made to run a mutant's tests the way Stryker would want them but jest cannot be
 * told programmatically: only the files that hold them, the quickest first, and no further once
 * one of them fails.
 *
 * Stryker passes the names of the tests covering a mutant as jest's `testNamePattern`; jest would
 * still load every test file (and the whole app each imports) only to skip most of them, and it
 * has no bail for a run started from code, so a killed mutant cost as much as a surviving one.
 * During Stryker's first run, the one that runs every test, this runner writes down which file
 * holds which test names and how long it took. A later run with a pattern loads only the files
 * holding a matching name, shortest first, and stops at the first file with a failing test: the
 * mutant is killed either way. A file it has no names for is always run, so no test is left out.
 */
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const TestRunner = require('jest-runner').default;

const catalogFile = (rootDir) => join(rootDir, 'build', 'mutation', 'test-files.json');

const readCatalog = (rootDir) => {
  try {
    return JSON.parse(readFileSync(catalogFile(rootDir), 'utf8'));
  } catch {
    return {};
  }
};

/** Written whole and renamed into place, so a runner reading it never sees half a file. */
const writeCatalog = (rootDir, catalog) => {
  const file = catalogFile(rootDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(catalog));
  renameSync(`${file}.${process.pid}`, file);
};

class TestFileRunner extends TestRunner {
  constructor(globalConfig, context) {
    super(globalConfig, context);
    this.pattern = globalConfig.testNamePattern ? new RegExp(globalConfig.testNamePattern, 'i') : undefined;
  }

  async runTests(tests, watcher, options) {
    const rootDir = tests[0]?.context.config.rootDir;
    if (rootDir === undefined) return super.runTests(tests, watcher, options);
    if (this.pattern === undefined) return this.recordingCatalog(rootDir, tests, watcher, options);
    const catalog = readCatalog(rootDir);
    const wanted = tests
      .filter((test) => catalog[test.path]?.names.some((name) => this.pattern.test(name)) ?? true)
      .sort((a, b) => (catalog[a.path]?.ms ?? 0) - (catalog[b.path]?.ms ?? 0));
    let failed = false;
    const stop = this.on('test-file-success', ([, result]) => {
      failed ||= result.numFailingTests > 0 || result.testExecError !== undefined;
    });
    try {
      for (const test of wanted) {
        await super.runTests([test], watcher, options);
        if (failed) break;
      }
    } finally {
      stop();
    }
  }

  async recordingCatalog(rootDir, tests, watcher, options) {
    const catalog = readCatalog(rootDir);
    const stop = this.on('test-file-success', ([test, result]) => {
      catalog[test.path] = {
        names: result.testResults.map((testCase) => testCase.fullName),
        ms: result.perfStats.end - result.perfStats.start,
      };
    });
    try {
      return await super.runTests(tests, watcher, options);
    } finally {
      stop();
      writeCatalog(rootDir, catalog);
    }
  }
}

module.exports = TestFileRunner;
