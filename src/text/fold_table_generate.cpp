// Build-time generator of the folding table (text/fold_table.hpp): asks ICU's own
// "Traditional-Simplified" transliterator what it does and writes it down as C++ data, so
// that folding needs no transliterator at run time (docs/decisions.md says why).
//
//   fold_table_generate OUTPUT.cpp
//
// What ICU does is taken from ICU itself, not from a reading of its rules: every code
// point U+0000..U+10FFFF is transliterated alone (its single-character rule, or nothing),
// and every phrase key of the rules (toRules) is transliterated alone (its phrase rule).
// The rules text only says which phrase keys exist and in which order ICU tries them; a
// rule in any form but a plain "KEY > OUTPUT;" (contexts, variables, filters, sets) stops
// the build, since the table could not reproduce it. tests/text/test_fold_icu.cpp checks
// the result against the transliterator on text.
//
// Beside it, for the BMP, the character classes of step 4 and what ICU's NFKC_Casefold
// does with each code point alone (and whether it may join the one before), so that
// common text normalizes without a call into ICU.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <array>
#include <bit>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/fold_table.hpp"

namespace {

using zhinan::detail::fold_kept_by_icu;

// ICU 72 maps 苧 to 苎 and 苎 back to 苧; the fold mends its output to the Simplified 苎
// (fold.cpp). The table holds the mended output.
constexpr UChar32 kMendFrom = 0x82E7;  // 苧
constexpr UChar32 kMendTo = 0x82CE;    // 苎

struct Rule {
  std::u32string key;
  std::u32string output;
};

std::u32string to_u32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out += static_cast<char32_t>(c);
    i += U16_LENGTH(c);
  }
  return out;
}

icu::UnicodeString to_unicode(const std::u32string& s) {
  icu::UnicodeString out;
  for (char32_t c : s) out.append(static_cast<UChar32>(c));
  return out;
}

std::string to_utf8(const std::u32string& s) {
  std::string out;
  to_unicode(s).toUTF8String(out);
  return out;
}

std::u32string mended(std::u32string s) {
  for (char32_t& c : s)
    if (c == static_cast<char32_t>(kMendFrom)) c = static_cast<char32_t>(kMendTo);
  return s;
}

// The rules, in ICU's order. Only "KEY > OUTPUT;" with no rule syntax in either side.
std::vector<Rule> plain_rules(const icu::Transliterator& t) {
  icu::UnicodeString text;
  t.toRules(text, false);
  const std::u32string rules = to_u32(text);
  std::vector<Rule> out;
  std::size_t pos = 0;
  while (pos < rules.size()) {
    if (rules[pos] == U'\n') {
      ++pos;
      continue;
    }
    const std::size_t end = rules.find(U';', pos);
    if (end == std::u32string::npos) throw std::runtime_error("a rule without its ';'");
    const std::u32string rule = rules.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t arrow = rule.find(U" > ");
    if (arrow == std::u32string::npos) throw std::runtime_error("a rule that is not 'KEY > OUTPUT': " + to_utf8(rule));
    Rule r{rule.substr(0, arrow), rule.substr(arrow + 3)};
    // Every ASCII character is rule syntax or white space; the plain rules have none.
    for (char32_t c : r.key + r.output)
      if (c < 0x80) throw std::runtime_error("a rule with syntax the table cannot hold: " + to_utf8(rule));
    if (r.key.empty()) throw std::runtime_error("a rule with an empty key");
    out.push_back(std::move(r));
  }
  return out;
}

std::u32string transliterate(const icu::Transliterator& t, const std::u32string& s) {
  icu::UnicodeString text = to_unicode(s);
  t.transliterate(text);
  return to_u32(text);
}

// What the table holds before it is written out.
struct Table {
  std::array<zhinan::detail::FoldBmpBlock, 1024> bmp{};
  std::vector<char16_t> bmp_targets;
  std::map<char32_t, std::vector<Rule>> phrases;  // by first character, in ICU's order
  std::vector<zhinan::detail::FoldMapping> supplementary;
  std::vector<std::uint32_t> nfkc_outputs;
  std::string nfkc_bytes;
};

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  return *n;
}

Table build(const icu::Transliterator& t) {
  Table table;
  const std::vector<Rule> rules = plain_rules(t);
  std::map<char32_t, std::u32string> single_rules;
  for (const Rule& r : rules) {
    // ICU applies the rule to its key alone (an earlier rule that matched first would
    // mask this one, which ICU refuses): what it gives is what the rule does.
    const std::u32string got = transliterate(t, r.key);
    if (got != r.output)
      throw std::runtime_error("ICU turns " + to_utf8(r.key) + " into " + to_utf8(got) + ", its rule says " +
                               to_utf8(r.output));
    if (r.key.size() == 1) single_rules[r.key[0]] = r.output;
    else table.phrases[r.key[0]].push_back(Rule{r.key, mended(r.output)});
  }
  std::map<char32_t, char32_t> bmp_mappings;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // never in well-formed text
    const std::u32string alone(1, c);
    const std::u32string raw = transliterate(t, alone);
    const auto rule = single_rules.find(c);
    if (raw != (rule == single_rules.end() ? alone : rule->second))
      throw std::runtime_error("ICU turns U+" + std::to_string(static_cast<unsigned>(c)) +
                               " into what no single-character rule says");
    const std::u32string out = mended(raw);
    if (out == alone) continue;
    if (out.size() == 1 && c < 0x10000 && out[0] < 0x10000) bmp_mappings[c] = out[0];
    else if (out.size() == 1 && c >= 0x10000) table.supplementary.push_back({c, out[0]});
    else table.phrases[c].push_back(Rule{alone, out});  // tried after the longer keys, as in ICU
  }
  for (auto& [first, list] : table.phrases)
    for (std::size_t i = 0; i < list.size(); ++i)
      for (std::size_t j = i + 1; j < list.size(); ++j)
        if (list[j].key.compare(0, list[i].key.size(), list[i].key) == 0)
          throw std::runtime_error("rule " + to_utf8(list[i].key) + " masks " + to_utf8(list[j].key));

  const icu::Normalizer2& nfkc = nfkc_casefold();
  std::uint16_t mapped = 0, starts = 0, nfkc_mapped = 0;
  for (char32_t block = 0; block < 1024; ++block) {
    zhinan::detail::FoldBmpBlock& b = table.bmp[block];
    b.mapped_before = mapped;
    b.phrase_start_before = starts;
    b.nfkc_mapped_before = nfkc_mapped;
    for (char32_t i = 0; i < 64; ++i) {
      const char32_t c = block * 64 + i;
      const std::uint64_t bit = std::uint64_t{1} << i;
      if (fold_kept_by_icu(static_cast<UChar32>(c))) b.kept |= bit;
      if (const auto m = bmp_mappings.find(c); m != bmp_mappings.end()) {
        b.mapped |= bit;
        table.bmp_targets.push_back(static_cast<char16_t>(m->second));
      }
      if (table.phrases.count(c)) b.phrase_start |= bit;
      if (c < 0xD800 || c > 0xDFFF) {
        if (nfkc.hasBoundaryBefore(static_cast<UChar32>(c))) {
          b.nfkc_boundary |= bit;
          UErrorCode status = U_ZERO_ERROR;
          const std::u32string alone(1, c);
          const std::u32string normalized = to_u32(nfkc.normalize(to_unicode(alone), status));
          if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
          if (normalized != alone) {
            const std::string bytes = to_utf8(normalized);
            if (bytes.size() > 255 || table.nfkc_bytes.size() > 0xFFFFFF)
              throw std::runtime_error("NFKC_Casefold outputs over the table's sizes");
            b.nfkc_mapped |= bit;
            table.nfkc_outputs.push_back(static_cast<std::uint32_t>(table.nfkc_bytes.size() << 8 | bytes.size()));
            table.nfkc_bytes += bytes;
          }
        }
      }
    }
    nfkc_mapped = static_cast<std::uint16_t>(nfkc_mapped + std::popcount(b.nfkc_mapped));
    mapped = static_cast<std::uint16_t>(mapped + std::popcount(b.mapped));
    starts = static_cast<std::uint16_t>(starts + std::popcount(b.phrase_start));
  }
  return table;
}

std::string hex(unsigned long long v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llX", v);
  return buf;
}

std::string write(const Table& table) {
  std::ostringstream o;
  o << "// Generated at build time by fold_table_generate from ICU " << U_ICU_VERSION
    << "'s Traditional-Simplified transliterator: do not edit.\n"
       "#include <array>\n\n#include \"text/fold_table.hpp\"\n\nnamespace zhinan::detail {\nnamespace {\n\n";
  o << "constexpr std::array<FoldBmpBlock, 1024> kBmp = {{\n";
  for (const auto& b : table.bmp)
    o << "  {" << hex(b.kept) << "u, " << hex(b.mapped) << "u, " << hex(b.phrase_start) << "u, "
      << hex(b.nfkc_boundary) << "u, " << hex(b.nfkc_mapped) << "u, " << b.mapped_before << ", "
      << b.phrase_start_before << ", " << b.nfkc_mapped_before << "},\n";
  o << "}};\n\nconstexpr std::array<char16_t, " << table.bmp_targets.size() << "> kBmpTargets = {{";
  for (std::size_t i = 0; i < table.bmp_targets.size(); ++i)
    o << (i % 12 == 0 ? "\n  " : " ") << hex(table.bmp_targets[i]) << ",";
  std::string bytes;
  std::ostringstream starts, phrases;
  std::size_t phrase_count = 0, bmp_starts = 0;
  for (const auto& [first, list] : table.phrases) {
    if (first < 0x10000) ++bmp_starts;
    starts << "  {" << hex(first) << ", " << phrase_count << ", " << phrase_count + list.size() << "},\n";
    for (const Rule& r : list) {
      const std::string key = to_utf8(r.key), output = to_utf8(r.output);
      if (key.size() > 255 || output.size() > 255) throw std::runtime_error("a phrase over 255 bytes");
      phrases << "  {" << bytes.size() << ", " << bytes.size() + key.size() << ", " << key.size() << ", "
              << output.size() << "},  // " << key << " > " << output << "\n";
      bytes += key + output;
      ++phrase_count;
    }
  }
  if (phrase_count > 0xFFFF) throw std::runtime_error("over 65535 phrases");
  o << "\n}};\n\nconstexpr std::array<FoldPhraseStart, " << table.phrases.size() << "> kPhraseStarts = {{\n"
    << starts.str() << "}};\n\nconstexpr std::array<FoldPhrase, " << phrase_count << "> kPhrases = {{\n"
    << phrases.str() << "}};\n\nconstexpr std::array<unsigned char, " << bytes.size() << "> kPhraseBytes = {{";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    o << (i % 16 == 0 ? "\n  " : " ") << hex(static_cast<unsigned char>(bytes[i])) << ",";
  o << "\n}};\n\nconstexpr std::array<FoldMapping, " << table.supplementary.size() << "> kSupplementary = {{\n";
  for (const auto& m : table.supplementary) o << "  {" << hex(m.from) << ", " << hex(m.to) << "},\n";
  o << "}};\n\nconstexpr std::array<std::uint32_t, " << table.nfkc_outputs.size() << "> kNfkcOutputs = {{";
  for (std::size_t i = 0; i < table.nfkc_outputs.size(); ++i)
    o << (i % 10 == 0 ? "\n  " : " ") << hex(table.nfkc_outputs[i]) << ",";
  o << "\n}};\n\nconstexpr std::array<unsigned char, " << table.nfkc_bytes.size() << "> kNfkcBytes = {{";
  for (std::size_t i = 0; i < table.nfkc_bytes.size(); ++i)
    o << (i % 16 == 0 ? "\n  " : " ") << hex(static_cast<unsigned char>(table.nfkc_bytes[i])) << ",";
  o << "\n}};\n\n}  // namespace\n\n"
       "const FoldTable kFoldTable = {kBmp, kBmpTargets, kPhraseStarts, kPhrases, kPhraseBytes, kSupplementary,\n"
       "                              kNfkcOutputs, kNfkcBytes, "
    << bmp_starts << "};\n\n}  // namespace zhinan::detail\n";
  return o.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fold_table_generate OUTPUT.cpp\n");
    return 2;
  }
  try {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString(u"Traditional-Simplified"), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t)
      throw std::runtime_error(std::string("ICU has no Traditional-Simplified transliterator: ") +
                               u_errorName(status));
    if (t->getFilter() != nullptr || t->countElements() != 0)
      throw std::runtime_error("the transliterator is filtered or compound: the table would not match it");
    const std::string text = write(build(*t));
    t.reset();
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fold_table_generate: %s\n", e.what());
    return 1;
  }
  u_cleanup();  // ICU's caches, so that LeakSanitizer sees no leak in a sanitizer build
  return 0;
}
