#!/usr/bin/env bash
# Cross-builds CCHC Desk for Windows (x86_64-w64-mingw32) on a Debian or
# Ubuntu machine, from Debian's own source packages of every library:
#
#   scripts/build-windows.sh [--jobs N] [--cache DIR] [--out DIR] [--only STAGE]
#
# Stages, each skipped when its result is already in the cache:
#   tools      the cross compiler, meson, nsis, dpkg-dev, fonts-liberation
#              (Debian packages)
#   sources    `apt-get source` of every library into DIR/src, through a
#              deb-src entry made from the machine's own apt sources (the same
#              URIs and suites), removed again at the end
#   libs       each library built statically into DIR/prefix
#   program    cchc.exe and cchc-desk.exe (the project's CMake, toolchain
#              file cmake/mingw-w64-x86_64.cmake), in DIR/build/cchc
#   installer  CCHCDesk-VERSION-setup.exe (NSIS) in the --out folder
#              (default build-windows/)
#
# The cache (default ~/.cache/cchc-windows) is kept between runs: a second
# run reuses the sources, the libraries and the program's objects.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

jobs=$(nproc)
cache=${CCHC_WINDOWS_CACHE:-$HOME/.cache/cchc-windows}
only=""
out="$root/build-windows"
while (($#)); do
    case "$1" in
        --jobs) jobs="$2"; shift 2 ;;
        --cache) cache="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "usage: $0 [--jobs N] [--cache DIR] [--out DIR] [--only tools|sources|libs|program|installer]" >&2
           exit 2 ;;
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
       dpkg-dev pkgconf tcl ninja-build cmake gettext wx-common fonts-liberation
       autoconf automake libtool)
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

# A source tree is unpacked with its debian/ folder, or from the upstream
# tarball alone (marked .orig-only) where the mirror lacks the Debian part.
have_source() { compgen -G "$src/$1*/debian" >/dev/null || compgen -G "$src/$1*/.orig-only" >/dev/null; }

# Where `apt-get source` fetched the upstream tarball but not the Debian
# part, the upstream tree alone serves (Debian's patches are packaging).
unpack_orig() {
    local pkg=$1 tarball
    tarball=$(compgen -G "$src/${pkg}_*.orig.tar.*" | grep -v '\.asc$' | head -n1) || return 1
    [ -n "$tarball" ] || return 1
    local top
    top=$(tar -tf "$tarball" | head -n1 | cut -d/ -f1)
    [ -n "$top" ] || return 1
    (cd "$src" && tar -xf "$tarball") && touch "$src/$top/.orig-only"
}

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
            [ -n "$got" ] || unpack_orig "$pkg" || failed+=("$pkg")
        done
        remove_debsrc
        trap - EXIT
        # A library whose source could not be fetched stops its own stage.
        ((${#failed[@]} == 0)) || echo "could not fetch the sources of: ${failed[*]}" >&2
    fi
fi

source_dir() {
    local d
    d=$( (compgen -G "$src/$1*/debian" || compgen -G "$src/$1*/.orig-only") | head -n1)
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

# An autotools library, static, from its Debian source (MAKE_DIR: only that
# subfolder built and installed; MAKE_VARS: given to make).
build_autotools() {
    local name=$1 dir=$2
    shift 2
    local s
    s=$(source_dir "$dir")
    if [ ! -x "$s/configure" ]; then
        # A source without its generated configure (Debian regenerates it
        # when packaging): a copy, autoreconf'd.
        rm -rf "$work/$name-src" && cp -a "$s" "$work/$name-src"
        s="$work/$name-src"
        (cd "$s" && autoreconf -fi >autoreconf.log 2>&1)
    fi
    rm -rf "$work/$name" && mkdir -p "$work/$name"
    (cd "$work/$name" &&
        CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" \
            PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" \
            "$s/configure" --host=$host --prefix="$prefix" --disable-shared \
            "$@" >configure.log &&
        make -C "${MAKE_DIR:-.}" -j"$jobs" ${MAKE_VARS:-} >make.log &&
        make -C "${MAKE_DIR:-.}" ${MAKE_VARS:-} install >install.log)
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
pkg-config = ['pkg-config', '--static']
pkgconfig = ['pkg-config', '--static']

[properties]
pkg_config_libdir = '$prefix/lib/pkgconfig'

[built-in options]
c_args = ['-I$prefix/include']
cpp_args = ['-I$prefix/include']
c_link_args = ['-L$prefix/lib']
cpp_link_args = ['-L$prefix/lib']

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

# libintl alone, from gettext-runtime (glib needs it on Windows, where the C
# library has no gettext).
build_intl() {
    local s d="$work/intl"
    # Debian's patches leave configure.ac newer than configure: the
    # generated files are used as they are.
    local noregen="ACLOCAL=: AUTOCONF=: AUTOMAKE=: AUTOHEADER=:"
    s=$(source_dir gettext-)
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" &&
        "$s/gettext-runtime/configure" --host=$host --prefix="$prefix" --disable-shared \
            --enable-static --disable-java --disable-csharp --disable-libasprintf --disable-c++ \
            --disable-nls-tools --enable-threads=windows >configure.log 2>&1 &&
        make -C intl -j"$jobs" $noregen >make.log 2>&1 &&
        make -C intl $noregen install >install.log 2>&1)
}

# Cairo 1.16 with its Windows surfaces and fonts (no fontconfig, FreeType or
# X), PDF and PNG.
build_cairo() {
    CFLAGS="-O2 -DCAIRO_WIN32_STATIC_BUILD" MAKE_DIR=src MAKE_VARS="ACLOCAL=: AUTOCONF=: AUTOMAKE=: AUTOHEADER=:" \
        build_autotools cairo cairo- --enable-static --enable-win32 --enable-win32-font \
        --enable-png --enable-pdf --enable-ps --disable-svg --disable-xlib --disable-xcb \
        --disable-ft --disable-fc --disable-script --disable-interpreter --disable-trace \
        --disable-gtk-doc --disable-valgrind --disable-full-testing --disable-symbol-lookup \
        --enable-gobject=yes
    # Its configure compiles with _FORTIFY_SOURCE, whose checks live in
    # libssp for mingw; its Windows surfaces need GDI: both for static users.
    sed -i 's/^Libs.private:.*/& -lgdi32 -lmsimg32 -lssp/' "$prefix/lib/pkgconfig/cairo.pc"
}

# ICU: its data tools run on this machine, so a native build of the tools
# comes first; the cross build uses them (--with-cross-build) and links its
# data into a static library.
build_icu() {
    local s native="$work/icu-native" cross_dir="$work/icu"
    s=$(source_dir icu-)/source
    rm -rf "$native" "$cross_dir" && mkdir -p "$native" "$cross_dir"
    (cd "$native" && env -u CC -u CXX -u AR -u RANLIB -u STRIP -u WINDRES -u RC \
        "$s/configure" --disable-tests --disable-samples --disable-extras >configure.log &&
        make -j"$jobs" >make.log 2>&1)
    (cd "$cross_dir" &&
        "$s/configure" --host=$host --prefix="$prefix" --with-cross-build="$native" \
            --enable-static --disable-shared --disable-tests --disable-samples --disable-extras \
            --disable-tools --disable-layoutex --with-data-packaging=static >configure.log &&
        make -j"$jobs" >make.log 2>&1 && make install >install.log 2>&1)
    # A static ICU for mingw names its libraries sicu*, and its data library
    # sicudt.a without "lib" (the one installed is the empty stub): the
    # real data, and .pc files with the names as installed.
    install -m 644 "$cross_dir/lib/sicudt.a" "$prefix/lib/libsicudt.a"
    sed -i 's/-licu\(uc\|dt\|in\|io\)\b/-lsicu\1/g' "$prefix"/lib/pkgconfig/icu-*.pc
}

# OpenSSL (for libpq's TLS), static, without its tests or documents.
build_openssl() {
    local s d="$work/openssl"
    s=$(source_dir openssl-)
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" && env -u CC -u CXX -u AR -u RANLIB \
        "$s/Configure" mingw64 --cross-compile-prefix=$host- --prefix="$prefix" --libdir=lib \
            no-shared no-tests no-module >configure.log 2>&1 &&
        env -u CC -u CXX -u AR -u RANLIB make -j"$jobs" build_libs >make.log 2>&1 &&
        env -u CC -u CXX -u AR -u RANLIB make install_dev >install.log 2>&1)
}

# PostgreSQL's client library alone, with its common and port libraries.
build_libpq() {
    local s d="$work/libpq"
    s=$(source_dir postgresql-15-)
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" &&
        CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" LIBS="-lcrypt32 -lws2_32" \
            "$s/configure" --host=$host --prefix="$prefix" --without-readline --without-zlib \
            --without-icu --with-ssl=openssl >configure.log 2>&1 &&
        make -C src/interfaces/libpq -j"$jobs" all-static-lib >make.log 2>&1 &&
        make -C src/common -j"$jobs" >>make.log 2>&1 && make -C src/port -j"$jobs" >>make.log 2>&1 &&
        make -C src/include install >install.log 2>&1 &&
        make -C src/interfaces/libpq install-lib-pc >>install.log 2>&1 &&
        # On Windows its libpq.a is the DLL's import library: the static
        # archive is made from its objects, whose own small pthread
        # functions are renamed (they would clash with winpthreads').
        rm -f "$prefix/lib/libpq.a" && mkdir -p pq-objects &&
        for sym in pthread_getspecific pthread_setspecific pthread_mutex_init pthread_mutex_lock \
            pthread_mutex_unlock pthread_self; do echo "$sym pq_$sym"; done >pq-objects/rename &&
        for o in $(ls src/interfaces/libpq/*.o | grep -v win32ver); do
            $host-objcopy --redefine-syms=pq-objects/rename "$o" "pq-objects/$(basename "$o")" || exit 1
        done &&
        "$AR" rcs "$prefix/lib/libpq.a" pq-objects/*.o &&
        install -m 644 "$s/src/interfaces/libpq/libpq-fe.h" "$s/src/interfaces/libpq/libpq-events.h" \
            "$s/src/include/postgres_ext.h" "$prefix/include/" &&
        install -m 644 src/include/pg_config_ext.h "$prefix/include/" &&
        install -m 644 src/common/libpgcommon.a src/port/libpgport.a "$prefix/lib/")
}

# libxlsxwriter's own Makefile (its CMake wants a minizip it bundles).
build_xlsxwriter() {
    build_cmake xlsxwriter libxlsxwriter- . -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
        -DUSE_SYSTEM_MINIZIP=OFF -DZLIB_ROOT="$prefix"
}

build_wx() {
    build_autotools wx wxwidgets3.2- --with-msw --disable-debug_flag --enable-unicode \
        --with-zlib=sys --with-libpng=sys --with-expat=sys --without-libtiff --without-libjpeg \
        --without-regex --disable-svg --disable-webview --disable-mediactrl --disable-stc --disable-richtext \
        --disable-compat30 --disable-tests
}

if wanted libs; then
    for lib in zlib libpng expat sqlite wx pcre2 libffi fribidi intl glib pixman harfbuzz \
        cairo pango sodium libzip xlsxwriter pugixml fmt json qrencode openssl libpq soci icu; do
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
            intl) build_intl ;;
            glib) build_meson glib glib2.0- -Dtests=false -Dnls=disabled -Dman=false \
                -Dgtk_doc=false -Dlibelf=disabled -Dselinux=disabled -Dxattr=false \
                -Dlibmount=disabled -Dsysprof=disabled -Dinstalled_tests=false ;;
            pixman) build_meson pixman pixman- -Dtests=disabled -Dgtk=disabled -Dlibpng=disabled \
                -Dopenmp=disabled -Dtimers=false -Dgnuplot=false ;;
            harfbuzz) build_meson harfbuzz harfbuzz- -Dglib=enabled -Dgobject=disabled \
                -Dcairo=disabled -Dicu=disabled -Dfreetype=disabled -Dchafa=disabled \
                -Dtests=disabled -Ddocs=disabled -Dintrospection=disabled ;;
            cairo) build_cairo ;;
            pango) build_meson pango pango1.0- -Dfontconfig=disabled -Dfreetype=disabled \
                -Dintrospection=disabled -Dlibthai=disabled -Dxft=disabled -Dcairo=enabled \
                -Dgtk_doc=false -Dinstall-tests=false -Dsysprof=disabled ;;
            icu) build_icu ;;
            sodium) MAKE_VARS="ACLOCAL=: AUTOCONF=: AUTOMAKE=: AUTOHEADER=:" \
                build_autotools sodium libsodium- --enable-static --disable-pie ;;
            libzip) build_cmake libzip libzip- . -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF \
                -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=ON \
                -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF \
                -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF -DZLIB_ROOT="$prefix" ;;
            xlsxwriter) build_xlsxwriter ;;
            pugixml) build_cmake pugixml pugixml- . -DPUGIXML_BUILD_TESTS=OFF ;;
            fmt) build_cmake fmt fmtlib- . -DFMT_TEST=OFF -DFMT_DOC=OFF ;;
            json) build_cmake json nlohmann-json3- . -DJSON_BuildTests=OFF ;;
            qrencode) build_cmake qrencode qrencode- . -DWITH_TOOLS=OFF -DWITH_TESTS=OFF \
                -DWITHOUT_PNG=ON ;;
            openssl) build_openssl ;;
            libpq) build_libpq ;;
            soci) build_cmake soci soci- . -DSOCI_SHARED=OFF -DSOCI_STATIC=ON -DSOCI_TESTS=OFF -DSOCI_CXX11=ON \
                -DWITH_BOOST=OFF -DWITH_SQLITE3=ON -DWITH_POSTGRESQL=ON -DWITH_MYSQL=OFF \
                -DWITH_ODBC=OFF -DWITH_ORACLE=OFF -DWITH_FIREBIRD=OFF -DWITH_DB2=OFF \
                -DSQLITE3_INCLUDE_DIR="$prefix/include" -DSQLITE3_LIBRARY="$prefix/lib/libsqlite3.a" \
                -DPOSTGRESQL_INCLUDE_DIR="$prefix/include" \
                -DPOSTGRESQL_LIBRARY="$prefix/lib/libpq.a" ;;
        esac
        touch "$(stamp $lib)"
        say "$lib built in $(($(date +%s) - t0)) s"
    done
fi

# ---------------------------------------------------------------- program
# cchc.exe and cchc-desk.exe by the project's CMake with the toolchain file,
# in a build folder of the cache (kept: a second run compiles what changed).
program_dir="$work/cchc"
if wanted program; then
    say "building cchc.exe and cchc-desk.exe"
    t0=$(date +%s)
    cmake -S "$root" -B "$program_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCCHC_BUILD_TESTS=OFF -DCCHC_BUILD_BENCH=OFF \
        >"$work/cchc.configure.log"
    cmake --build "$program_dir" -j "$jobs" --target cchc cchc-desk cchc_translations
    say "programs built in $(($(date +%s) - t0)) s"
fi

# -------------------------------------------------------------- installer
version=$(sed -n 's/^project(cchc_desk VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
installer="$out/CCHCDesk-$version-setup.exe"
if wanted installer; then
    say "packing $installer"
    stage="$work/stage"
    rm -rf "$stage"
    mkdir -p "$stage/fonts" "$stage/share/locale/vi/LC_MESSAGES" "$stage/share/cchc/reports" "$out"
    for exe in cchc cchc-desk; do
        "$STRIP" -o "$stage/$exe.exe" "$program_dir/src/$( [ $exe = cchc ] && echo cli || echo gui)/$exe.exe"
    done
    # Liberation Serif (Debian's fonts-liberation): the metrics of Times New
    # Roman, for a PC that lacks it.
    cp /usr/share/fonts/truetype/liberation/LiberationSerif-*.ttf "$stage/fonts/"
    cp /usr/share/doc/fonts-liberation/copyright "$stage/fonts/LICENSE-Liberation.txt" 2>/dev/null || true
    cp "$program_dir/locale/vi/LC_MESSAGES/cchc.mo" "$stage/share/locale/vi/LC_MESSAGES/"
    # wxWidgets' own words (its dialogs' buttons), from its source's catalog.
    msgfmt -o "$stage/share/locale/vi/LC_MESSAGES/wxstd.mo" "$(source_dir wxwidgets3.2-)/locale/vi.po"
    cp "$root"/reports/*.json "$stage/share/cchc/reports/"
    makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$installer" \
        "$root/packaging/windows/cchc-desk.nsi"
    say "installer: $installer ($(du -m "$installer" | cut -f1) MB)"
fi

say "done in $(($(date +%s) - started)) s; cache $cache"
