#!/bin/sh
# Makes sure Debian's wrk (the load generator of bench.serve and bench.load) is installed; never
# downloaded or built from elsewhere. Prints the binary's path. Installs the `wrk` package with
# apt-get when it is missing and we may (root, or sudo without a password); otherwise says what
# to do and exits 1. $WRK names another binary to use instead.
if [ -n "${WRK:-}" ]; then
    if [ -x "$WRK" ]; then echo "$WRK"; exit 0; fi
    echo "WRK=$WRK is not an executable file" >&2; exit 1
fi
path=$(command -v wrk 2>/dev/null) && { echo "$path"; exit 0; }
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi
    if [ "$sudo" != none ]; then
        echo "Installing Debian's wrk for the serving benchmark (apt-get)..." >&2
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq --no-install-recommends wrk >&2
        path=$(command -v wrk 2>/dev/null) && { echo "$path"; exit 0; }
    fi
fi
echo "wrk is not installed and could not be installed here: install your system's wrk package" >&2
echo "(Debian: apt-get install wrk) or set WRK=/path/to/wrk." >&2
exit 1
