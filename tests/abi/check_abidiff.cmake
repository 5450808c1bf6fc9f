# cmake -DABIDIFF=… -DBASELINE=abi/libzhinan.so.1.abi -DHEADERS=capi/include
#       -DLIBRARY=libzhinan.so.1 -DBROKEN=broken/libzhinan.so.1 -P check_abidiff.cmake
# The built library against the baseline: no change but added functions (abidiff's exit
# status 0 with --no-added-syms). Then the deliberately broken one: abidiff must call it
# incompatible (bit 8 of its status) and name the function it lost.
function(compare library result_var report_var)
  execute_process(COMMAND ${ABIDIFF} --no-added-syms --exported-interfaces-only --drop-private-types
                          --headers-dir2 ${HEADERS} ${BASELINE} ${library}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result_var} ${rc} PARENT_SCOPE)
  set(${report_var} "${out}${err}" PARENT_SCOPE)
endfunction()

if(NOT EXISTS ${BASELINE})
  message(FATAL_ERROR "no ABI baseline at ${BASELINE}: cmake --build build/default --target abi_baseline")
endif()
compare(${LIBRARY} rc report)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the ABI differs from abi/libzhinan.so.1.abi (abidiff status ${rc}); "
                      "docs/abi.md says what 1.x may change:\n${report}")
endif()
message(STATUS "libzhinan.so.1 keeps the ABI of abi/libzhinan.so.1.abi")

compare(${BROKEN} rc report)
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run on the broken library: ${rc}\n${report}")
endif()
math(EXPR incompatible "${rc} & 8")
if(incompatible EQUAL 0 OR NOT report MATCHES "zn_audit_report")
  message(FATAL_ERROR "the check passed a library without zn_audit_report (abidiff status ${rc}):\n${report}")
endif()
message(STATUS "and fails on a library that lost zn_audit_report (abidiff status ${rc})")
