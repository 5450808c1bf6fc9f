# The folding table (src/text/fold_table.hpp) is generated at build time from the ICU that
# the library links: a small program asks ICU's Traditional-Simplified transliterator what
# it does and writes C++ data (src/text/fold_table_generate.cpp; docs/decisions.md says why).
function(zhinan_fold_table)
  cmake_parse_arguments(ARG "" "OUTPUT" "" ${ARGN})
  add_executable(zhinan_fold_table_generate ${PROJECT_SOURCE_DIR}/src/text/fold_table_generate.cpp)
  target_include_directories(zhinan_fold_table_generate PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(zhinan_fold_table_generate PRIVATE ICU::uc ICU::i18n)
  zhinan_warnings(zhinan_fold_table_generate)
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND zhinan_fold_table_generate ${ARG_OUTPUT}
    DEPENDS zhinan_fold_table_generate
    COMMENT "Generating the folding table from ICU's Traditional-Simplified rules"
    VERBATIM)
endfunction()
