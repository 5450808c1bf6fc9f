// The table-driven fold gives ICU's bytes: fold_for_comparison against the reference that
// runs ICU's Traditional-Simplified transliterator (text/fold_icu.hpp), on the samples'
// text, their Traditional conversions, every code point, the phrase rules in context and
// mixed random text.
#include <doctest/doctest.h>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "support.hpp"
#include "text/fold_icu.hpp"
#include "text/fold_table.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/import.hpp"
#include "zhinan/suggestion_json.hpp"

namespace {

namespace json = boost::json;
using zhinan::fold_for_comparison;
using zhinan::detail::fold_for_comparison_icu;
using zhinan::detail::kFoldTable;

// Compares both folds on every text; reports the first few differences with their input.
// Returns how many texts were compared.
std::size_t check_all_same(const std::vector<std::string>& texts) {
  int differences = 0;
  for (const std::string& text : texts) {
    const std::string table = fold_for_comparison(text);
    const std::string icu = fold_for_comparison_icu(text);
    if (table != icu && ++differences <= 5) CHECK_MESSAGE(table == icu, "input: " << text);
  }
  CHECK(differences == 0);
  return texts.size();
}

void collect(const json::value& v, std::vector<std::string>& out) {
  if (v.is_string()) {
    out.emplace_back(v.get_string());
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object()) collect(kv.value(), out);
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) collect(item, out);
  }
}

std::vector<std::filesystem::path> sample_files(const std::string& extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(zhinan::test::samples_dir()))
    if (e.path().extension() == extension) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Every string value of every sample, and of every sample form read back.
std::vector<std::string> sample_strings() {
  std::vector<std::string> out;
  for (const auto& file : sample_files(".json")) {
    const auto text = zhinan::read_file(file);
    REQUIRE(text);
    collect(json::parse(*text), out);
  }
  for (const auto& file : sample_files(".docx")) {
    const zhinan::ImportResult r = zhinan::import_docx_file(file);
    REQUIRE(r.suggestion);
    collect(json::parse(zhinan::to_json(*r.suggestion)), out);
  }
  return out;
}

std::string to_traditional(const std::string& text) {
  static const std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance(icu::UnicodeString(u"Simplified-Traditional"), UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    return made;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string utf8(char32_t c) {
  std::string out;
  zhinan::detail::append_utf8(out, c);
  return out;
}

std::vector<std::string> phrase_keys() {
  std::vector<std::string> keys;
  for (const auto& p : kFoldTable.phrases)
    keys.emplace_back(reinterpret_cast<const char*>(kFoldTable.phrase_bytes.data() + p.key_offset), p.key_length);
  return keys;
}

// The BMP code points that the table maps to another.
std::vector<char32_t> mapped_code_points() {
  std::vector<char32_t> out;
  for (char32_t c = 0; c < 0x10000; ++c)
    if ((kFoldTable.bmp[c >> 6].mapped >> (c & 63)) & 1) out.push_back(c);
  return out;
}

}  // namespace

TEST_CASE("fold table: the table holds ICU's rules") {
  // ICU 72's rules: ~3,000 single characters (121 of them onto themselves, and 苎 back to
  // itself once mended), ~1,000 phrases starting at ~500 characters.
  CHECK(kFoldTable.bmp_targets.size() > 2500);
  CHECK(kFoldTable.phrases.size() > 900);
  CHECK(kFoldTable.phrase_starts.size() > 450);
  CHECK(std::is_sorted(kFoldTable.phrase_starts.begin(), kFoldTable.phrase_starts.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; }));
  CHECK(zhinan::detail::icu_traditional_to_simplified_available());
  CHECK(zhinan::traditional_to_simplified_available());
}

TEST_CASE("fold table: the samples' text folds as ICU folds it") {
  const std::vector<std::string> texts = sample_strings();
  CHECK(texts.size() > 500);
  check_all_same(texts);
}

TEST_CASE("fold table: the samples' text in Traditional characters folds as ICU folds it") {
  std::vector<std::string> texts;
  std::size_t changed = 0;
  for (const std::string& s : sample_strings()) {
    texts.push_back(to_traditional(s));
    changed += texts.back() != s;
  }
  CHECK(changed > 200);  // the conversion did convert
  check_all_same(texts);
  // And all of them in one text, so that rules meet across the lines.
  std::string joined;
  for (const std::string& t : texts) joined += t + "\n";
  CHECK(fold_for_comparison(joined) == fold_for_comparison_icu(joined));
}

TEST_CASE("fold table: every code point up to U+2FFFF folds as ICU folds it") {
  std::vector<std::string> texts;
  for (char32_t c = 0; c <= 0x2FFFF; ++c)
    if (c < 0xD800 || c > 0xDFFF) texts.push_back(utf8(c));
  for (char32_t c = 0xE0000; c <= 0xE01EF; ++c) texts.push_back(utf8(c));  // tags, variation selectors
  for (char32_t c : {0xF0000, 0x10FFFD, 0x10FFFF}) texts.push_back(utf8(c));  // private use, noncharacter
  CHECK(check_all_same(texts) > 0x2F000);
}

TEST_CASE("fold table: every phrase rule in context folds as ICU folds it") {
  const std::vector<std::string> keys = phrase_keys();
  REQUIRE(keys.size() > 900);
  const std::vector<std::string> around = {"", "国", "國", "，", "A", "a1", "\u0301", "\u3099", "★\u0301",
                                           "\xEF\xBC\xA1" /* Ａ */, "\uF900" /* 豈 */};
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string& key = keys[i];
    const std::string& next = keys[(i + 1) % keys.size()];
    for (const std::string& before : around)
      for (const std::string& after : around) texts.push_back(before + key + after);
    std::size_t first_length = 0;
    zhinan::detail::decode_utf8(key, first_length);
    const std::string first = key.substr(0, first_length);
    const std::string shorter = key.substr(0, key.size() - 3);  // the key without its last character
    texts.push_back(shorter);
    texts.push_back(shorter + next);
    texts.push_back(first + key);
    texts.push_back(key + key);
    texts.push_back(key + next);
    texts.push_back(next + key);
    texts.push_back(key.substr(first_length) + key);
    texts.push_back(key + "\u0301" + next);
  }
  std::string all_keys, all_keys_apart;
  for (const std::string& key : keys) {
    all_keys += key;
    all_keys_apart += key + "、";
  }
  texts.push_back(all_keys);
  texts.push_back(all_keys_apart);
  check_all_same(texts);
}

TEST_CASE("fold table: random mixed text folds as ICU folds it") {
  std::vector<std::string> pool;
  for (const std::string& key : phrase_keys()) pool.push_back(key);
  for (char32_t c : mapped_code_points()) pool.push_back(utf8(c));
  for (const char* piece : {"A", "z", "7", " ", "-", "\t", "\u0300", "\u0301", "\u0327", "\u3099", "\u309A",
                            "\u1100", "\u1161", "\u11A8", "\uAC00", "e", "\u00C9", "\u212B", "\uFF21", "\uFF76",
                            "\uFF9E", "\u3000", "\u200B", "\u00AD", "\uFE0F", "\U000E0100", "\uF91F", "\u2F00",
                            "\u2460", "\u338F", "\u2605", "\U0001F681", "\U00020000", "\uFFFD", "\xFF", "\xC3",
                            "\xE4\xBA", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "苧", "苎", "薴", "「",
                            "」", "国", "際", "。", "ß", "\u0130", "\u03A3", "\uFB01", "\u00BD", "\u0344",
                            "\u0F73", "\u0345", "\u1E9B", "\u0323", "\u2126", "\u00C5", "\uFF0C", "\uFF08",
                            "\uFF1A", "\u3002", "\u2014", "\u00B7", "\uFDFA", "\u3131", "\uFFA1", "\u1160",
                            "\u0915", "\u093C", "\u0958", "\u05D9", "\u05B4", "\uFB1D", "\U0001D15E",
                            "\U0002F800", "\U000E0001", "\u0041\u030A", "\u212B\u0301"})
    pool.push_back(piece);
  std::mt19937 random(20261202);
  std::vector<std::string> texts;
  for (int i = 0; i < 30000; ++i) {
    std::string text;
    const auto length = 1 + random() % 24;
    for (unsigned j = 0; j < length; ++j) text += pool[random() % pool.size()];
    texts.push_back(std::move(text));
  }
  check_all_same(texts);
}

TEST_CASE("fold table: the phrase rules apply where ICU applies them") {
  // 乾坤 keeps 乾 (a phrase rule), also inside 扭轉乾坤; 乾燥 goes to 干燥 (the
  // single-character rule).
  CHECK(fold_for_comparison("乾坤") == "乾坤");
  CHECK(fold_for_comparison("扭轉乾坤") == "扭转乾坤");
  CHECK(fold_for_comparison("乾燥") == "干燥");
  CHECK(fold_for_comparison("餘額") == "余额");
  CHECK(fold_for_comparison("甚麼") == "什么");
  CHECK(fold_for_comparison("關係") == "关系");
  CHECK(fold_for_comparison("「關係」") == "关系");  // 「」 become “” (ICU's rules), then go
  CHECK(fold_for_comparison("苧麻與薴") == "苎麻与苎");
}

TEST_CASE("fold table: ill-formed bytes anywhere become U+FFFD first, as in ICU") {
  // Whatever comes before them: a character that joins the one before (sent to ICU's
  // normalizer), one the table normalizes, or plain text.
  for (const char* text : {"e\u0301\xFF", "\u11A8\xC3", "\u0344\xE4\xBA", "\uFF21\xFF", "國\xED\xA0\x80", "\xC0\xAF\u0301",
                           "\U0001F681\xF4\x90\x80\x80", "a\xFF\u0301"})
    CHECK(fold_for_comparison(text) == fold_for_comparison_icu(text));
  CHECK(fold_for_comparison("e\u0301\xFF") == "\u00E9");
}
