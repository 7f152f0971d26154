#!/usr/bin/env bash
# Installs what MogUp needs on Debian 12 (only the packages that are missing), then configures and
# builds into ./build. Used by run-demo.sh, run-tests.sh and CI; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev libssh2-1-dev
    openssh-server openssh-client sudo poppler-utils fonts-noto-cjk
    bzip2 tar procps
    # useradd and chpasswd: the SSH tests' password-login user (tests/SshdFixture). Under CI=true a test
    # whose precondition is missing fails instead of skipping, so everything they need is listed here.
    passwd
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
        SUDO=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

BUILD_DIR=${MOGUP_BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
