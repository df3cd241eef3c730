// Where jest finds `connector-toolkit/<module>.js`: from the built app (dist/), the toolkit's build,
// as Node finds it, so end-to-end tests run the code Zapier runs; from any source file, the
// toolkit's sources, so unit tests need no build. (jest 29 reads no subpath patterns in `exports`.)
const { join } = require('node:path');

const TOOLKIT = /^connector-toolkit\/(.+)\.js$/;
const ROOT = __dirname;

module.exports = (request, options) => {
  const match = TOOLKIT.exec(request);
  if (!match) return options.defaultResolver(request, options);
  const built = options.basedir.startsWith(join(ROOT, 'dist')) || options.basedir.startsWith(join(ROOT, 'packages/toolkit/dist'));
  return built ? join(ROOT, 'packages/toolkit/dist', `${match[1]}.js`) : join(ROOT, 'packages/toolkit/src', `${match[1]}.ts`);
};
