#!/usr/bin/env bash
# Builds build/build.zip as `zapier-platform push` would upload it, offline.
#
# `zapier-platform build` copies the whole project, dev dependencies included, before it
# installs production ones; here that copy runs out of file handles. So the app is staged
# with production dependencies only and built there with --skip-dep-install. Its remote
# style check needs Zapier's servers, hence --skip-validation after the local `validate`.
# The stage also holds the sources and .gitignore, so that source.zip (which the CLI builds from
# every file .gitignore lets through) carries the TypeScript a reviewer reads, not node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
# The CLI reports each command to Zapier unless told not to; nothing here should.
export DISABLE_ZAPIER_ANALYTICS=1

# ZIP_SKIP_VALIDATE=1 reuses a dist/ that `npm run validate` just built (the tests do, so as not to
# rebuild dist/ under suites that are reading it).
if [ "${ZIP_SKIP_VALIDATE:-}" != 1 ]; then npm run validate --silent; fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r package.json package-lock.json .zapierapprc .gitignore README.md tsconfig.json src triggers searches creates dist "$stage/"
# The toolkit is a workspace package: npm ci links it, and it arrives built.
mkdir -p "$stage/packages" && cp -r packages/toolkit "$stage/packages/"
# Optional packages are left out: in the production tree the only one is `encoding` (with iconv-lite,
# 180 KiB zipped), which node-fetch loads for `textConverted()` and neither core nor the app calls; it
# is installed here only because the CLI, a dev dependency, brings it.
(cd "$stage" && npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --silent)
# dist/ is already built and the stage has no compiler: drop the build hook there.
(cd "$stage" && npm pkg delete scripts._zapier-build)
# The app, the toolkit and their dependencies (chrono-node, p-retry) go in as one file: zipped, 120
# compiled modules and 60 of chrono's cost twice what one file does. Core stays a package, as Zapier's wrapper
# imports it. Identifiers are kept, so a stack trace in Zapier's logs still names functions.
esbuild "$stage/dist/src/index.js" --bundle --platform=node --format=esm --external:zapier-platform-core \
  --minify-whitespace --minify-syntax --log-level=warning --outfile="$stage/dist/app.js"
(cd "$stage" && npm pkg set exports=./dist/app.js)
# The CLI zips dist/ for build.zip by following imports, whatever .gitignore says; source.zip follows .gitignore.
(cd "$stage" && zapier-platform build --skip-dep-install --skip-validation)
mkdir -p build
cp "$stage/build/build.zip" "$stage/build/source.zip" build/
echo "build/build.zip: $(du -k build/build.zip | cut -f1) KiB; build/source.zip: $(du -k build/source.zip | cut -f1) KiB"
