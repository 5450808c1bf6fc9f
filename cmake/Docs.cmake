# The API reference: Doxygen over the public headers, every warning an error
# (docs/Doxyfile.in). `cmake --build build/default --target docs` writes
# build/default/docs/api/html/index.html; tests/docs checks it in the test run.
find_program(ZHINAN_DOXYGEN doxygen)

# The headers the reference covers (docs/api.md is its front page); the installed C++ wrapper is added here, one line.
set(ZHINAN_DOCS_INPUTS
  ${PROJECT_SOURCE_DIR}/capi/include/zhinan.h
  ${PROJECT_SOURCE_DIR}/capi/include/zhinan.hpp)
set(ZHINAN_DOCS_DIR ${PROJECT_BINARY_DIR}/docs/api)
set(ZHINAN_DOXYFILE ${PROJECT_BINARY_DIR}/docs/Doxyfile)

if(NOT ZHINAN_DOXYGEN)
  message(STATUS "doxygen not found: no docs target (scripts/install-deps.sh installs it)")
  return()
endif()

list(TRANSFORM ZHINAN_DOCS_INPUTS REPLACE "^(.+)$" "\"\\1\"" OUTPUT_VARIABLE quoted_inputs)
list(JOIN quoted_inputs " " ZHINAN_DOXYGEN_INPUT)
configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${ZHINAN_DOXYFILE} @ONLY)

add_custom_target(docs
  COMMAND ${ZHINAN_DOXYGEN} ${ZHINAN_DOXYFILE}
  COMMAND ${CMAKE_COMMAND} -E echo "API reference: ${ZHINAN_DOCS_DIR}/html/index.html"
  WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs
  DEPENDS ${ZHINAN_DOCS_INPUTS} ${PROJECT_SOURCE_DIR}/docs/api.md ${ZHINAN_DOXYFILE}
  COMMENT "Doxygen: the API reference, warnings as errors"
  VERBATIM)
