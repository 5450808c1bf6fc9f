#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "office/docx_zip.hpp"
#include "support.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan;
using zhinan::test::repeat;
using zhinan::test::sample;

namespace {

constexpr std::string_view kTicked = "\u2611";  // ☑
constexpr std::string_view kEmpty = "\u2610";    // ☐

std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::samples_dir())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string part(const std::string& docx, std::string_view name) {
  detail::ZipReader zip(docx);
  REQUIRE(zip.ok());
  auto data = zip.read(name, 64u << 20);
  REQUIRE_MESSAGE(data, "missing part ", std::string(name));
  return *data;
}

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// What document.xml shows: the text of its w:t elements, in order (still XML-escaped).
// Runs split a text where its format changes, so it is searched here, not in the XML.
std::string visible(std::string_view xml) {
  std::string out;
  for (std::size_t at = xml.find("<w:t"); at != std::string_view::npos; at = xml.find("<w:t", at + 1)) {
    const std::size_t end_of_tag = xml.find('>', at);
    if (xml[at + 4] != '>' && xml[at + 4] != ' ') continue;  // <w:tbl>, <w:tc>, <w:tr>, <w:tab/>
    if (xml[end_of_tag - 1] == '/') continue;                // an empty <w:t/>
    out += xml.substr(end_of_tag + 1, xml.find("</w:t>", end_of_tag) - end_of_tag - 1);
  }
  return out;
}

// A small well-formedness check: tags balance, attributes are quoted, every & starts a
// reference, and no character XML 1.0 forbids appears. Enough to catch an escaping slip;
// the LibreOffice test parses every part with a real XML parser too.
bool well_formed(std::string_view xml, std::string& why) {
  std::vector<std::string_view> open;
  std::size_t pos = 0;
  if (xml.starts_with("<?xml")) pos = xml.find("?>") + 2;
  for (; pos < xml.size(); ++pos) {
    const auto c = static_cast<unsigned char>(xml[pos]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return why = "control character", false;
    if (c == 0xEF && xml.substr(pos, 3) >= "\xEF\xBF\xBE") return why = "U+FFFE/U+FFFF", false;
    if (c == '&') {
      const std::size_t end = xml.find(';', pos);
      const std::string_view ref = xml.substr(pos + 1, end - pos - 1);
      const bool known = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos" ||
                         (ref.starts_with('#') && ref.size() > 1);
      if (end == std::string_view::npos || !known) return why = "stray &", false;
      continue;
    }
    if (c == '>' ) continue;
    if (c != '<') continue;
    const std::size_t end = xml.find('>', pos);
    if (end == std::string_view::npos) return why = "unterminated tag", false;
    std::string_view tag = xml.substr(pos + 1, end - pos - 1);
    pos = end;
    if (tag.find('<') != std::string_view::npos) return why = "< inside a tag", false;
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != tag.substr(1)) return why = "mismatched </" + std::string(tag), false;
      open.pop_back();
      continue;
    }
    const bool empty = tag.ends_with('/');
    if (empty) tag.remove_suffix(1);
    if (occurrences(tag, "\"") % 2 != 0) return why = "unbalanced quotes", false;
    const std::string_view name = tag.substr(0, tag.find(' '));
    if (!empty) open.push_back(name);
  }
  if (!open.empty()) return why = "unclosed <" + std::string(open.back()) + ">", false;
  return true;
}

// ☑ expected for the boxes the suggestion ticks, under the built-in profile.
std::size_t ticked_boxes(const Suggestion& s) {
  const Profile& p = Profile::builtin();
  std::size_t n = 0;
  const auto count = [&](const std::vector<std::string>& chosen, const auto& options) {
    for (const auto& o : options)
      for (const auto& c : chosen)
        if (o.matches(c)) {
          ++n;
          break;
        }
  };
  count(s.industry, p.industries());
  count(s.region, p.regions());
  count(s.project_type.bring_in_subtypes, p.bring_in_subtypes());
  n += s.project_type.bring_in + s.project_type.go_global + s.project_type.platform + s.project_type.major_event;
  return n;
}

}  // namespace

TEST_CASE("docx: every sample renders, and its embedded JSON reads back equal") {
  const auto names = sample_names();
  REQUIRE(names.size() >= 7);
  for (const std::string& name : names) {
    CAPTURE(name);
    const Suggestion s = sample(name);
    const std::string docx = render_docx(s);
    REQUIRE(docx.starts_with("PK\x03\x04"));
    std::string error;
    const auto back = read_embedded_suggestion(docx, &error);
    REQUIRE_MESSAGE(back, error);
    CHECK(*back == s);
    CHECK(to_json(*back) == to_json(s));
  }
}

TEST_CASE("docx: the same suggestion gives the same bytes, in any time zone") {
  const Suggestion s = sample("valid-sco");
  const std::string first = render_docx(s);
  CHECK(render_docx(s) == first);
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  ::setenv("TZ", "America/Los_Angeles", 1);
  ::tzset();
  CHECK(render_docx(s) == first);
  if (saved) ::setenv("TZ", saved_tz.c_str(), 1); else ::unsetenv("TZ");
  ::tzset();
  CHECK(render_docx(sample("valid-sco")) != render_docx(sample("valid-belt-and-road")));
}

TEST_CASE("docx: the package holds the parts Word needs, each well-formed") {
  const std::string docx = render_docx(sample("valid-sco"));
  detail::ZipReader zip(docx);
  REQUIRE(zip.ok());
  const std::vector<std::string> expected = {
      "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
      "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
      "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels",
      "docProps/core.xml", "docProps/app.xml"};
  CHECK(zip.names() == expected);
  for (const std::string& name : expected) {
    CAPTURE(name);
    std::string why;
    CHECK_MESSAGE(well_formed(part(docx, name), why), why);
  }
  const std::string styles = part(docx, "word/styles.xml");
  CHECK(styles.find(R"(w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312")") != std::string::npos);
  CHECK(styles.find(R"(w:eastAsia="黑体")") != std::string::npos);
  CHECK(styles.find(R"(w:eastAsia="zh-CN")") != std::string::npos);
  const std::string rels = part(docx, "word/_rels/document.xml.rels");
  CHECK(rels.find("relationships/customXml\" Target=\"../customXml/item1.xml\"") != std::string::npos);
  const std::string types = part(docx, "[Content_Types].xml");
  CHECK(types.find("/customXml/itemProps1.xml") != std::string::npos);
  const std::string item = part(docx, "customXml/item1.xml");
  CHECK(item.find(R"(<zhinan:suggestion xmlns:zhinan="urn:zhinan:suggestion:1" format="zhinan.suggestion/1">)") !=
        std::string::npos);
  const std::string document = part(docx, "word/document.xml");
  CHECK(document.find(R"(<w:pgSz w:w="11906" w:h="16838"/>)") != std::string::npos);  // A4 portrait
  CHECK(document.find(R"(<w:rFonts w:hint="eastAsia"/>)") != std::string::npos);
  CHECK(document.find("<w:tblBorders>") != std::string::npos);
}

TEST_CASE("docx: ☑ exactly where a box is ticked, ☐ on every other option of the form") {
  // 11 产业领域 + 5 合作国别、地区 + “引进来” + its 5 sub-types + 3 more types.
  constexpr std::size_t kBoxes = 11 + 5 + 1 + 5 + 3;
  for (const std::string& name : sample_names()) {
    CAPTURE(name);
    const Suggestion s = sample(name);
    const std::string document = part(render_docx(s), "word/document.xml");
    const std::size_t ticked = ticked_boxes(s);
    CHECK(occurrences(document, kTicked) == ticked);
    CHECK(occurrences(document, kEmpty) == kBoxes - ticked);
  }
  // valid-sco: 现代高效农业, 上合组织成员国, “引进来” (“卡脖子”技术) and “走出去”.
  const std::string sco = visible(part(render_docx(sample("valid-sco")), "word/document.xml"));
  CHECK(occurrences(sco, kTicked) == 5);
  const auto box_before = [&](std::string_view label) {
    const std::size_t at = sco.find(label);
    REQUIRE(at != std::string::npos);
    return sco.substr(0, at).ends_with(kTicked);
  };
  CHECK(box_before("现代高效农业"));
  CHECK_FALSE(box_before("新能源"));
  CHECK(box_before("上合组织成员国"));
  CHECK_FALSE(box_before("港澳台地区"));
  CHECK(box_before("“卡脖子”技术"));
  CHECK_FALSE(box_before("国产化替代"));
  CHECK(box_before("“走出去”"));
  CHECK_FALSE(box_before("重大活动签约"));
}

TEST_CASE("docx: the form and the report carry the data under the outline's headings") {
  const Suggestion s = sample("valid-sco");
  const std::string document = visible(part(render_docx(s), "word/document.xml"));
  for (std::string_view text :
       {"附件1", "2025年省级国际科技合作项目", "指南建议信息表", "盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范",
        "关键科学问题及技术清单（不超过5项）", "当前自评等级", "实施预期等级", "5级 初样级", "8级 产品级",
        "4级 功能级", "7级 环境级", "1260 万元", "300.5 万元", "东营黄河三角洲盐碱地农业研究院", "孙立新",
        "研究员/副院长", "0546-8316725", "备注：技术成熟度等级详见附件2《技术成熟度等级划分》",
        "“盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范”项目指南建议说明报告", "一、背景意义",
        "二、项目概述", "（一）国内外发展现状与差距分析", "1. 发展现状", "2. 主要差距", "3. 实施意义",
        "（二）开展国际科技合作的必要性", "（三）合作基础", "（四）主要研究内容", "（五）项目目标", "1. 技术指标",
        "2. 绩效目标", "（六）资金投入", "三、关键技术清单及技术成熟度",
        "（一）关键技术1：耐盐棉花小麦种质高通量精准鉴定与分子标记辅助选择", "技术描述：", "当前技术成熟度等级：",
        "预期指标：", "四、预期成效和项目交示件", "五、指南建议", "1. 验收考核指标", "2. 绩效参考指标", "申报条件：",
        "支持强度：", "技术成熟度：", "项目交示件：", "张榜范围：", "知识产权", "经济效益", "社会效益", "1.8 kg/m³",
        "300份", "检验、评测、考核方式"}) {
    CAPTURE(text);
    CHECK(document.find(text) != std::string::npos);
  }
}

TEST_CASE("docx: 其他 shows its text, and a report file of the unit's own is named, not rendered") {
  const std::string other = part(render_docx(sample("valid-other-industry")), "word/document.xml");
  CHECK(other.find("文化遗产保护与数字化") != std::string::npos);

  Suggestion s = sample("valid-sco");
  s.report.reset();
  s.report_document = "reports/东营-说明报告.pdf";
  const std::string docx = render_docx(s);
  const std::string document = visible(part(docx, "word/document.xml"));
  CHECK(document.find("说明报告见单位提供的文件“东营-说明报告.pdf”") != std::string::npos);
  CHECK(document.find("一、背景意义") == std::string::npos);
  const auto back = read_embedded_suggestion(docx);
  REQUIRE(back);
  CHECK(*back == s);
}

TEST_CASE("docx: hostile text renders as well-formed XML and the data survives exactly") {
  Suggestion s = sample("valid-sco");
  s.title = "<script>&amp; \"quoted\" 'single' ]]> \x01\x07\x1b\x7f \xc2\x85 \xef\xbf\xbe\xef\xbf\xbf end";
  s.overview = repeat("氢", 9990) + "<&>\"'\t\r\n尾";
  s.source.unit = "单位\r\n第二行\x0b";
  s.key_technologies[0].name = "</w:t></w:r><w:r><w:t>injected";
  s.report->background = "a & b < c > d";
  s.report->technical_indicators[0].unit = "<%>";
  const std::string docx = render_docx(s);
  for (std::string_view name : {"word/document.xml", "customXml/item1.xml", "docProps/core.xml", "docProps/app.xml"}) {
    CAPTURE(name);
    std::string why;
    CHECK_MESSAGE(well_formed(part(docx, name), why), why);
  }
  const std::string document = part(docx, "word/document.xml");
  CHECK(document.find("&lt;script&gt;&amp;amp; &quot;quoted&quot; 'single' ]]&gt;") != std::string::npos);
  CHECK(document.find("injected") != std::string::npos);
  CHECK(document.find("</w:t></w:r><w:r><w:t>injected") == std::string::npos);
  CHECK(occurrences(document, "氢") == 9990);  // in the form's 项目概述, not again in the report
  std::string error;
  const auto back = read_embedded_suggestion(docx, &error);
  REQUIRE_MESSAGE(back, error);
  CHECK(*back == s);
  // Bytes that are not UTF-8 (a caller's own Suggestion: the JSON reader refuses them)
  // render as U+FFFD, the text around them kept.
  s.title = "前\xff中\xe4\xb8后";
  const std::string bad = part(render_docx(s), "word/document.xml");
  std::string why;
  CHECK_MESSAGE(well_formed(bad, why), why);
  CHECK(bad.find("前\xEF\xBF\xBD中\xEF\xBF\xBD") != std::string::npos);
  CHECK(bad.find("\xEF\xBF\xBD后") != std::string::npos);
}

TEST_CASE("docx: an empty suggestion still renders a complete form") {
  const std::string docx = render_docx(Suggestion{});
  const std::string document = part(docx, "word/document.xml");
  std::string why;
  CHECK_MESSAGE(well_formed(document, why), why);
  CHECK(occurrences(document, kEmpty) == 25);
  CHECK(occurrences(document, kTicked) == 0);
  CHECK(document.find("（未提供说明报告）") != std::string::npos);
  const auto back = read_embedded_suggestion(docx);
  REQUIRE(back);
  CHECK(*back == Suggestion{});
}

TEST_CASE("docx: reading back refuses what is not a zhinan .docx, and says why") {
  std::string error;
  CHECK_FALSE(read_embedded_suggestion("not a zip at all", &error));
  CHECK(error.find("ZIP") != std::string::npos);

  const std::string no_data = detail::write_zip({{"word/document.xml", "<w:document/>"}});
  CHECK_FALSE(read_embedded_suggestion(no_data, &error));
  CHECK(error.find("no embedded suggestion") != std::string::npos);

  const std::string damaged = detail::write_zip(
      {{"customXml/item1.xml", R"(<zhinan:suggestion xmlns:zhinan="urn:zhinan:suggestion:1"><x/></zhinan:suggestion>)"}});
  CHECK_FALSE(read_embedded_suggestion(damaged, &error));
  CHECK(error.find("damaged") != std::string::npos);

  const std::string not_json = detail::write_zip(
      {{"customXml/item1.xml", R"(<zhinan:suggestion xmlns:zhinan="urn:zhinan:suggestion:1">{&quot;</zhinan:suggestion>)"}});
  CHECK_FALSE(read_embedded_suggestion(not_json, &error));
  CHECK(error.find("does not parse") != std::string::npos);

  // Renumbered by an office suite, in CDATA, with a comment: still read.
  const std::string json = to_json(sample("valid-hk-macao-taiwan"));
  const std::string moved = detail::write_zip(
      {{"customXml/item3.xml", "<?xml version=\"1.0\"?>\r\n<!-- saved again -->\r\n<ns0:suggestion "
                               "xmlns:ns0='urn:zhinan:suggestion:1'><![CDATA[" + json + "]]></ns0:suggestion>"}});
  const auto back = read_embedded_suggestion(moved, &error);
  REQUIRE_MESSAGE(back, error);
  CHECK(*back == sample("valid-hk-macao-taiwan"));
}
