#!/usr/bin/env bash
# npm test: the whole suite. Typecheck, unit, integration on PGlite and on a
# real PostgreSQL, then end-to-end in Debian's Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: the end-to-end tests need Debian's build at /usr/bin/chromium." >&2
  echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "NOTE: PostgreSQL server binaries are missing; the PostgreSQL integration tests will be skipped." >&2
  echo "      Install them with: sudo apt-get install -y postgresql-15" >&2
  if [ -n "${CI:-}" ]; then echo "In CI nothing may be skipped." >&2; exit 1; fi
fi

started=$(date +%s)
echo "==> format (Prettier) and lint (ESLint with the layer rule)"
npx prettier --check . || { echo "Run npm run format to fix the formatting." >&2; exit 1; }
npx eslint .
echo "==> typecheck"
npx tsc
# The build comes first: the crash and embedded-database tests run the real server on it.
echo "==> build"
npx remix build
echo "==> unit and integration (PGlite + PostgreSQL), with the request fuzz and the kill -9 test"
mkdir -p reports
npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json
echo "==> end-to-end (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json
echo "==> whole suite passed in $(( $(date +%s) - started )) s"
# One closing line for the whole suite (vitest and Playwright counted together).
node -e '
const fs = require("fs");
const v = JSON.parse(fs.readFileSync("reports/vitest.json", "utf8"));
const p = JSON.parse(fs.readFileSync("reports/playwright.json", "utf8")).stats;
const passed = v.numPassedTests + p.expected;
const failed = v.numFailedTests + p.unexpected;
const skipped = v.numPendingTests + v.numTodoTests + p.skipped;
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'

