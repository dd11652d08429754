# cchc_embed(TARGET <lib> NAME <symbol> BASE <dir> FILES <files...>)
# Compiles the given data files into <lib> as a table of (relative path,
# bytes) that C++ reads through "embedded.h"-style accessors named <symbol>.
# The generated source is rebuilt whenever one of the files changes.
function(cchc_embed)
  cmake_parse_arguments(E "" "TARGET;NAME;BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_NAME}.cpp)
  set(list_file ${CMAKE_CURRENT_BINARY_DIR}/${E_NAME}.files)
  string(REPLACE ";" "\n" content "${E_FILES}")
  file(WRITE ${list_file}.tmp "${content}")
  file(COPY_FILE ${list_file}.tmp ${list_file} ONLY_IF_DIFFERENT)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DNAME=${E_NAME} -DBASE=${E_BASE} -DLIST=${list_file}
            -DOUT=${out} -P ${CCHC_SOURCE_DATA_DIR}/cmake/CchcEmbedRun.cmake
    DEPENDS ${E_FILES} ${list_file} ${CCHC_SOURCE_DATA_DIR}/cmake/CchcEmbedRun.cmake
    COMMENT "Embedding ${E_NAME}")
  target_sources(${E_TARGET} PRIVATE ${out})
endfunction()
