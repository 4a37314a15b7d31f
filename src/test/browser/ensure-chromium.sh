#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are installed for the browser tests
# (DashboardPageTest). Installs them with apt-get when missing: as root directly, otherwise
# through `sudo -n`. Exits non-zero, with apt's output, when they cannot be installed.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$DRIVER" ]]; then
    echo "chromium and chromedriver present"
else
    if [[ "$(id -u)" -eq 0 ]]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "ensure-chromium: $CHROMIUM or $DRIVER is missing, and this user can neither install packages" >&2
        echo "(not root, no password-less sudo). Install them: apt-get install -y chromium chromium-driver" >&2
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    echo "ensure-chromium: installing chromium and chromium-driver"
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk
fi

"$CHROMIUM" --version
"$DRIVER" --version
