# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P EmbedFileScript.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.\n#include <cstddef>\n#include <string_view>\n"
"namespace {\nconstexpr unsigned char data[] = {\n${bytes}0x00};\n}\n"
"namespace zhinan::detail {\nstd::string_view ${SYMBOL}();\nstd::string_view ${SYMBOL}() {\n  return {reinterpret_cast<const char*>(data), ${size}};\n}\n}  // namespace zhinan::detail\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
