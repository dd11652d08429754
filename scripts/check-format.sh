#!/usr/bin/env bash
# Checks that every C++ file of src/, tests/, bench/ and fuzz/ is formatted as
# .clang-format says, with the clang-format of Debian 12 (clang-format-14,
# installed by scripts/setup.sh). With --fix, formats them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
cf=$(command -v clang-format-14 || true)
if [ -z "$cf" ]; then
    echo "clang-format-14 is missing: run scripts/setup.sh" >&2
    exit 1
fi
mapfile -t files < <(git ls-files -- 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' 'bench/*.h' 'bench/*.cpp' 'fuzz/*.h' 'fuzz/*.cpp' 2>/dev/null ||
    find src tests bench fuzz -name '*.h' -o -name '*.cpp')
if [ "${1:-}" = "--fix" ]; then
    "$cf" -i --style=file "${files[@]}"
    exit 0
fi
"$cf" --dry-run --Werror --style=file "${files[@]}"
echo "${#files[@]} files formatted as .clang-format says"
