#!/usr/bin/env bash
# Builds build/build.zip as `zapier-platform push` would upload it, offline.
#
# `zapier-platform build` copies the whole project, dev dependencies included, before it
# installs production ones; here that copy runs out of file handles. So the app is staged
# with production dependencies only and built there with --skip-dep-install. Its remote
# style check needs Zapier's servers, hence --skip-validation after the local `validate`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

npm run validate --silent
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r package.json package-lock.json .zapierapprc dist "$stage/"
(cd "$stage" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --silent)
# dist/ is already built and the stage has no compiler: drop the build hook there.
(cd "$stage" && npm pkg delete scripts._zapier-build)
(cd "$stage" && zapier-platform build --skip-dep-install --skip-validation)
mkdir -p build
cp "$stage/build/build.zip" "$stage/build/source.zip" build/
echo "build/build.zip: $(du -k build/build.zip | cut -f1) KiB"
