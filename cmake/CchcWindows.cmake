# The Windows build (cross-built by scripts/build-windows.sh with the
# toolchain file cmake/mingw-w64-x86_64.cmake): every library static from the
# prefix the script fills, the C and C++ runtimes linked in, so that the two
# programs need only Windows' own DLLs.
set(CCHC_STATIC_PKGCONFIG ON)
enable_language(RC)
# Large translation units (the GUI's) exceed the COFF section limit.
add_compile_options(-Wa,-mbig-obj)
# Static builds of the libraries that would otherwise import from DLLs.
add_compile_definitions(U_STATIC_IMPLEMENTATION SODIUM_STATIC ZIP_STATIC CAIRO_WIN32_STATIC_BUILD
  GLIB_STATIC_COMPILATION GOBJECT_STATIC_COMPILATION LIBXML_STATIC PCRE2_STATIC)
add_link_options(-static -static-libgcc -static-libstdc++)

# ICU from its pkg-config modules (its static libraries are named sicu*).
macro(cchc_windows_icu)
  foreach(part uc i18n)
    cchc_pkg_check_modules(ICU_${part} icu-${part})
    add_library(ICU::${part} INTERFACE IMPORTED)
    set_target_properties(ICU::${part} PROPERTIES INTERFACE_LINK_LIBRARIES PkgConfig::ICU_${part})
  endforeach()
endmacro()
