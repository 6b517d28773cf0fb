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
echo "==> typecheck"
npx tsc
echo "==> unit and integration (PGlite + PostgreSQL)"
npx vitest run
echo "==> build"
npx remix build
echo "==> end-to-end (Chromium)"
npx playwright test
echo "==> whole suite passed in $(( $(date +%s) - started )) s"
