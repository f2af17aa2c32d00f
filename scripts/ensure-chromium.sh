#!/bin/sh
# Makes sure Debian's Chromium is installed for the browser tests (never a browser downloaded by
# a test tool). Prints the binary's path. Installs the `chromium` package with apt-get when it is
# missing and we may (root, or sudo without a password); otherwise says what to do and exits 1.
# $CHROMIUM names another binary to use instead.
if [ -n "${CHROMIUM:-}" ]; then
    if [ -x "$CHROMIUM" ]; then echo "$CHROMIUM"; exit 0; fi
    echo "CHROMIUM=$CHROMIUM is not an executable file" >&2; exit 1
fi
for name in chromium chromium-browser; do
    path=$(command -v "$name" 2>/dev/null) && { echo "$path"; exit 0; }
done
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi
    if [ "$sudo" != none ]; then
        echo "Installing Debian's chromium for the browser tests (apt-get)..." >&2
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq --no-install-recommends chromium >&2
        path=$(command -v chromium 2>/dev/null) && { echo "$path"; exit 0; }
    fi
fi
echo "Chromium is not installed and could not be installed here: install your system's" >&2
echo "chromium package (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2
exit 1
