// Reading a unit's own Word form (附件1: 信息表 + 说明报告) back into a suggestion, so that
// a clerk never retypes what a unit filled in with Word or WPS (SPEC.md, "import").
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

// What one .docx may cost before it is refused with import.limits_exceeded. A unit's
// form is a few hundred kB; these leave room for pasted pictures and nothing more.
struct ImportLimits {
  std::size_t max_file_size = 256u << 20;   // the .docx itself
  std::size_t max_part_size = 64u << 20;    // one XML part, inflated
  std::size_t max_ratio = 200;              // inflated / compressed size of one part
  std::size_t max_depth = 256;              // XML element nesting
  std::size_t max_entries = 10000;          // parts in the container
};

struct ImportResult {
  // Present when a 信息表 was found and read (possibly with warnings); absent for
  // import.not_docx, import.form_not_found, import.limits_exceeded.
  std::optional<Suggestion> suggestion;
  Diagnostics diagnostics;  // import.* findings, each at the JSON pointer of its field
};

// Reads the visible form and report of a .docx as Word, WPS or LibreOffice save it.
// A .docx that zhinan rendered is read the same way; where its embedded JSON disagrees
// with what is visible, import.embedded_differs says so (the visible form wins).
// Never throws for bad input.
ImportResult import_docx(std::string_view bytes, const Profile& profile = Profile::builtin(),
                         const ImportLimits& limits = {});

// Reads the file, then import_docx. An unreadable file gives io.read_failed; a .doc,
// .wps, .odt or .rtf gives import.format_unsupported with how to re-save it as .docx.
ImportResult import_docx_file(const std::filesystem::path& path, const Profile& profile = Profile::builtin(),
                              const ImportLimits& limits = {});

// Where a suggestion's data (its JSON, or the JSON a rendered .docx embeds) and what a
// Word form shows disagree: one import.embedded_differs per differing field (at most 20),
// at its JSON pointer. Fields a form has no row for (主管部门, document paths) and the
// spelling of amounts ("300.5" or 300.5) are not counted.
Diagnostics differences_from_form(const Suggestion& data, const Suggestion& form, const Profile& profile = Profile::builtin());

// What the bytes are when they are no .docx ("PDF", "Word 97-2003 (.doc)", "an encrypted
// Office file", "RTF", "ODF", "ZIP without word/document.xml", "not a ZIP"), for messages;
// empty when they look like a .docx (a ZIP holding word/document.xml).
std::string describe_non_docx(std::string_view bytes);

// Whether a path names a word-processing file by its extension (.docx, .doc, .wps,
// .odt, .rtf, .docm, .dotx), compared without case.
bool is_word_file_name(const std::filesystem::path& path);

}  // namespace zhinan
