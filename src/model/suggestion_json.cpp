#include "zhinan/suggestion_json.hpp"

#include <algorithm>
#include <unordered_set>

#include "model/json_read.hpp"
#include "model/json_text.hpp"
#include "model/json_writer.hpp"
#include "zhinan/io.hpp"

namespace zhinan {
namespace {

using detail::JsonWriter;
using detail::ObjectReader;
namespace json = boost::json;

constexpr std::string_view kWrongType = "format.wrong_type";

// Reads the objects of an array member, each through `read_item(reader)`.
template <typename T, typename ReadItem>
std::vector<T> read_list(ObjectReader& parent, std::string_view key, ReadItem read_item) {
  std::vector<T> out;
  const json::array* items = parent.array(key);
  if (!items) return out;
  out.reserve(items->size());  // growing by doubling would hold two copies at once
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json::value& item = (*items)[i];
    std::string path = parent.path_of(key) + "/" + std::to_string(i);
    if (!item.is_object()) {
      if (!parent.admits(kWrongType)) continue;
      parent.report(detail::make_diagnostic(
          std::string(kWrongType), Severity::error, path,
          "第" + std::to_string(i + 1) + "项应为对象（{…}），实为" + std::string(detail::kind_zh(item)),
          "item " + std::to_string(i + 1) + " should be an object ({…}), not " +
              std::string(detail::kind_en(item))));
      continue;
    }
    ObjectReader reader(item.get_object(), path, parent.context());
    out.push_back(read_item(reader));
  }
  return out;
}

// Labels and aliases become codes; the same box ticked twice (code and label) is one box.
// A set finds the boxes seen: a list of 10^5 texts must not take 10^10 comparisons.
template <typename Find>
std::vector<std::string> to_codes(std::vector<std::string> ticked, Find find) {
  std::vector<std::string> codes;
  std::unordered_set<std::string_view> seen;
  codes.reserve(ticked.size());
  for (auto& text : ticked) {
    if (const auto* choice = find(text)) text = choice->code;
    if (seen.contains(text)) continue;
    codes.push_back(std::move(text));
    seen.insert(codes.back());  // reserved: no push_back moves the strings seen points into
  }
  return codes;
}

// Indicator categories by their Chinese names too (the report's tables use them).
std::string category_code(std::string text) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"技术", "technical"},   {"技术指标", "technical"}, {"产品", "product"},   {"产品指标", "product"},
      {"知识产权", "ip"},      {"经济", "economic"},      {"经济效益", "economic"}, {"社会", "social"},
      {"社会效益", "social"},  {"人才", "talent"},        {"人才培养", "talent"}, {"平台", "platform"},
      {"平台建设", "platform"}};
  for (const auto& [name, code] : kNames)
    if (text == name) return std::string(code);
  return text;
}

Evidence read_evidence(ObjectReader& r) {
  Evidence e;
  e.kind = r.string("kind").value_or("");
  e.title = r.string("title").value_or("");
  e.reference = r.string("reference").value_or("");
  e.unknown = r.unknown(true);
  return e;
}

std::optional<TrlLevel> read_level(ObjectReader& r, std::string_view key) {
  if (auto v = r.integer(key)) return TrlLevel{static_cast<int>(*v)};
  return std::nullopt;
}

KeyTechnology read_key_technology(ObjectReader& r) {
  KeyTechnology k;
  k.name = r.string("name").value_or("");
  k.description = r.string("description").value_or("");
  k.trl.current = read_level(r, "trl_current");
  k.trl.expected = read_level(r, "trl_expected");
  k.trl.evidence = read_list<Evidence>(r, "evidence", read_evidence);
  k.expected_indicators = r.string("expected_indicators").value_or("");
  k.unknown = r.unknown(true);
  return k;
}

// A target is a number, or a text with one in it ("≥95%", "不低于 99.5"): a text without
// any digit ("str", "显著提升") belongs in the indicator's text, and is read as no target.
std::optional<DecimalText> read_target(ObjectReader& r) {
  std::optional<DecimalText> target = r.decimal("target");
  if (!target || !target->quoted || target->literal.empty()) return target;
  const std::string& t = target->literal;
  if (t.find_first_of("0123456789") != std::string::npos) return target;
  for (std::string_view digit : {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"})
    if (t.find(digit) != std::string::npos) return target;
  if (!r.admits(kWrongType)) return std::nullopt;
  const std::string shown = detail::abbreviated(t);
  Diagnostic d = detail::make_diagnostic(
      std::string(kWrongType), Severity::error, r.path_of("target"),
      "“target”（目标值）应为数字或含数字的目标（如 95 或“≥95%”），实为不含数字的文字“" + shown + "”",
      "\"target\" should be a number or a target with digits in it (like 95 or \"≥95%\"), not the text \"" +
          shown + "\"");
  d.params = {{"field", "target"}, {"expected", "a number or a target with digits"}, {"actual", "a string"},
              {"value", shown}};
  r.report(std::move(d));
  return std::nullopt;
}

Indicator read_indicator(ObjectReader& r) {
  Indicator i;
  i.category = category_code(r.string("category").value_or(""));
  i.text = r.string("text").value_or("");
  i.target = read_target(r);
  i.unit = r.string("unit").value_or("");
  i.domestic = r.string("domestic").value_or("");
  i.international = r.string("international").value_or("");
  i.unknown = r.unknown(true);
  return i;
}

Deliverable read_deliverable(ObjectReader& r) {
  Deliverable d;
  d.name = r.string("name").value_or("");
  d.verification = r.string("verification").value_or("");
  d.unknown = r.unknown(true);
  return d;
}

Partner read_partner(ObjectReader& r) {
  Partner p;
  p.name = r.string("name").value_or("");
  p.country = r.string("country").value_or("");
  p.unknown = r.unknown(true);
  return p;
}

Guideline read_guideline(ObjectReader& r) {
  Guideline g;
  g.research_content = r.string("research_content").value_or("");
  g.acceptance_indicators = read_list<Indicator>(r, "acceptance_indicators", read_indicator);
  g.performance_indicators = read_list<Indicator>(r, "performance_indicators", read_indicator);
  g.eligibility = r.string("eligibility").value_or("");
  g.support_intensity = r.string("support_intensity").value_or("");
  g.readiness = r.string("readiness").value_or("");
  g.deliverables = r.string("deliverables").value_or("");
  g.scope = r.string("scope").value_or("");
  g.unknown = r.unknown(true);
  return g;
}

Report read_report(ObjectReader& r) {
  Report rep;
  rep.background = r.string("background").value_or("");
  rep.status_quo = r.string("status_quo").value_or("");
  rep.gaps = r.string("gaps").value_or("");
  rep.significance = r.string("significance").value_or("");
  rep.necessity = r.string("necessity").value_or("");
  rep.cooperation_basis = r.string("cooperation_basis").value_or("");
  rep.research_content = r.string("research_content").value_or("");
  rep.technical_indicators = read_list<Indicator>(r, "technical_indicators", read_indicator);
  rep.performance_targets = read_list<Indicator>(r, "performance_targets", read_indicator);
  rep.funding_plan = r.string("funding_plan").value_or("");
  rep.expected_outcomes = r.string("expected_outcomes").value_or("");
  rep.deliverables = read_list<Deliverable>(r, "deliverables", read_deliverable);
  if (const json::object* g = r.object("guideline")) {
    ObjectReader gr(*g, r.path_of("guideline"), r.context());
    rep.guideline = read_guideline(gr);
  }
  rep.unknown = r.unknown(true);
  return rep;
}

ProjectType read_project_type(ObjectReader& r, const Profile& profile) {
  ProjectType t;
  t.bring_in = r.boolean("bring_in").value_or(false);
  t.bring_in_subtypes = to_codes(r.strings("bring_in_subtypes").value_or(std::vector<std::string>{}),
                                 [&](std::string_view s) { return profile.find_bring_in_subtype(s); });
  t.go_global = r.boolean("go_global").value_or(false);
  t.platform = r.boolean("platform").value_or(false);
  t.major_event = r.boolean("major_event").value_or(false);
  t.unknown = r.unknown(true);
  return t;
}

Suggestion read_suggestion(ObjectReader& r, const Profile& profile) {
  Suggestion s;
  s.title = r.string("title").value_or("");
  s.industry = to_codes(r.strings("industry").value_or(std::vector<std::string>{}),
                        [&](std::string_view t) { return profile.find_industry(t); });
  s.industry_other = r.string("industry_other").value_or("");
  s.region = to_codes(r.strings("region").value_or(std::vector<std::string>{}),
                      [&](std::string_view t) { return profile.find_region(t); });
  if (const json::object* o = r.object("project_type")) {
    ObjectReader tr(*o, r.path_of("project_type"), r.context());
    s.project_type = read_project_type(tr, profile);
  }
  s.overview = r.string("overview").value_or("");
  s.key_technologies = read_list<KeyTechnology>(r, "key_technologies", read_key_technology);
  if (const json::object* o = r.object("funding")) {
    ObjectReader fr(*o, r.path_of("funding"), r.context());
    s.funding.total = fr.decimal("total");
    s.funding.provincial = fr.decimal("provincial");
    s.funding.unknown = fr.unknown(true);
  }
  if (const json::object* o = r.object("source")) {
    ObjectReader sr(*o, r.path_of("source"), r.context());
    s.source.unit = sr.string("unit").value_or("");
    s.source.proposer = sr.string("proposer").value_or("");
    s.source.position = sr.string("position").value_or("");
    s.source.phone = sr.string("phone").value_or("");
    s.source.unknown = sr.unknown(true);
  }
  s.department = r.string("department").value_or("");
  s.partners = read_list<Partner>(r, "partners", read_partner);
  if (const json::object* o = r.object("report")) {
    ObjectReader rr(*o, r.path_of("report"), r.context());
    s.report = read_report(rr);
  }
  s.report_document = r.string("report_document").value_or("");
  s.document = r.string("document").value_or("");
  s.unknown = r.unknown(true);
  return s;
}

// --- canonical writing

void put(JsonWriter& w, std::string_view key, const std::string& value) {
  if (value.empty()) return;
  w.key(key);
  w.string(value);
}

void put(JsonWriter& w, std::string_view key, const std::optional<DecimalText>& value) {
  if (!value) return;
  w.key(key);
  if (value->quoted) w.string(value->literal);
  else w.raw(value->literal);
}

void put_choice(JsonWriter& w, std::string_view key, const std::vector<std::string>& ticked) {
  if (ticked.empty()) return;
  w.key(key);
  if (ticked.size() == 1) {
    w.string(ticked.front());
    return;
  }
  w.begin_array();
  for (const auto& t : ticked) w.string(t);
  w.end_array();
}

void put_unknown(JsonWriter& w, const UnknownFields& unknown) {
  for (const auto& [name, text] : unknown) {
    w.key(name);
    w.raw(text);
  }
}

template <typename T, typename WriteItem>
void put_list(JsonWriter& w, std::string_view key, const std::vector<T>& items, WriteItem write_item) {
  if (items.empty()) return;
  w.key(key);
  w.begin_array();
  for (const auto& item : items) {
    w.begin_object();
    write_item(w, item);
    put_unknown(w, item.unknown);
    w.end_object();
  }
  w.end_array();
}

void write_indicator(JsonWriter& w, const Indicator& i) {
  put(w, "category", i.category);
  put(w, "text", i.text);
  put(w, "target", i.target);
  put(w, "unit", i.unit);
  put(w, "domestic", i.domestic);
  put(w, "international", i.international);
}

void write_key_technology(JsonWriter& w, const KeyTechnology& k) {
  put(w, "name", k.name);
  put(w, "description", k.description);
  if (k.trl.current) w.key("trl_current"), w.integer(k.trl.current->value);
  if (k.trl.expected) w.key("trl_expected"), w.integer(k.trl.expected->value);
  put_list(w, "evidence", k.trl.evidence, [](JsonWriter& ww, const Evidence& e) {
    put(ww, "kind", e.kind);
    put(ww, "title", e.title);
    put(ww, "reference", e.reference);
  });
  put(w, "expected_indicators", k.expected_indicators);
}

void write_guideline(JsonWriter& w, const Guideline& g) {
  w.key("guideline");
  w.begin_object();
  put(w, "research_content", g.research_content);
  put_list(w, "acceptance_indicators", g.acceptance_indicators, write_indicator);
  put_list(w, "performance_indicators", g.performance_indicators, write_indicator);
  put(w, "eligibility", g.eligibility);
  put(w, "support_intensity", g.support_intensity);
  put(w, "readiness", g.readiness);
  put(w, "deliverables", g.deliverables);
  put(w, "scope", g.scope);
  put_unknown(w, g.unknown);
  w.end_object();
}

void write_report(JsonWriter& w, const Report& r) {
  w.key("report");
  w.begin_object();
  put(w, "background", r.background);
  put(w, "status_quo", r.status_quo);
  put(w, "gaps", r.gaps);
  put(w, "significance", r.significance);
  put(w, "necessity", r.necessity);
  put(w, "cooperation_basis", r.cooperation_basis);
  put(w, "research_content", r.research_content);
  put_list(w, "technical_indicators", r.technical_indicators, write_indicator);
  put_list(w, "performance_targets", r.performance_targets, write_indicator);
  put(w, "funding_plan", r.funding_plan);
  put(w, "expected_outcomes", r.expected_outcomes);
  put_list(w, "deliverables", r.deliverables, [](JsonWriter& ww, const Deliverable& d) {
    put(ww, "name", d.name);
    put(ww, "verification", d.verification);
  });
  if (r.guideline) write_guideline(w, *r.guideline);
  put_unknown(w, r.unknown);
  w.end_object();
}

void write_project_type(JsonWriter& w, const ProjectType& t) {
  w.key("project_type");
  w.begin_object();
  w.key("bring_in"), w.boolean(t.bring_in);
  w.key("bring_in_subtypes");
  w.begin_array();
  for (const auto& code : t.bring_in_subtypes) w.string(code);
  w.end_array();
  w.key("go_global"), w.boolean(t.go_global);
  w.key("platform"), w.boolean(t.platform);
  w.key("major_event"), w.boolean(t.major_event);
  put_unknown(w, t.unknown);
  w.end_object();
}

// A suggestion is a few hundred kilobytes; past the profile's limit it is refused unread,
// before a byte is parsed, whatever it holds.
Diagnostic too_large(std::uintmax_t size, std::size_t limit) {
  auto mib = [](std::uintmax_t bytes) {
    const std::uintmax_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
  };
  Diagnostic d = detail::make_diagnostic(
      "format.too_large", Severity::error, "",
      "文件有" + std::to_string(size) + "字节（" + mib(size) + "），超过指南建议文件的上限" + std::to_string(limit) +
          "字节（" + mib(limit) + "，通知配置的 limits.max_suggestion_bytes），未读取；请确认选对了文件",
      "the file has " + std::to_string(size) + " bytes (" + mib(size) + "), over the limit of " +
          std::to_string(limit) + " bytes (" + mib(limit) +
          ", the profile's limits.max_suggestion_bytes) for a suggestion; it was not read");
  d.params = {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}};
  return d;
}

}  // namespace

ParseResult parse_suggestion(std::string_view json_text, const Profile& profile) {
  ParseResult result;
  if (json_text.size() > profile.limits().max_suggestion_bytes) {
    result.diagnostics.push_back(too_large(json_text.size(), profile.limits().max_suggestion_bytes));
    return result;
  }
  detail::JsonText text = detail::parse_json_text(json_text);
  result.diagnostics = std::move(text.diagnostics);
  if (!text.value) return result;
  if (!text.value->is_object()) {
    result.diagnostics.push_back(detail::make_diagnostic(
        std::string(kWrongType), Severity::error, "",
        "整个文件应为一个 JSON 对象（{…}），实为" + std::string(detail::kind_zh(*text.value)),
        "the whole file should be one JSON object ({…}), not " + std::string(detail::kind_en(*text.value))));
    return result;
  }
  detail::ReadContext context(result.diagnostics, kWrongType, &text.numbers);
  ObjectReader reader(text.value->get_object(), "", context);
  std::optional<std::string> format = reader.string("format");
  if (!format) {
    result.diagnostics.push_back(detail::make_diagnostic(
        "format.version_unsupported", Severity::error, "/format",
        "缺少“format”字段，应为 \"zhinan.suggestion/1\"",
        "\"format\" is missing; it should be \"zhinan.suggestion/1\""));
  } else if (*format != kSuggestionFormat) {
    Diagnostic d = detail::make_diagnostic(
        "format.version_unsupported", Severity::error, "/format",
        "不支持的格式“" + detail::abbreviated(*format) + "”，本工具读取 \"zhinan.suggestion/1\"",
        "unsupported format \"" + detail::abbreviated(*format) + "\"; this tool reads \"zhinan.suggestion/1\"");
    d.params = {{"format", detail::abbreviated(*format)}};
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  result.suggestion = read_suggestion(reader, profile);
  context.finish();
  return result;
}

ParseResult read_suggestion_file(const std::filesystem::path& path, const Profile& profile) {
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);  // fails for devices: read_file says why
  if (!size_error && size > profile.limits().max_suggestion_bytes) {
    ParseResult result;
    result.diagnostics.push_back(too_large(size, profile.limits().max_suggestion_bytes));
    return result;
  }
  FileError error;
  std::optional<std::string> bytes = read_file(path, &error);
  if (!bytes) {
    ParseResult result;
    Diagnostic d = detail::make_diagnostic("io.read_failed", Severity::error, "",
                                           "无法读取文件“" + path_to_utf8(path) + "”：" + error.zh,
                                           "cannot read \"" + path_to_utf8(path) + "\": " + error.en);
    d.params = {{"file", path_to_utf8(path)}, {"reason", error.zh}, {"reason_en", error.en}};
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  return parse_suggestion(*bytes, profile);
}

std::string to_json(const Suggestion& s) {
  JsonWriter w;
  w.begin_object();
  w.key("format"), w.string(kSuggestionFormat);
  put(w, "title", s.title);
  put_choice(w, "industry", s.industry);
  put(w, "industry_other", s.industry_other);
  put_choice(w, "region", s.region);
  write_project_type(w, s.project_type);
  put(w, "overview", s.overview);
  put_list(w, "key_technologies", s.key_technologies, write_key_technology);
  if (s.funding.total || s.funding.provincial || !s.funding.unknown.empty()) {
    w.key("funding");
    w.begin_object();
    put(w, "total", s.funding.total);
    put(w, "provincial", s.funding.provincial);
    put_unknown(w, s.funding.unknown);
    w.end_object();
  }
  if (s.source != Source{}) {
    w.key("source");
    w.begin_object();
    put(w, "unit", s.source.unit);
    put(w, "proposer", s.source.proposer);
    put(w, "position", s.source.position);
    put(w, "phone", s.source.phone);
    put_unknown(w, s.source.unknown);
    w.end_object();
  }
  put(w, "department", s.department);
  put_list(w, "partners", s.partners, [](JsonWriter& ww, const Partner& p) {
    put(ww, "name", p.name);
    put(ww, "country", p.country);
  });
  if (s.report) write_report(w, *s.report);
  put(w, "report_document", s.report_document);
  put(w, "document", s.document);
  put_unknown(w, s.unknown);
  w.end_object();
  return w.finish();
}

}  // namespace zhinan
