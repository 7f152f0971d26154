#!/usr/bin/env bash
# The main job: sets everything up (see setup.sh) and opens the MogUp wizard on a fresh sandbox MogDB 2.0.1
# cluster (3 nodes, om install, MogHA running), built by `mogup --demo`; clicking Next through every page
# upgrades it to 2.0.3. Closing the wizard stops the sandbox.
#   run-demo.sh [--lang zh_CN|en]                    the wizard (needs a display: X11 or Wayland)
#   run-demo.sh --cli [--mode rolling|offline] [--keep]
#                                                    the same upgrade headless with mogup-cli, live log on
#                                                    the terminal (also what runs when there is no display)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=rolling
KEEP=0
CLI_DEMO=0
GUI_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --cli) CLI_DEMO=1; shift ;;
        --mode) MODE=$2; CLI_DEMO=1; shift 2 ;;
        --keep) KEEP=1; CLI_DEMO=1; shift ;;
        --lang) GUI_ARGS+=(--lang "$2"); shift 2 ;;
        *) echo "usage: $0 [--lang zh_CN|en] | --cli [--mode rolling|offline] [--keep]" >&2; exit 2 ;;
    esac
done
bash scripts/setup.sh
BUILD_DIR=${MOGUP_BUILD_DIR:-build}

if [ "$CLI_DEMO" -eq 0 ]; then
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        exec "$BUILD_DIR/bin/mogup" --demo "${GUI_ARGS[@]}"
    fi
    echo "No display (DISPLAY / WAYLAND_DISPLAY unset): the wizard cannot open here." >&2
    echo "Running the same upgrade headless with mogup-cli instead. With a display: bash scripts/run-demo.sh" >&2
fi

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
