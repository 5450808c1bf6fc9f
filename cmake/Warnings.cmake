# Warnings are errors in every preset (CMAKE_COMPILE_WARNING_AS_ERROR is set there).
function(zhinan_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast>
    $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -pedantic-errors -Wdeclaration-after-statement>)
endfunction()
