# Finds SOCI 4 (core, sqlite3 and postgresql backends). Debian ships no CMake
# or pkg-config files for SOCI, so the headers and libraries are located here.
# Defines the imported targets SOCI::core, SOCI::sqlite3, SOCI::postgresql.
find_path(SOCI_INCLUDE_DIR soci/soci.h)
# Built from source on Windows, the libraries carry the version in their names.
find_library(SOCI_CORE_LIBRARY NAMES soci_core soci_core_4_0)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3 soci_sqlite3_4_0)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql soci_postgresql_4_0)
find_package(SQLite3 REQUIRED)
if(CCHC_STATIC_PKGCONFIG)
  # The static libpq of the Windows build: its link line from libpq.pc.
  cchc_pkg_check_modules(LIBPQ libpq)
  set(PostgreSQL_INCLUDE_DIRS ${LIBPQ_STATIC_INCLUDE_DIRS})
  if(NOT TARGET PostgreSQL::PostgreSQL)
    add_library(PostgreSQL::PostgreSQL INTERFACE IMPORTED)
    set_target_properties(PostgreSQL::PostgreSQL PROPERTIES
      INTERFACE_LINK_LIBRARIES "PkgConfig::LIBPQ;pgcommon;pgport;ws2_32;secur32;crypt32")
  endif()
else()
  find_package(PostgreSQL REQUIRED)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI
  REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES
    IMPORTED_LOCATION ${SOCI_CORE_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR}
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
  add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
  set_target_properties(SOCI::sqlite3 PROPERTIES
    IMPORTED_LOCATION ${SOCI_SQLITE3_LIBRARY}
    INTERFACE_LINK_LIBRARIES "SOCI::core;SQLite::SQLite3")
  add_library(SOCI::postgresql UNKNOWN IMPORTED)
  set_target_properties(SOCI::postgresql PROPERTIES
    IMPORTED_LOCATION ${SOCI_POSTGRESQL_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES "${PostgreSQL_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "SOCI::core;PostgreSQL::PostgreSQL")
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)
