// A suggestion from a file given on the command line: zhinan.suggestion/1 JSON, or a
// unit's own Word form (.docx; .doc/.wps/.odt/.rtf through LibreOffice when installed).
#include <cstdlib>
#include <filesystem>
#include <random>

#include "cli.hpp"
#include "zhinan/import.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

namespace {

namespace fs = std::filesystem;

bool is_old_word_format(const fs::path& path) {
  std::string ext = path_to_utf8(path.extension());
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".doc" || ext == ".wps" || ext == ".odt" || ext == ".rtf";
}

std::optional<fs::path> find_soffice() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string_view dirs(path);
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const fs::path candidate = fs::path(std::string(dirs.substr(0, colon))) / "soffice";
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// LibreOffice converts an old-format file into a private temporary folder; its .docx
// bytes, or nothing when it could not.
std::optional<std::string> convert_with_soffice(const fs::path& soffice, const fs::path& input) {
  std::error_code ec;
  std::random_device random;
  const fs::path work = fs::temp_directory_path(ec) / ("zhinan-convert-" + std::to_string(random()));
  if (!fs::create_directories(work, ec)) return std::nullopt;
  const std::string command = shell_quote(path_to_utf8(soffice)) + " -env:UserInstallation=file://" +
                              path_to_utf8(work / "profile") + " --headless --convert-to docx --outdir " +
                              shell_quote(path_to_utf8(work)) + " " + shell_quote(path_to_utf8(fs::absolute(input))) +
                              " >/dev/null 2>&1";
  std::optional<std::string> bytes;
  if (std::system(command.c_str()) == 0) bytes = read_file(work / (path_to_utf8(input.stem()) + ".docx"));
  fs::remove_all(work, ec);
  return bytes;
}

// A JSON whose `document` is the unit's Word form: the form is read, and where it shows
// something else than the JSON says, import.embedded_differs tells the clerk which.
void check_document_form(const std::string& file, ParseResult& parsed, const Profile& profile) {
  if (!parsed.suggestion) return;
  const Suggestion& s = *parsed.suggestion;
  const fs::path document = path_from_utf8(s.document);
  std::string ext = path_to_utf8(document.extension());
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (s.document.empty() || ext != ".docx") return;
  const fs::path path = document.is_absolute() ? document : path_from_utf8(file).parent_path() / document;
  std::optional<std::string> bytes = read_file(path);
  if (!bytes) return;  // packing says so (package.document_missing)
  const ImportResult form = import_docx(*bytes, profile);
  if (!form.suggestion) return;  // not a form: packaged as the unit's own file, unchecked
  for (Diagnostic& d : differences_from_form(s, *form.suggestion, profile)) parsed.diagnostics.push_back(std::move(d));
}

}  // namespace

bool looks_like_word_input(std::string_view name, std::string_view bytes) {
  return is_word_file_name(path_from_utf8(name)) || bytes.starts_with("PK\x03\x04");
}

ImportResult import_word_input(const std::string& file, const std::string& bytes, const Profile& profile) {
  const fs::path path = path_from_utf8(file);
  // A .doc that is really a .docx (renamed) is read as one; an .odt is a ZIP too, but no .docx.
  if (!is_old_word_format(path) || describe_non_docx(bytes).empty()) return import_docx(bytes, profile);
  const std::optional<fs::path> soffice = find_soffice();
  const std::optional<std::string> converted = soffice ? convert_with_soffice(*soffice, path) : std::nullopt;
  return converted ? import_docx(*converted, profile) : import_docx_file(path, profile);
}

ParseResult read_suggestion_input(const Context& ctx, const std::string& file, const std::string& bytes,
                                  const Profile& profile, const std::string& department) {
  (void)ctx;
  if (!looks_like_word_input(file, bytes)) {
    ParseResult parsed = parse_suggestion(bytes, profile);
    check_document_form(file, parsed, profile);
    return parsed;
  }
  const fs::path path = path_from_utf8(file);
  ImportResult imported = import_word_input(file, bytes, profile);
  ParseResult result{std::move(imported.suggestion), std::move(imported.diagnostics)};
  if (result.suggestion) {
    // The unit's own file is its 电子版, packaged byte for byte; the form has no 主管部门 row.
    result.suggestion->document = path_to_utf8(path.filename());
    if (result.suggestion->department.empty()) result.suggestion->department = department;
  }
  return result;
}

}  // namespace zhinan::cli
