#!/usr/bin/env bash
# Cross-builds CCHC Desk for Windows (x86_64-w64-mingw32) on a Debian or
# Ubuntu machine, from Debian's own source packages of every library:
#
#   scripts/build-windows.sh [--jobs N] [--cache DIR] [--only STAGE]
#
# Stages, each skipped when its result is already in the cache:
#   tools     the cross compiler, meson, nsis and dpkg-dev (Debian packages)
#   sources   `apt-get source` of every library into DIR/src, through a
#             deb-src entry made from the machine's own apt sources (the same
#             URIs and suites), removed again at the end
#   libs      each library built statically into DIR/prefix
#
# The cache (default ~/.cache/cchc-windows) is kept between runs: a second
# run reuses the sources and the libraries built. What is built so far is
# the toolchain's base (zlib, libpng, expat, SQLite, wxMSW) and glib's first
# dependencies (pcre2, libffi) and fribidi; the rest of the chain, the program and the
# installer are not yet built by this script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

jobs=$(nproc)
cache=${CCHC_WINDOWS_CACHE:-$HOME/.cache/cchc-windows}
only=""
while (($#)); do
    case "$1" in
        --jobs) jobs="$2"; shift 2 ;;
        --cache) cache="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        *) echo "usage: $0 [--jobs N] [--cache DIR] [--only tools|sources|libs]" >&2; exit 2 ;;
    esac
done

host=x86_64-w64-mingw32
src="$cache/src"
work="$cache/build"
prefix="$cache/prefix"
mkdir -p "$src" "$work" "$prefix"
started=$(date +%s)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

say() { printf '== %s\n' "$*"; }
wanted() { [ -z "$only" ] || [ "$only" = "$1" ]; }

# ------------------------------------------------------------------ tools
tools=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools nsis meson
       dpkg-dev pkgconf tcl)
if wanted tools; then
    missing=()
    for p in "${tools[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    if ((${#missing[@]})); then
        say "installing ${missing[*]}"
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"
    fi
fi
export CC=$host-gcc-posix CXX=$host-g++-posix AR=$host-ar RANLIB=$host-ranlib
export STRIP=$host-strip WINDRES=$host-windres RC=$host-windres

# ---------------------------------------------------------------- sources
# Source packages, in build order: "package directory-prefix".
packages=(
    "zlib zlib-"
    "libpng1.6 libpng1.6-"
    "expat expat-"
    "sqlite3 sqlite3-"
    "wxwidgets3.2 wxwidgets3.2-"
    # The rest of the chain, fetched for the stages still to come.
    "pixman pixman-"
    "cairo cairo-"
    "pcre2 pcre2-"
    "libffi libffi-"
    "gettext gettext-"
    "glib2.0 glib2.0-"
    "fribidi fribidi-"
    "freetype freetype-"
    "harfbuzz harfbuzz-"
    "pango1.0 pango1.0-"
    "fmtlib fmtlib-"
    "pugixml pugixml-"
    "nlohmann-json3 nlohmann-json3-"
    "libsodium libsodium-"
    "qrencode qrencode-"
    "libzip libzip-"
    "libxlsxwriter libxlsxwriter-"
    "openssl openssl-"
    "postgresql-15 postgresql-15-"
    "soci soci-"
    "icu icu-"
)

debsrc=/etc/apt/sources.list.d/cchc-windows-deb-src.sources
remove_debsrc() {
    if [ -f "$debsrc" ]; then
        "${sudo_cmd[@]}" rm -f "$debsrc"
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
    fi
}

# The machine's deb entries (deb822 and one-line) turned into deb-src ones.
make_debsrc() {
    local out
    out=$(mktemp)
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'BEGIN { RS = ""; ORS = "\n\n" }
             /(^|\n)Types:[^\n]*deb([ \n]|$)/ && !/(^|\n)Enabled: *no/ {
                 sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >>"$out"
    done
    if [ -f /etc/apt/sources.list ]; then
        grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
            awk '{ printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $2, $3;
                   for (i = 4; i <= NF; i++) printf " %s", $i; printf "\n\n" }' >>"$out" || true
    fi
    "${sudo_cmd[@]}" install -m 644 "$out" "$debsrc"
    rm -f "$out"
}

have_source() { compgen -G "$src/$1*/debian" >/dev/null; }

if wanted sources; then
    need=()
    for entry in "${packages[@]}"; do
        read -r pkg dir <<<"$entry"
        have_source "$dir" || need+=("$pkg")
    done
    if ((${#need[@]})); then
        say "fetching the sources of ${need[*]}"
        trap remove_debsrc EXIT
        make_debsrc
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        # The newest version first; where a mirror lacks it (a security
        # update not mirrored), the version of each suite of the machine's.
        suites=$(grep -h '^Suites:' "$debsrc" | sed 's/^Suites://' | tr ' ' '\n' | sed '/^$/d' |
            sort -u)
        failed=()
        for pkg in "${need[@]}"; do
            (cd "$src" && apt-get source -qq "$pkg" 2>/dev/null) && continue
            got=""
            for suite in $suites; do
                if (cd "$src" && apt-get source -qq "$pkg/$suite" 2>/dev/null); then
                    got=1
                    break
                fi
            done
            [ -n "$got" ] || failed+=("$pkg")
        done
        remove_debsrc
        trap - EXIT
        # A library whose source could not be fetched stops its own stage.
        ((${#failed[@]} == 0)) || echo "could not fetch the sources of: ${failed[*]}" >&2
    fi
fi

source_dir() {
    local d
    d=$(compgen -G "$src/$1*/debian" | head -n1)
    [ -n "$d" ] || { echo "no source of $1 in $src (run the sources stage)" >&2; exit 1; }
    dirname "$d"
}

# ------------------------------------------------------------------- libs
stamp() { echo "$prefix/.built-$1"; }

build_zlib() {
    local s
    s=$(source_dir zlib-)
    rm -rf "$work/zlib" && cp -a "$s" "$work/zlib"
    # Its configure as for a Unix static library (with the cross tools from
    # the environment; CHOST=mingw would ask for win32/, which the Debian
    # source leaves out).
    (cd "$work/zlib" && ./configure --static --prefix="$prefix" >configure.log &&
        make -j"$jobs" libz.a >make.log && make install >install.log)
}

# An autotools library, static, from its Debian source.
build_autotools() {
    local name=$1 dir=$2
    shift 2
    local s
    s=$(source_dir "$dir")
    rm -rf "$work/$name" && mkdir -p "$work/$name"
    (cd "$work/$name" &&
        CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" \
            PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" \
            "$s/configure" --host=$host --prefix="$prefix" --disable-shared \
            "$@" >configure.log &&
        make -j"$jobs" ${MAKE_VARS:-} >make.log && make ${MAKE_VARS:-} install >install.log)
}

toolchain="$root/cmake/mingw-w64-x86_64.cmake"
export CCHC_WINDOWS_PREFIX="$prefix"

# A CMake library, static, from its Debian source (the source's subdirectory
# holding CMakeLists.txt given as a third argument when it is not the top).
build_cmake() {
    local name=$1 dir=$2 sub=$3
    shift 3
    local s
    s=$(source_dir "$dir")
    rm -rf "$work/$name"
    cmake -S "$s/$sub" -B "$work/$name" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_INSTALL_PREFIX="$prefix" \
        -DBUILD_SHARED_LIBS=OFF "$@" >"$work/$name.configure.log"
    if [ "$name" = expat ]; then
        # Debian's security patches test "XML_DTD == 1", which its CMake
        # header defines empty (its autotools header says 1).
        sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' "$work/expat/expat_config.h"
    fi
    cmake --build "$work/$name" -j "$jobs" >"$work/$name.build.log"
    cmake --install "$work/$name" >"$work/$name.install.log"
}

# A Meson library, static, from its Debian source (never downloading a
# subproject: a missing dependency fails).
cross="$cache/meson-cross.ini"
cat >"$cross" <<EOF
[binaries]
c = '$host-gcc-posix'
cpp = '$host-g++-posix'
ar = '$host-ar'
strip = '$host-strip'
windres = '$host-windres'
pkg-config = 'pkg-config'
pkgconfig = 'pkg-config'

[properties]
pkg_config_libdir = '$prefix/lib/pkgconfig'

[host_machine]
system = 'windows'
cpu_family = 'x86_64'
cpu = 'x86_64'
endian = 'little'
EOF

build_meson() {
    local name=$1 dir=$2
    shift 2
    local s
    s=$(source_dir "$dir")
    rm -rf "$work/$name"
    env -u CC -u CXX -u AR -u RANLIB -u STRIP -u WINDRES -u RC \
        meson setup "$work/$name" "$s" --cross-file "$cross" --prefix "$prefix" \
        --libdir lib --default-library static --buildtype release -Dwrap_mode=nodownload "$@" \
        >"$work/$name.configure.log"
    ninja -C "$work/$name" -j "$jobs" >"$work/$name.build.log"
    ninja -C "$work/$name" install >"$work/$name.install.log"
}

# The amalgamation made on this machine (its generators are native
# programs), compiled by the cross compiler into a static library.
build_sqlite() {
    local s d="$work/sqlite3"
    s=$(source_dir sqlite3-)
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" && env -u CC -u CXX -u AR -u RANLIB -u STRIP -u WINDRES -u RC \
        "$s/configure" --disable-tcl --disable-readline >configure.log &&
        make -j"$jobs" sqlite3.c >make.log)
    "$CC" -O2 -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS \
        -DSQLITE_ENABLE_COLUMN_METADATA -c "$d/sqlite3.c" -o "$d/sqlite3.o"
    rm -f "$prefix/lib/libsqlite3.a"
    "$AR" rcs "$prefix/lib/libsqlite3.a" "$d/sqlite3.o"
    install -m 644 "$d/sqlite3.h" "$s/src/sqlite3ext.h" "$prefix/include/" 2>/dev/null ||
        install -m 644 "$d/sqlite3.h" "$prefix/include/"
    mkdir -p "$prefix/lib/pkgconfig"
    local version
    version=$(cat "$s/VERSION")
    printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: SQLite\nDescription: SQL database engine\nVersion: %s\nLibs: -L${libdir} -lsqlite3\nCflags: -I${includedir}\n' \
        "$prefix" "$version" >"$prefix/lib/pkgconfig/sqlite3.pc"
}

build_wx() {
    build_autotools wx wxwidgets3.2- --with-msw --disable-debug_flag --enable-unicode \
        --with-zlib=sys --with-libpng=sys --with-expat=sys --without-libtiff --without-libjpeg \
        --without-regex --disable-svg --disable-webview --disable-mediactrl --disable-stc --disable-richtext \
        --disable-compat30 --disable-tests
}

if wanted libs; then
    for lib in zlib libpng expat sqlite wx pcre2 libffi fribidi; do
        [ -f "$(stamp $lib)" ] && continue
        say "building $lib"
        t0=$(date +%s)
        case $lib in
            zlib) build_zlib ;;
            libpng) build_autotools libpng libpng1.6- ;;
            expat) build_cmake expat expat- expat -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
                -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF ;;
            sqlite) build_sqlite ;;
            wx) build_wx ;;
            pcre2) build_cmake pcre2 pcre2- . -DPCRE2_BUILD_PCRE2GREP=OFF -DPCRE2_BUILD_TESTS=OFF \
                -DPCRE2_SUPPORT_UNICODE=ON -DBUILD_STATIC_LIBS=ON ;;
            libffi) build_autotools libffi libffi- --disable-docs --disable-multi-os-directory ;;
            fribidi) build_meson fribidi fribidi- -Ddocs=false ;;
        esac
        touch "$(stamp $lib)"
        say "$lib built in $(($(date +%s) - t0)) s"
    done
fi

say "done in $(($(date +%s) - started)) s; cache $cache"
