#!/usr/bin/env bash
# Sets everything up (see setup.sh), builds a sandbox MogDB 2.0.1 cluster (3 nodes, om install,
# MogHA running) and upgrades it to 2.0.3 with mogup-cli, streaming the live log.
#   run-demo.sh [--mode rolling|offline] [--keep]   (--keep leaves the sandbox running afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=rolling
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --mode) MODE=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "usage: $0 [--mode rolling|offline] [--keep]" >&2; exit 2 ;;
    esac
done
bash scripts/setup.sh
BUILD_DIR=${MOGUP_BUILD_DIR:-build}
CLI="$BUILD_DIR/bin/mogup-cli"
DEMO_DIR=${MOGUP_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mogup/demo-cluster}

"$CLI" demo stop "$DEMO_DIR" >/dev/null 2>&1 || true
rm -rf "$DEMO_DIR"
"$CLI" demo init "$DEMO_DIR"
if [ "$KEEP" -eq 0 ]; then
    trap '"$CLI" demo stop "$DEMO_DIR"' EXIT
fi
YES=()
if [ ! -t 0 ]; then
    YES=(--yes)   # nobody to ask
fi
status=0
"$CLI" upgrade --profile "$DEMO_DIR/profile.json" --mode "$MODE" "${YES[@]}" || status=$?
"$CLI" status --profile "$DEMO_DIR/profile.json"
if [ "$KEEP" -eq 1 ]; then
    echo "The sandbox keeps running in $DEMO_DIR; stop it with: $CLI demo stop $DEMO_DIR"
fi
exit $status
