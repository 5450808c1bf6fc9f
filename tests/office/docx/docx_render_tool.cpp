// Renders one suggestion to .docx for the LibreOffice test: docx_render_tool IN.json OUT.docx.
// Exit 0 written; 1 the JSON is not a suggestion; 2 usage or I/O failure.
#include <fstream>
#include <iostream>

#include "zhinan/docx.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: docx_render_tool IN.json OUT.docx\n";
    return 2;
  }
  const zhinan::ParseResult parsed = zhinan::read_suggestion_file(zhinan::path_from_utf8(argv[1]));
  if (!parsed.suggestion) {
    for (const auto& d : parsed.diagnostics) std::cerr << d.id << ": " << d.message_en << "\n";
    return 1;
  }
  const std::string docx = zhinan::render_docx(*parsed.suggestion);
  std::ofstream out(zhinan::path_from_utf8(argv[2]), std::ios::binary | std::ios::trunc);
  out.write(docx.data(), static_cast<std::streamsize>(docx.size()));
  out.close();
  if (!out) {
    std::cerr << "cannot write " << argv[2] << "\n";
    return 2;
  }
  return 0;
}
