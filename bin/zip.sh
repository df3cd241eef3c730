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
(cd "$stage" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --silent)
# dist/ is already built and the stage has no compiler: drop the build hook there.
(cd "$stage" && npm pkg delete scripts._zapier-build)
# The CLI zips dist/ for build.zip by following imports, whatever .gitignore says; source.zip follows .gitignore.
(cd "$stage" && zapier-platform build --skip-dep-install --skip-validation)
mkdir -p build
cp "$stage/build/build.zip" "$stage/build/source.zip" build/
echo "build/build.zip: $(du -k build/build.zip | cut -f1) KiB; build/source.zip: $(du -k build/source.zip | cut -f1) KiB"
