#!/usr/bin/env bash
# Builds connectors/scalekit/build/build.zip as `zapier-platform upload` takes it, offline: the app
# and the toolkit bundled into dist/app.js (esbuild), beside a production install of core alone.
# The stage is a standalone app (no workspace), so the CLI finds every file under it.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PWD/../../node_modules/.bin:$PATH"
# The CLI reports each command to Zapier unless told not to; nothing here should.
export DISABLE_ZAPIER_ANALYTICS=1

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
esbuild dist/src/index.js --bundle --platform=node --format=esm --external:zapier-platform-core \
  --minify-whitespace --minify-syntax --log-level=error --tsconfig-raw='{}' --outfile="$stage/dist/app.js"
cp -r package.json .zapierapprc README.md CHANGELOG.md src triggers searches creates "$stage/"
printf 'node_modules/\nbuild/\n' > "$stage/.gitignore"
cd "$stage"
# The toolkit is inside dist/app.js; core is the one package Zapier's wrapper imports.
npm pkg set exports=./dist/app.js
npm pkg delete scripts._zapier-build dependencies.connector-toolkit
npm install --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --silent
zapier-platform build --skip-dep-install --skip-validation > /dev/null
mkdir -p "$OLDPWD/build"
cp build/build.zip build/source.zip "$OLDPWD/build/"
echo "connectors/scalekit/build/build.zip: $(du -k "$OLDPWD/build/build.zip" | cut -f1) KiB"
