# Installs the build tree into a scratch prefix, then builds and runs the consumer project
# against it through find_package(zhinan CONFIG) and through pkg-config.
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGV}\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G Ninja
    -DCMAKE_PREFIX_PATH=${prefix} "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_CXX_FLAGS=${C_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}"
    -DCMAKE_BUILD_RPATH=${prefix}/lib)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
foreach(exe consumer_cmake consumer_pkgconfig)
  run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${prefix}/lib ${WORK_DIR}/build/${exe} ${SAMPLE})
  if(NOT last_output MATCHES "[^\n]+")
    message(FATAL_ERROR "${exe} printed no title")
  endif()
  message(STATUS "${exe}: ${last_output}")
endforeach()

# The C++ wrapper: a suggestion, its findings as a range, errors as zn::Error, a package and its audit.
get_filename_component(samples ${SAMPLE} DIRECTORY)
file(MAKE_DIRECTORY ${WORK_DIR}/scratch)
run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${prefix}/lib ${WORK_DIR}/build/consumer_cpp ${SAMPLE}
    ${samples}/faulty-many-mistakes.json ${WORK_DIR}/scratch)
if(NOT last_output MATCHES "C\\+\\+ wrapper: all checks passed")
  message(FATAL_ERROR "consumer_cpp: ${last_output}")
endif()
message(STATUS "consumer_cpp: ${last_output}")
