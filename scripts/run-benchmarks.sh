#!/usr/bin/env bash
# Sets everything up (see setup.sh), builds the benchmarks (bench/, not part of ctest), runs them against
# OpenSSH on a loopback sshd each starts for itself, prints their tables and ratios, and writes the same
# figures to BENCHMARKS.md. Exits non-zero if a benchmark failed to run (a goal not met is reported, not
# an error).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${MOGUP_BUILD_DIR:-build}
cmake --build "$BUILD_DIR" --target benchmarks --parallel "$(nproc)"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`bash scripts/run-benchmarks.sh\` (bench/, each benchmark against its own OpenSSH sshd on"
    echo "loopback, peers measured in the same run, ratios computed from the figures below)."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(uname -sr)"
    echo "- Peer: $(ssh -V 2>&1); server: the same OpenSSH's sshd; libssh2 $(pkg-config --modversion libssh2)"
    echo "- Commands: \`$BUILD_DIR/bin/bench_commands --count 500\`, \`$BUILD_DIR/bin/bench_upload --runs 3 --sweep\`"
    echo
} >"$out"

status=0
"$BUILD_DIR/bin/bench_commands" --count 500 --markdown "$out" || status=1
"$BUILD_DIR/bin/bench_upload" --runs 3 --sweep --markdown "$out" || status=1

# Findings written by hand (where the time goes) are kept: bench/FINDINGS.md is appended as it is.
if [ -f bench/FINDINGS.md ]; then
    cat bench/FINDINGS.md >>"$out"
fi
cp "$out" BENCHMARKS.md
echo
echo "Figures written to BENCHMARKS.md"
exit $status
