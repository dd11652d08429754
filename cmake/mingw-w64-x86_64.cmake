# Cross-building for 64-bit Windows with Debian's mingw-w64 (posix threads),
# against the static libraries scripts/build-windows.sh installs into the
# prefix named by the environment's CCHC_WINDOWS_PREFIX.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CCHC_MINGW_HOST x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${CCHC_MINGW_HOST}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CCHC_MINGW_HOST}-g++-posix)
set(CMAKE_RC_COMPILER ${CCHC_MINGW_HOST}-windres)
set(CMAKE_FIND_ROOT_PATH /usr/${CCHC_MINGW_HOST} $ENV{CCHC_WINDOWS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config and wx-config of the prefix, never the machine's own.
set(ENV{PKG_CONFIG_LIBDIR} $ENV{CCHC_WINDOWS_PREFIX}/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(wxWidgets_CONFIG_EXECUTABLE $ENV{CCHC_WINDOWS_PREFIX}/bin/wx-config)
