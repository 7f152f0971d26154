#!/usr/bin/env bash
# Sets everything up (see setup.sh), builds, and runs the whole test suite through ctest.
# Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${MOGUP_BUILD_DIR:-build}
# Tests start their own sandboxes on free ports, so two run side by side.
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900 </dev/null
