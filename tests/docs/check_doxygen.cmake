# cmake -DDOXYGEN=doxygen -DDOXYFILE=build/docs/Doxyfile -DWORK_DIR=… [-DUNDOCUMENT=zn_function]
#       -DHEADER=capi/include/zhinan.h -P check_doxygen.cmake
# Runs Doxygen with the reference's own configuration (docs/Doxyfile.in) into WORK_DIR.
# Without UNDOCUMENT: passes only when Doxygen succeeds and warns about nothing.
# With UNDOCUMENT: runs it over a copy of HEADER whose comment before that function is
# removed, and passes only when Doxygen fails and names the function: the check catches an
# undocumented function.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(overrides "@INCLUDE = \"${DOXYFILE}\"\nOUTPUT_DIRECTORY = \"${WORK_DIR}/out\"\n")

if(UNDOCUMENT)
  file(READ ${HEADER} header)
  string(FIND "${header}" "ZN_EXTERN int ${UNDOCUMENT}(" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no declaration of ${UNDOCUMENT} in ${HEADER}")
  endif()
  string(SUBSTRING "${header}" 0 ${at} before)
  string(SUBSTRING "${header}" ${at} -1 after)
  string(FIND "${before}" "/**" comment REVERSE)
  string(SUBSTRING "${before}" ${comment} -1 removed)
  if(comment EQUAL -1 OR NOT removed MATCHES "^/\\*\\*([^*]|\\*[^/])*\\*/\n$")
    message(FATAL_ERROR "${UNDOCUMENT} has no /** … */ comment right before it in ${HEADER}")
  endif()
  string(SUBSTRING "${before}" 0 ${comment} before)
  get_filename_component(name ${HEADER} NAME)
  file(WRITE ${WORK_DIR}/${name} "${before}${after}")
  string(APPEND overrides "INPUT = \"${WORK_DIR}/${name}\"\n")
endif()

file(WRITE ${WORK_DIR}/Doxyfile "${overrides}")
execute_process(COMMAND ${DOXYGEN} ${WORK_DIR}/Doxyfile WORKING_DIRECTORY ${WORK_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "${out}${err}")

if(NOT UNDOCUMENT)
  if(NOT rc EQUAL 0 OR NOT report STREQUAL "")
    message(FATAL_ERROR "Doxygen failed or warned (status ${rc}); document every public declaration:\n${report}")
  endif()
  message(STATUS "Doxygen: no warnings; every public declaration is documented")
  return()
endif()
if(rc EQUAL 0 OR NOT report MATCHES "${UNDOCUMENT}[^\n]*is not documented")
  message(FATAL_ERROR "Doxygen passed a header with ${UNDOCUMENT} undocumented (status ${rc}):\n${report}")
endif()
message(STATUS "and fails when ${UNDOCUMENT} is undocumented (status ${rc})")
