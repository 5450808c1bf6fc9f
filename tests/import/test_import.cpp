// Reading a unit's Word form (SPEC.md, import): values, every kind of box, the form's
// table, the report, the embedded JSON, and files that are no form.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "import/form_values.hpp"
#include "office/docx_zip.hpp"
#include "support.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/import.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan;

namespace {

constexpr std::string_view kNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml")";

// A .docx whose document.xml body is `body` (what Word would write inside <w:body>).
std::string docx_with_body(const std::string& body) {
  const std::string document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " +
                               std::string(kNamespaces) + "><w:body>" + body + "</w:body></w:document>";
  return detail::write_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document}});
}

std::string run(std::string_view text) { return "<w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r>"; }
std::string cell(const std::string& content, std::string_view props = "") {
  return "<w:tc><w:tcPr>" + std::string(props) + "</w:tcPr><w:p>" + content + "</w:p></w:tc>";
}
std::string row(const std::string& a, const std::string& b) { return "<w:tr>" + cell(a) + cell(b) + "</w:tr>"; }

// The rows of 附件1 a unit fills in, with the industry and region cells given.
std::string form(const std::string& industry_cell, const std::string& region_cell,
                 std::string_view total = "1200万元", std::string_view provincial = "300") {
  return "<w:tbl>" + row(run("产业领域"), industry_cell) + row(run("合作国别、地区"), region_cell) +
         row(run("项目名称"), run("氢能示范")) +
         row(run("项目类型"), run("☑“引进来”（☐0-1颠覆性技术☑“卡脖子”技术）☐“走出去”")) +
         row(run("项目概述"), run("概述。")) + row(run("项目计划总投入"), run(total)) +
         row(run("省财政资金支持强度建议"), run(provincial)) + row(run("建议单位"), run("某研究院")) + "</w:tbl>";
}

ImportResult import_body(const std::string& body) { return import_docx(docx_with_body(body)); }

const std::vector<std::string> kSamples = {"valid-sco", "valid-belt-and-road", "valid-hk-macao-taiwan",
                                           "valid-innovation-leaders", "valid-multilateral", "valid-other-industry"};

}  // namespace

TEST_CASE("import.values: amounts in 万元 as units write them, 元 converted exactly") {
  using detail::read_amount;
  CHECK(read_amount("1200").amount->literal == "1200");
  CHECK(read_amount("1,200.5").amount->literal == "1200.5");
  CHECK(read_amount("1200万元").amount->literal == "1200");
  CHECK(read_amount("１２００ 万元").amount->literal == "1200");
  const auto yuan = read_amount("12,600,000元");
  CHECK(yuan.converted_from_yuan);
  CHECK(yuan.amount->literal == "1260");
  CHECK(read_amount("3005元").amount->literal == "0.3005");
  CHECK(read_amount("XXXX 万元").placeholder);
  CHECK_FALSE(read_amount("XXXX 万元").amount);
  CHECK(read_amount("三百万").amount->quoted);  // no number: kept as written for funding.total_invalid
  CHECK(read_amount("12,00").amount->quoted);   // a comma that groups no thousands is no separator
}

TEST_CASE("import.values: levels by number, 级, 第四级, TRL 4 or the level's name") {
  const TrlScale& scale = Profile::builtin().trl_scale();
  for (std::string_view text : {"4", "4级", "第4级", "第四级", "TRL4", "TRL 4", "trl 4", "功能级", "4级 功能级", "４"}) {
    CAPTURE(text);
    REQUIRE(detail::read_level(text, scale));
    CHECK(detail::read_level(text, scale)->value == 4);
  }
  CHECK(detail::read_level("第十三级", scale)->value == 13);
  CHECK_FALSE(detail::read_level("较高", scale));
}

TEST_CASE("import.boxes: glyphs, Wingdings symbols, content controls and FORMCHECKBOX fields are read alike") {
  const std::string wingdings2 = "<w:r><w:sym w:font=\"Wingdings 2\" w:char=\"F052\"/></w:r>" + run("新能源") +
                                 "<w:r><w:sym w:font=\"Wingdings 2\" w:char=\"F0A3\"/></w:r>" + run("新材料");
  const std::string wingdings_pua = "<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\xEF\x82\xA8</w:t></w:r>" +
                                    run("多边科技合作") +
                                    "<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\xEF\x83\xBE</w:t></w:r>" +
                                    run("上合组织成员国");
  CHECK(import_body(form(wingdings2, wingdings_pua)).suggestion->industry == std::vector<std::string>{"new_energy"});
  CHECK(import_body(form(wingdings2, wingdings_pua)).suggestion->region == std::vector<std::string>{"sco"});

  const auto control = [](bool checked) {
    return std::string("<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"") + (checked ? "1" : "0") +
           "\"/></w14:checkbox></w:sdtPr><w:sdtContent>" + run(checked ? "☒" : "☐") + "</w:sdtContent></w:sdt>";
  };
  const auto legacy = [](std::string_view checked_element) {
    return "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/>" + std::string(checked_element) +
           "</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  // A bare <w:checked/> is on (ST_OnOff); <w:default w:val="1"/> ticks when w:checked is absent.
  const ImportResult r = import_body(form(control(false) + run("高端装备") + control(true) + run("现代海洋"),
                                          legacy("<w:default w:val=\"0\"/>") + run("多边科技合作") +
                                              legacy("<w:default w:val=\"0\"/><w:checked/>") + run("港澳台地区")));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"modern_marine"});
  CHECK(r.suggestion->region == std::vector<std::string>{"hk_macao_taiwan"});
  const ImportResult by_default = import_body(form(run("☑新能源"), legacy("<w:default w:val=\"1\"/>") + run("创新领先国家")));
  CHECK(by_default.suggestion->region == std::vector<std::string>{"innovation_leaders"});
}

TEST_CASE("import.boxes: a tick before the chosen label only, or every other option deleted") {
  ImportResult r = import_body(form(run("新一代信息技术 √新能源 新材料"), run("上合组织成员国")));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"new_energy"});
  CHECK(r.suggestion->region == std::vector<std::string>{"sco"});
  CHECK(r.suggestion->project_type.bring_in);
  CHECK(r.suggestion->project_type.bring_in_subtypes == std::vector<std::string>{"chokepoint"});
  CHECK_FALSE(r.suggestion->project_type.go_global);
  // Two labels standing and no box: not guessed.
  r = import_body(form(run("新能源 新材料"), run("■上合组织成员国")));
  CHECK(r.suggestion->industry.empty());
  CHECK(has(r.diagnostics, "import.choice_unclear"));
  CHECK(r.diagnostics.front().path == "/industry");
  // 其他 with its text.
  r = import_body(form(run("☑其他：文物保护____"), run("☑港澳台地区")));
  CHECK(r.suggestion->industry == std::vector<std::string>{"other"});
  CHECK(r.suggestion->industry_other == "文物保护");
}

TEST_CASE("import.text: spaced labels, a run per character, tracked changes and field instructions") {
  std::string spaced;
  for (std::string_view c : {"项", " ", "目", " ", "名", " ", "称"}) spaced += run(c);
  const std::string title = run("氢能") + "<w:del w:id=\"1\"><w:r><w:delText>错误</w:delText></w:r></w:del>" +
                            "<w:ins w:id=\"2\"><w:r><w:t>示范</w:t></w:r></w:ins><w:proofErr w:type=\"spellStart\"/>" +
                            "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>" + run("工程") + "<w:bookmarkEnd w:id=\"0\"/>" +
                            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("一期") +
                            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:commentReference w:id=\"3\"/></w:r>";
  const std::string body = "<w:tbl>" + row(run("产 业 领 域"), run("☑新能源")) + row(run("合作国别（地区）"), run("☑上合组织成员国")) +
                           row(spaced, title) + "</w:tbl>";
  const ImportResult r = import_body(body);
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "氢能示范工程一期");
  CHECK(r.suggestion->region == std::vector<std::string>{"sco"});
}

TEST_CASE("import.form: placeholders are empty fields, amounts in 元 converted, each said") {
  const ImportResult r = import_body(form(run("☑新能源"), run("☑上合组织成员国"), "12,000,000元", "XXXX 万元"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->funding.total->literal == "1200");
  CHECK_FALSE(r.suggestion->funding.provincial);
  CHECK(has(r.diagnostics, "import.unit_converted"));
  CHECK(has(r.diagnostics, "import.placeholder"));
  for (const Diagnostic& d : r.diagnostics) {
    if (d.id == "import.unit_converted") CHECK(d.path == "/funding/total");
    if (d.id == "import.placeholder") CHECK(d.path == "/funding/provincial");
    CHECK_FALSE(d.message_zh.empty());
    CHECK_FALSE(d.message_en.empty());
  }
  CHECK(r.suggestion->department.empty());  // the form has no 主管部门 row
}

TEST_CASE("import.render: every rendered sample reads back as the suggestion it came from") {
  for (const std::string& name : kSamples) {
    CAPTURE(name);
    const Suggestion sample = test::sample(name);
    Suggestion expected = sample;
    expected.department.clear();
    expected.document.clear();
    const ImportResult r = import_docx(render_docx(sample));
    REQUIRE(r.suggestion);
    CHECK(r.diagnostics.empty());
    Suggestion got = *r.suggestion;
    // Amounts compare by value: the form cannot show whether they were quoted in JSON.
    for (auto* pair : {&expected.funding.total, &expected.funding.provincial}) {
      if (*pair && (*pair)->money()) **pair = DecimalText{(*pair)->money()->to_string(), false};
    }
    CHECK(to_json(got) == to_json(expected));
    // rendered → imported → rendered → imported is a fixed point.
    CHECK(to_json(*import_docx(render_docx(got)).suggestion) == to_json(got));
  }
}

TEST_CASE("import.embedded_differs: an edit of the visible form is said, and the form wins") {
  const Suggestion sample = test::sample("valid-sco");
  std::string bytes = render_docx(sample);
  detail::ZipReader zip(bytes);
  std::vector<detail::ZipEntry> entries;
  for (const std::string& name : zip.names()) {
    std::string data = *zip.read(name, 64u << 20);
    if (name == "word/document.xml") {
      const std::size_t at = data.find(sample.title);
      REQUIRE(at != std::string::npos);
      data.replace(at, sample.title.size(), "改过的项目名称");
    }
    entries.push_back({name, std::move(data)});
  }
  const ImportResult r = import_docx(detail::write_zip(entries));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "改过的项目名称");
  REQUIRE(has(r.diagnostics, "import.embedded_differs"));
  CHECK(r.diagnostics.front().path == "/title");
}

TEST_CASE("import.hostile: what is no .docx says what it is instead") {
  const auto first_id = [](const ImportResult& r) { return r.diagnostics.empty() ? std::string() : r.diagnostics.front().id; };
  CHECK(first_id(import_docx("%PDF-1.7\n1 0 obj")) == "import.not_docx");
  CHECK(describe_non_docx("%PDF-1.7") == "it is a PDF file");
  const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0');
  CHECK(describe_non_docx(ole).find(".doc") != std::string::npos);
  std::string encrypted = ole;
  for (char c : std::string_view("EncryptedPackage")) encrypted += std::string{c, '\0'};
  CHECK(describe_non_docx(encrypted).find("encrypted") != std::string::npos);
  CHECK(first_id(import_docx(detail::write_zip({{"a.txt", "x"}}))) == "import.not_docx");
  CHECK(first_id(import_docx("plain text")) == "import.not_docx");
  CHECK(first_id(import_body("<w:p>" + run("没有表格") + "</w:p>")) == "import.form_not_found");
  const ImportResult wrong_ext = import_docx_file(test::source_dir() / "examples/data/valid-sco.json");
  CHECK(first_id(wrong_ext) == "import.not_docx");
  CHECK(first_id(import_docx_file("单位.doc")) == "import.format_unsupported");
}

TEST_CASE("import.hostile: a DOCTYPE, deep nesting and a bomb are refused in bounded time") {
  const auto started = std::chrono::steady_clock::now();
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><w:document " + std::string(kNamespaces) +
      "><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>";
  ImportResult r = import_docx(detail::write_zip({{"word/document.xml", laughs}}));
  CHECK(r.diagnostics.front().id == "import.not_docx");
  CHECK(r.diagnostics.front().message_en.find("DOCTYPE") != std::string::npos);

  std::string deep = "<w:document " + std::string(kNamespaces) + "><w:body>";
  for (int i = 0; i < 100000; ++i) deep += "<w:sdt><w:sdtContent>";
  r = import_docx(detail::write_zip({{"word/document.xml", deep}}));  // unclosed too: refused either way
  CHECK_FALSE(r.suggestion);
  deep = "<w:document " + std::string(kNamespaces) + "><w:body>";
  for (int i = 0; i < 100000; ++i) deep += "<w:sdt>";
  for (int i = 0; i < 100000; ++i) deep += "</w:sdt>";
  deep += "</w:body></w:document>";
  r = import_docx(detail::write_zip({{"word/document.xml", deep}}));
  CHECK(r.diagnostics.front().id == "import.limits_exceeded");

  // 64 MB of zeros deflates to ~64 kB: over the ratio limit, refused before inflating.
  r = import_docx(detail::write_zip({{"word/document.xml", std::string(64u << 20, ' ')}}));
  CHECK(r.diagnostics.front().id == "import.limits_exceeded");
  ImportLimits small;
  small.max_part_size = 1024;
  r = import_docx(docx_with_body(form(run("☑新能源"), run("☑上合组织成员国"))), Profile::builtin(), small);
  CHECK(r.diagnostics.front().id == "import.limits_exceeded");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
}
