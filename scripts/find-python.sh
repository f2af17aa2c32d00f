#!/bin/sh
# Prints the path of a Python >= 3.12 to build .venv with, or explains what is missing.
# Order: $PYTHON if the user gave one; python3.13 / python3.12 / python3 on PATH;
# then interpreters installed through pyenv (whose shims may not answer without PYENV_VERSION).
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

if [ -n "${PYTHON:-}" ]; then
    if ok "$PYTHON"; then echo "$PYTHON"; exit 0; fi
    echo "PYTHON=$PYTHON is not a Python >= 3.12" >&2; exit 1
fi
for name in python3.13 python3.12 python3; do
    path=$(command -v "$name" 2>/dev/null) || continue
    if ok "$path"; then echo "$path"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root)
    for path in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
        if ok "$path"; then echo "$path"; exit 0; fi
    done
fi
echo "No Python >= 3.12 found. Install one, or run: make PYTHON=/path/to/python3.12 ..." >&2
exit 1
