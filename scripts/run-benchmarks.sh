#!/usr/bin/env bash
# Sets everything up (see setup.sh), builds the benchmarks (bench/, not part of ctest), runs them against
# OpenSSH on a loopback sshd each starts for itself, prints their tables and ratios, and writes the same
# figures to BENCHMARKS.md. Exits non-zero if a benchmark failed to run (a goal not met is reported, not
# an error).
#   bash scripts/run-benchmarks.sh           all of them (rewrites BENCHMARKS.md)
#   bash scripts/run-benchmarks.sh logview   only benchmark 4, the live log view (no sshd): replaces its
#                                            section in the existing BENCHMARKS.md and leaves the others as they are
#   bash scripts/run-benchmarks.sh downtime  only benchmark 5, measured downtime rolling versus offline (two
#                                            sandboxes, no sshd), the same way
set -euo pipefail
cd "$(dirname "$0")/.."
only=${1:-all}
case "$only" in
    all | logview | downtime) ;;
    *) echo "usage: $0 [all|logview|downtime]" >&2; exit 2 ;;
esac
bash scripts/setup.sh
BUILD_DIR=${MOGUP_BUILD_DIR:-build}
# Benchmark 4 runs the widgets offscreen (no display needed).
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
LOGVIEW_CMD="QT_QPA_PLATFORM=offscreen $BUILD_DIR/bin/bench_logview --lines 1000000 --naive-lines 100000"
DOWNTIME_CMD="$BUILD_DIR/bin/bench_downtime --speed 60"
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")

# Runs benchmark 4 and appends its section (with the exact command and build type) to $1.
run_logview() {
    "$BUILD_DIR/bin/bench_logview" --lines 1000000 --naive-lines 100000 --markdown "$1" || return 1
    {
        echo "Command: \`$LOGVIEW_CMD\` (build type: ${build_type:-none}; $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); Qt $(qtpaths6 --qt-version 2>/dev/null || qmake6 -query QT_VERSION 2>/dev/null || echo '?'))."
        echo
    } >>"$1"
}

# Runs benchmark 5 (two sandboxes, upgraded rolling and offline, same speed) and appends its section to $1.
run_downtime() {
    $DOWNTIME_CMD --markdown "$1" || return 1
    {
        echo "Command: \`$DOWNTIME_CMD\` (build type: ${build_type:-none}; $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); load average $(cut -d' ' -f1-3 /proc/loadavg) when it ended)."
        echo
    } >>"$1"
}

if [ "$only" != all ]; then
    case "$only" in
        logview) heading='4\. Live log view' ;;
        downtime) heading='5\. Measured downtime' ;;
    esac
    cmake --build "$BUILD_DIR" --target "bench_$only" --parallel "$(nproc)"
    section=$(mktemp)
    trap 'rm -f "$section"' EXIT
    "run_$only" "$section"
    touch BENCHMARKS.md
    # Drop the old section; put the new one before the hand-written findings (or at the end).
    python3 - "$section" "$heading" <<'PY'
import re, sys
new = open(sys.argv[1], encoding="utf-8").read()
text = open("BENCHMARKS.md", encoding="utf-8").read()
text = re.sub(r"^## " + sys.argv[2] + r"[^\n]*\n.*?(?=^## |\Z)", "", text, flags=re.S | re.M)
marker = "## Where the time goes"
i = text.find(marker)
text = text + ("" if text.endswith("\n\n") or not text else "\n") + new if i < 0 else text[:i] + new + text[i:]
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
PY
    echo
    echo "Section \"$only\" written to BENCHMARKS.md"
    exit 0
fi

cmake --build "$BUILD_DIR" --target benchmarks --parallel "$(nproc)"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`bash scripts/run-benchmarks.sh\` (bench/, each benchmark against its own OpenSSH sshd on"
    echo "loopback, peers measured in the same run, ratios computed from the figures below; benchmark 4, the live log"
    echo "view, needs no sshd: widgets offscreen, its naive peer in the same run)."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(uname -sr)"
    echo "- Peer: $(ssh -V 2>&1); server: the same OpenSSH's sshd; libssh2 $(pkg-config --modversion libssh2)"
    echo "- Commands: \`$BUILD_DIR/bin/bench_commands --count 500\`, \`$BUILD_DIR/bin/bench_upload --runs 3 --sweep\`, \`$LOGVIEW_CMD\`, \`$DOWNTIME_CMD\`"
    echo
} >"$out"

status=0
"$BUILD_DIR/bin/bench_commands" --count 500 --markdown "$out" || status=1
"$BUILD_DIR/bin/bench_upload" --runs 3 --sweep --markdown "$out" || status=1
run_logview "$out" || status=1
run_downtime "$out" || status=1

# Findings written by hand (where the time goes) are kept: bench/FINDINGS.md is appended as it is.
if [ -f bench/FINDINGS.md ]; then
    cat bench/FINDINGS.md >>"$out"
fi
cp "$out" BENCHMARKS.md
echo
echo "Figures written to BENCHMARKS.md"
exit $status
