# Turns a data file (the built-in call profile) into a C++ source holding its bytes, so the
# library carries its default profile and nothing has to be found on disk at run time.
set(ZHINAN_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedFileScript.cmake)

function(zhinan_embed_file)
  cmake_parse_arguments(ARG "" "INPUT;OUTPUT;SYMBOL" "" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${ARG_INPUT} -DOUTPUT=${ARG_OUTPUT} -DSYMBOL=${ARG_SYMBOL}
            -P ${ZHINAN_EMBED_SCRIPT}
    DEPENDS ${ARG_INPUT} ${ZHINAN_EMBED_SCRIPT}
    COMMENT "Embedding ${ARG_INPUT}"
    VERBATIM)
endfunction()
