#!/usr/bin/env bash
# The whole suite: lint, types, import contracts, then unit and integration tests.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/unit -q).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

echo "== ruff";          .venv/bin/ruff check .
echo "== mypy";          .venv/bin/mypy
echo "== fakes fit";     MYPYPATH=tests/unit .venv/bin/mypy tests/unit/ports_fit.py
echo "== import rules";  .venv/bin/lint-imports --no-cache
echo "== pytest";        .venv/bin/python -m pytest "$@"
