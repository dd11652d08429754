#!/usr/bin/env bash
# Extracts the user-visible strings (tr(), _(), N_() in src/, and the XRC
# forms) into locale/cchc.pot and merges them into every locale/*.po.
# Translators then fill in the new entries. With --check, changes nothing and
# fails when a string of the program has no Vietnamese translation (a test).
set -euo pipefail
check=0
[ "${1:-}" = "--check" ] && check=1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ls forms/*.xrc >/dev/null 2>&1; then
    wxrc --gettext forms/*.xrc > "$tmp/forms_strings.cpp"
fi
find src -name '*.cpp' -o -name '*.h' | sort > "$tmp/files"
[ -f "$tmp/forms_strings.cpp" ] && echo "$tmp/forms_strings.cpp" >> "$tmp/files"
xgettext --from-code=UTF-8 --language=C++ --keyword=tr --keyword=FormatTr --keyword=_ --keyword=N_ \
    --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --add-comments=TRANSLATORS: \
    --package-name=cchc-desk --no-location --sort-output \
    -f "$tmp/files" -o "$tmp/cchc.pot"
sed -i "s|$tmp/||g" "$tmp/cchc.pot"
if [ "$check" = 1 ]; then
    # Every extracted string must be translated, none fuzzy.
    msgcmp "locale/vi.po" "$tmp/cchc.pot" >/dev/null 2>&1 || {
        msgcmp "locale/vi.po" "$tmp/cchc.pot" 2>&1 | head -20 >&2
        echo "locale/vi.po is missing translations: run scripts/update-po.sh and translate" >&2
        exit 1
    }
    stats=$(msgfmt --statistics --check-format -o /dev/null locale/vi.po 2>&1) || { echo "$stats" >&2; exit 1; }
    echo "$stats"
    case "$stats" in *fuzzy*|*untranslated*) echo "locale/vi.po has fuzzy or untranslated entries" >&2; exit 1;; esac
    exit 0
fi
cp "$tmp/cchc.pot" locale/cchc.pot
for po in locale/*.po; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output "$po" locale/cchc.pot
    msgattrib --no-obsolete -o "$po" "$po"
done
msgfmt --statistics --check-format -o /dev/null locale/vi.po
