// A suggestion's document (电子版) as a Word .docx rendered from the data: the
// information form laid out like 附件1 (信息表, a ☑/☐ for every option) and then the
// explanatory report under the reference outline (说明报告). The suggestion's canonical
// JSON travels inside the file as a custom XML part, so whoever receives the .docx can
// read the data back exactly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

// The custom XML part's root element namespace (customXml/item1.xml).
inline constexpr std::string_view kDocxEmbedNamespace = "urn:zhinan:suggestion:1";

// The .docx bytes. Reproducible: the same suggestion and profile give the same bytes
// (fixed part order, compression and time stamps). Any text renders: characters XML
// cannot carry are left out of the visible document (the embedded JSON keeps them).
// Throws std::runtime_error only when the archive cannot be built (out of memory).
std::string render_docx(const Suggestion& s, const Profile& profile = Profile::builtin());

// The suggestion embedded by render_docx, parsed with `profile`; nothing (and the reason
// in `error`, Chinese then English) when the bytes are not a .docx, carry no zhinan
// part, or its JSON does not parse.
std::optional<Suggestion> read_embedded_suggestion(std::string_view docx_bytes,
                                                   std::string* error = nullptr);
std::optional<Suggestion> read_embedded_suggestion(std::string_view docx_bytes, const Profile& profile,
                                                   std::string* error = nullptr);

}  // namespace zhinan
