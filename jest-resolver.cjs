// Where jest finds `connector-toolkit/<module>.js`: from a built app (dist/, connectors/*/dist/), the toolkit's build,
// as Node finds it, so end-to-end tests run the code Zapier runs; from any source file, the
// toolkit's sources, so unit tests need no build. (jest 29 reads no subpath patterns in `exports`.)
const { join, relative } = require('node:path');

const TOOLKIT = /^connector-toolkit\/(.+)\.js$/;
const ROOT = __dirname;
/** The builds, as paths from the project's root. */
const BUILT = /^(dist|packages\/toolkit\/dist|connectors\/[^/]+\/dist)(\/|$)/;

module.exports = (request, options) => {
  const match = TOOLKIT.exec(request);
  if (!match) return options.defaultResolver(request, options);
  const built = BUILT.test(relative(ROOT, options.basedir));
  return built ? join(ROOT, 'packages/toolkit/dist', `${match[1]}.js`) : join(ROOT, 'packages/toolkit/src', `${match[1]}.ts`);
};
