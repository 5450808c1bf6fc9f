# Warnings are errors in every preset (CMAKE_COMPILE_WARNING_AS_ERROR is set there).
function(zhinan_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast>
    $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -pedantic-errors -Wdeclaration-after-statement>)
  # GCC 12 reports -Wrestrict inside libstdc++'s own std::string concatenation at -O2/-O3
  # (GCC bug 105329), a false positive that no code of ours can avoid.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
  endif()
endfunction()
