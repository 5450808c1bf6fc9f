// The rendered 附件1 as it must print: GB/T 9704's page and faces, options never broken,
// rows never split, the overview once. (docx.libreoffice_layout checks the same on paper.)
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "office/docx_layout.hpp"
#include "office/docx_zip.hpp"
#include "support.hpp"
#include "zhinan/docx.hpp"

using namespace zhinan;
using zhinan::test::repeat;
using zhinan::test::sample;

namespace {

std::string part(const std::string& docx, std::string_view name) {
  detail::ZipReader zip(docx);
  REQUIRE(zip.ok());
  auto data = zip.read(name, 64u << 20);
  REQUIRE_MESSAGE(data, "missing part ", std::string(name));
  return *data;
}

std::string document_of(const Suggestion& s) { return part(render_docx(s), "word/document.xml"); }

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Where the last of `whats` before `at` starts (0 when none is).
std::size_t last_before(const std::string& xml, std::initializer_list<std::string_view> whats, std::size_t at) {
  std::size_t last = 0;
  for (std::string_view what : whats) {
    const std::size_t p = xml.rfind(what, at);
    if (p != std::string::npos) last = std::max(last, p);
  }
  return last;
}

// The paragraph (<w:p>…</w:p>) around `at`.
std::string paragraph_at(const std::string& xml, std::size_t at) {
  const std::size_t begin = last_before(xml, {"<w:p>", "<w:p "}, at);
  return xml.substr(begin, xml.find("</w:p>", at) - begin);
}

// The text of every w:t, in order: what the document shows, wherever runs split it.
std::string visible(const std::string& xml) {
  std::string out;
  const std::regex t(R"(<w:t(?: [^>]*)?>([^<]*)</w:t>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), t); it != std::sregex_iterator(); ++it) out += (*it)[1].str();
  return out;
}

// What a paragraph shows, in order: each w:t's text, and "⏎" for each line break.
std::vector<std::string> shown(const std::string& xml) {
  std::vector<std::string> out;
  const std::regex token(R"(<w:t[^>]*>([^<]*)</w:t>|<w:br/>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), token); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[0].str() == "<w:br/>" ? "⏎" : (*it)[1].str());
  }
  return out;
}

}  // namespace

TEST_CASE("docx layout: 附件1 in 黑体 above the title, on GB/T 9704's A4 page") {
  const std::string docx = render_docx(sample("valid-sco"));
  const std::string document = part(docx, "word/document.xml");
  const std::size_t label = document.find(">附件1<"), title = document.find("2025年省级国际科技合作项目");
  REQUIRE(label != std::string::npos);
  CHECK(label < title);
  CHECK(document.find("AttachmentLabel") < label);
  CHECK(document.find("<w:tbl>") > title);
  // 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm: a 156 mm text block, which every table fills.
  CHECK(document.find(R"(<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587")") != std::string::npos);
  CHECK(occurrences(document, R"(<w:tblW w:w="8845" w:type="dxa"/>)") == occurrences(document, "<w:tbl>"));
  // Broken before 指南建议, as the call's form is.
  CHECK(document.find("项目</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr>"
                      "<w:t xml:space=\"preserve\">指南建议信息表") != std::string::npos);

  const std::string styles = part(docx, "word/styles.xml");
  const auto style = [&](std::string_view id) {
    const std::size_t at = styles.find("w:styleId=\"" + std::string(id) + "\"");
    REQUIRE(at != std::string::npos);
    return styles.substr(at, styles.find("</w:style>", at) - at);
  };
  CHECK(style("AttachmentLabel").find(R"(w:eastAsia="黑体")") != std::string::npos);
  CHECK(style("AttachmentLabel").find(R"(<w:jc w:val="left"/>)") != std::string::npos);
  CHECK(style("Title").find(R"(w:eastAsia="方正小标宋简体")") != std::string::npos);
  CHECK(style("Title").find(R"(<w:sz w:val="44"/>)") != std::string::npos);  // 二号
  CHECK(style("Heading2").find(R"(w:eastAsia="楷体_GB2312")") != std::string::npos);
  CHECK(style("BodyText").find(R"(<w:sz w:val="32"/>)") != std::string::npos);  // 三号
  CHECK(style("BodyText").find(R"(w:line="579" w:lineRule="exact")") != std::string::npos);  // 22 lines a page
  CHECK(style("TableText").find(R"(<w:sz w:val="21"/>)") != std::string::npos);  // 五号
  // A face missing on the reader's machine falls back to the one every Windows has.
  const std::string fonts = part(docx, "word/fontTable.xml");
  CHECK(fonts.find(R"(<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>)") != std::string::npos);
  CHECK(fonts.find(R"(<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>)") != std::string::npos);
}

TEST_CASE("docx layout: each style sets one face for every script, so digits and “” come from the Chinese face") {
  const std::string styles = part(render_docx(sample("valid-sco")), "word/styles.xml");
  const std::regex fonts(R"re(<w:rFonts w:ascii="([^"]*)" w:eastAsia="([^"]*)" w:hAnsi="([^"]*)" w:cs="([^"]*)"/>)re");
  int seen = 0;
  for (auto it = std::sregex_iterator(styles.begin(), styles.end(), fonts); it != std::sregex_iterator(); ++it, ++seen) {
    CAPTURE((*it)[0].str());
    CHECK((*it)[1] == (*it)[2]);
    CHECK((*it)[3] == (*it)[2]);
  }
  CHECK(seen >= 5);
  // Latin text stays en-US: under zh-CN LibreOffice breaks "2019" and English words anywhere.
  CHECK(styles.find(R"(<w:lang w:val="en-US" w:eastAsia="zh-CN")") != std::string::npos);
}

TEST_CASE("docx layout: no row splits across pages, and the report's tables repeat their heading row") {
  const Suggestion s = sample("valid-sco");
  const std::string document = document_of(s);
  CHECK(occurrences(document, "<w:tr>") == occurrences(document, "<w:cantSplit/>"));
  const Report& r = *s.report;
  const std::size_t tables = !r.technical_indicators.empty() + !r.performance_targets.empty() +
                             !r.guideline->acceptance_indicators.empty() + !r.guideline->performance_indicators.empty() +
                             !r.deliverables.empty();
  CHECK(occurrences(document, "<w:tblHeader/>") == tables);
  // The heading rows of 关键科学问题及技术清单 keep with its first item.
  const std::size_t list = document.find("关键科学问题及技术清单");
  CHECK(paragraph_at(document, list).find("<w:keepNext/>") != std::string::npos);

  // An overview longer than page 1 holds below the options may continue on page 2.
  Suggestion long_overview = s;
  long_overview.overview = repeat("氢能", 500);
  const std::string long_document = document_of(long_overview);
  CHECK(occurrences(long_document, "<w:tr>") == occurrences(long_document, "<w:cantSplit/>") + 1);
}

TEST_CASE("docx layout: options are laid out in lines that break between options, never inside one") {
  using detail::FlowItem;
  // Four-character options in a cell 12.5 em wide: two to a line (5.25 em each, a 1 em gap,
  // 1 em kept free); 其他： with its blank (9 em) leaves no room for the note, which moves
  // whole to a line of its own.
  const int width = static_cast<int>(12.5 * 210) + 216;
  detail::WordDocument doc;
  detail::write_flow(doc,
                     {{.box = true, .text = "高端装备"}, {.box = false, .text = "高端化工"},
                      {.box = false, .text = "现代海洋"}, {.box = false, .text = "医养健康"},
                      {.box = false, .text = "其他：", .fill_in = ""}, {.text = "（仅选）", .gap_before = false}},
                     width, detail::style::table_text_size);
  const std::string xml = doc.finish("rId4");
  const std::vector<std::string> expected = {
      "☑", "高端装备", "\u3000", "☐", "高端化工", "⏎", "☐", "现代海洋", "\u3000", "☐", "医养健康", "⏎",
      "☐", "其他：", "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0", "⏎", "（仅选）"};
  CHECK(shown(xml) == expected);
  CHECK(xml.find(R"(<w:jc w:val="left"/>)") != std::string::npos);  // Word would stretch a justified line before ⏎
  CHECK(xml.find(R"(<w:u w:val="single"/>)") != std::string::npos);  // the blank of 其他：

  // In the form every line of options starts with a box or a parenthesis (never inside
  // an option), and every option's label follows its box directly.
  const std::string document = document_of(sample("valid-sco"));
  const std::size_t form = document.find("<w:tbl>"), form_end = document.find("关键科学问题及技术清单");
  std::size_t breaks = 0;
  for (std::size_t at = document.find("<w:br/>", form); at < form_end; at = document.find("<w:br/>", at + 1)) {
    const std::string next = visible(document.substr(at, 400));
    CAPTURE(next);
    CHECK((next.starts_with("☐") || next.starts_with("☑") || next.starts_with("（")));
    ++breaks;
  }
  CHECK(breaks >= 3);  // 产业领域 and 合作国别、地区 take two lines or more, 项目类型 too
  const std::string text = visible(document);
  for (const auto& label : {"新一代信息技术", "高端化工", "现代高效农业", "其他：", "港澳台地区", "“一带一路”共建国家",
                            "“引进来”", "0-1颠覆性技术", "变革性技术迭代）", "重大活动签约"}) {
    CAPTURE(label);
    const std::size_t at = text.find(label);
    REQUIRE(at != std::string::npos);
    const std::string before = text.substr(0, at);
    CHECK((before.ends_with("☐") || before.ends_with("☑")));
  }
}

TEST_CASE("docx layout: every Chinese quotation mark is a zh-CN run, so LibreOffice draws it full-width") {
  const std::string document = document_of(sample("valid-sco"));
  const std::string text = visible(document);
  std::size_t quotes = 0, marked = 0;
  for (std::string_view q : {"“", "”", "‘", "’"}) {
    quotes += occurrences(text, q);
    marked += occurrences(document, R"(<w:lang w:val="zh-CN"/></w:rPr><w:t xml:space="preserve">)" + std::string(q) + "</w:t>");
  }
  CHECK(quotes > 10);
  CHECK(marked == quotes);
}

TEST_CASE("docx layout: a check box stands as tall as the characters beside it") {
  CHECK(detail::box_size(21) == 25);  // 五号 text, a 12.5 pt box
  CHECK(detail::box_size(32) == 37);  // 三号 text, an 18.5 pt box
  const std::string document = document_of(sample("valid-sco"));
  CHECK(occurrences(document, R"(w:cs="Segoe UI Symbol"/><w:sz w:val="25"/><w:szCs w:val="25"/>)") == 25);
}

TEST_CASE("docx layout: columns hold their words: 序号, 知识产权, 当前自评等级 never wrap") {
  CHECK(detail::em_width("知识产权") == 4.0);
  CHECK(detail::em_width("0-1颠覆性技术") == doctest::Approx(5 + 3 * 0.6));
  CHECK(detail::em_width("☐") == doctest::Approx(1.25));
  CHECK(detail::column_for(4, 21) == 1161);  // 4.5 em of 五号 and the cell's margins
  CHECK(detail::ems_in(1161, 21) == doctest::Approx(4.5));
  const std::string document = document_of(sample("valid-sco"));
  for (double ems : {2.0, 4.0, 5.0, 6.0}) {  // 序号, 知识产权, 合作国别、, 当前自评等级
    CAPTURE(ems);
    CHECK(document.find("<w:gridCol w:w=\"" + std::to_string(detail::column_for(ems, 21)) + "\"/>") != std::string::npos);
  }
  CHECK(document.find("合作国别、</w:t>") != std::string::npos);  // the label broken after 、, no word split
}

TEST_CASE("docx layout: the overview once and justified, 资金投入 saying the amounts once") {
  const Suggestion s = sample("valid-sco");
  const std::string document = document_of(s);
  const std::string head = s.overview.substr(0, 30);
  CHECK(occurrences(document, head) == 1);
  CHECK(paragraph_at(document, document.find(head)).find(R"(<w:jc w:val="both"/>)") != std::string::npos);
  // The unit's plan already says 项目计划总投入1260万元 … 300.5万元: no sentence of ours before it.
  CHECK(occurrences(document, "总投入1260万元") == 1);
  CHECK(document.find("万元，省财政资金支持强度建议") == std::string::npos);

  Suggestion silent = s;
  silent.report->funding_plan = "省财政资金主要用于种质引进与检疫。";
  const std::string with_sentence = document_of(silent);
  CHECK(with_sentence.find("项目计划总投入1260万元，省财政资金支持强度建议300.5万元。") != std::string::npos);
}
