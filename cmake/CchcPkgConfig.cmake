# cchc_pkg_check_modules(PREFIX module): the imported target PkgConfig::PREFIX
# for a pkg-config module. Where the libraries are static (the Windows build),
# the target links the module's whole static link line (its Libs.private and
# those of the modules it requires), which a static library needs.
function(cchc_pkg_check_modules prefix module)
  pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${module})
  if(CCHC_STATIC_PKGCONFIG)
    set_target_properties(PkgConfig::${prefix} PROPERTIES
      INTERFACE_LINK_LIBRARIES "${${prefix}_STATIC_LDFLAGS}"
      INTERFACE_COMPILE_OPTIONS "${${prefix}_STATIC_CFLAGS_OTHER}"
      INTERFACE_INCLUDE_DIRECTORIES "${${prefix}_STATIC_INCLUDE_DIRS}")
  endif()
endfunction()
