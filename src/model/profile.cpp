#include "zhinan/profile.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "model/json_read.hpp"
#include "model/json_text.hpp"
#include "zhinan/io.hpp"

namespace zhinan {
namespace detail {
std::string_view builtin_profile_json();  // generated from data/profiles/shandong-2025.json
}  // namespace detail

namespace json = boost::json;
using detail::ObjectReader;

bool Choice::matches(std::string_view text) const {
  return text == code || text == label ||
         std::find(aliases.begin(), aliases.end(), text) != aliases.end();
}

bool Region::has_focus(std::string_view industry_code) const {
  return std::find(focus_industries.begin(), focus_industries.end(), industry_code) !=
         focus_industries.end();
}

bool Region::has_country(std::string_view iso_code) const {
  return any_country || std::binary_search(countries.begin(), countries.end(), iso_code);
}

const TrlLevelDefinition* TrlScale::find(TrlLevel level) const {
  for (const auto& def : levels_)
    if (def.level == level.value) return &def;
  return nullptr;
}

// Reads zhinan.profile/1 and checks that it is coherent; every problem is a
// profile.invalid diagnostic at its JSON pointer.
class ProfileReader {
 public:
  explicit ProfileReader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  std::shared_ptr<Profile> read(const json::object& root) {
    auto p = std::make_shared<Profile>();
    ObjectReader r(root, "", diagnostics_, kInvalid);
    const std::string format = r.string("format").value_or("");
    if (format != "zhinan.profile/1") {
      problem("/format", "“format”应为 \"zhinan.profile/1\"", "\"format\" should be \"zhinan.profile/1\"");
      return nullptr;
    }
    p->id_ = required_string(r, "id");
    p->name_zh_ = required_string(r, "name_zh");
    p->name_en_ = r.string("name_en").value_or("");
    p->industries_ = read_items<IndustryField>(r, "industries", [&](ObjectReader& ir, IndustryField& f) {
      f.requires_text = ir.boolean("requires_text").value_or(false);
    });
    p->regions_ = read_items<Region>(r, "regions", [&](ObjectReader& rr, Region& region) {
      read_region(rr, region, *p);
    });
    p->project_types_ = read_items<Choice>(r, "project_types", [](ObjectReader&, Choice&) {});
    for (std::string_view needed : {"bring_in", "go_global", "platform", "major_event"})
      if (!p->find_project_type(needed))
        problem("/project_types", "缺少项目类型“" + std::string(needed) + "”",
                "project type \"" + std::string(needed) + "\" is missing");
    p->bring_in_subtypes_ = read_items<Choice>(r, "bring_in_subtypes", [](ObjectReader&, Choice&) {});
    p->trl_scale_ = read_scale(r);
    read_limits(r, p->limits_);
    read_phone_plan(r, p->phone_plan_);
    read_similarity(r, p->similarity_);
    if (const json::object* o = r.object("package")) {
      ObjectReader pr(*o, "/package", diagnostics_, kInvalid);
      p->package_.file_name_pattern = required_string(pr, "file_name_pattern");
      p->package_.summary_table_title = required_string(pr, "summary_table_title");
      pr.unknown(false);
    } else {
      problem("/package", "缺少“package”", "\"package\" is missing");
    }
    if (const json::object* o = r.object("severity_overrides")) {
      for (const auto& member : *o) {
        std::optional<Severity> s;
        if (member.value().is_string()) s = parse_severity(member.value().get_string());
        if (!s) {
          problem("/severity_overrides/" + json_pointer_token(member.key()),
                  "严重程度应为 error、warning 或 info", "severity should be error, warning or info");
          continue;
        }
        p->severity_overrides_.emplace(std::string(member.key()), *s);
      }
    }
    r.unknown(false);
    return has_errors(diagnostics_) ? nullptr : p;
  }

 private:
  static constexpr std::string_view kInvalid = "profile.invalid";

  void problem(std::string path, std::string zh, std::string en) {
    diagnostics_.push_back(detail::make_diagnostic(std::string(kInvalid), Severity::error,
                                                   std::move(path), "通知配置有误：" + zh,
                                                   "invalid call profile: " + en));
  }

  std::string required_string(ObjectReader& r, std::string_view key) {
    std::optional<std::string> v = r.string(key);
    if (!v || v->empty())
      problem(r.path_of(key), "缺少“" + std::string(key) + "”", "\"" + std::string(key) + "\" is missing");
    return v.value_or("");
  }

  template <typename T, typename Extra>
  std::vector<T> read_items(ObjectReader& r, std::string_view key, Extra extra) {
    std::vector<T> out;
    const json::array* items = r.array(key);
    if (!items || items->empty()) {
      problem(r.path_of(key), "“" + std::string(key) + "”不能为空", "\"" + std::string(key) + "\" must not be empty");
      return out;
    }
    std::set<std::string> codes;
    for (std::size_t i = 0; i < items->size(); ++i) {
      std::string path = r.path_of(key) + "/" + std::to_string(i);
      if (!(*items)[i].is_object()) {
        problem(path, "应为对象", "should be an object");
        continue;
      }
      ObjectReader ir((*items)[i].get_object(), path, diagnostics_, kInvalid);
      T item;
      item.code = required_string(ir, "code");
      item.label = required_string(ir, "label");
      if (const json::array* aliases = ir.array("aliases"))
        for (const auto& a : *aliases)
          if (a.is_string()) item.aliases.emplace_back(a.get_string());
      extra(ir, item);
      ir.unknown(false);
      if (!codes.insert(item.code).second)
        problem(path + "/code", "代码“" + item.code + "”重复", "code \"" + item.code + "\" appears twice");
      out.push_back(std::move(item));
    }
    return out;
  }

  void read_region(ObjectReader& r, Region& region, const Profile& p) {
    region.folder = required_string(r, "folder");
    for (auto& code : r.strings("focus_industries").value_or(std::vector<std::string>{})) {
      if (!p.find_industry(code))
        problem(r.path_of("focus_industries"), "重点领域“" + code + "”不是已定义的产业领域",
                "focus industry \"" + code + "\" is not a defined industry");
      region.focus_industries.push_back(std::move(code));
    }
    if (const json::value* c = r.find("countries")) {
      if (c->is_string() && c->get_string() == "any") {
        region.any_country = true;
      } else if (c->is_array()) {
        for (const auto& v : c->get_array()) {
          if (!v.is_string() || v.get_string().size() != 2 ||
              !std::all_of(v.get_string().begin(), v.get_string().end(),
                           [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
            problem(r.path_of("countries"), "国家代码应为两位大写字母（ISO 3166-1）",
                    "country codes should be two capital letters (ISO 3166-1)");
            continue;
          }
          region.countries.emplace_back(v.get_string());
        }
        std::sort(region.countries.begin(), region.countries.end());
      } else {
        problem(r.path_of("countries"), "应为 \"any\" 或国家代码数组", "should be \"any\" or an array of country codes");
      }
    } else {
      problem(r.path_of("countries"), "缺少“countries”", "\"countries\" is missing");
    }
    region.min_partner_countries = static_cast<int>(r.integer("min_partner_countries").value_or(1));
    region.requires_bring_in = r.boolean("requires_bring_in").value_or(false);
    region.countries_note = r.string("countries_note").value_or("");
  }

  TrlScale read_scale(ObjectReader& r) {
    std::vector<TrlLevelDefinition> levels;
    const json::array* items = r.array("trl_scale");
    if (!items || items->empty()) {
      problem("/trl_scale", "缺少技术成熟度等级", "the readiness scale is missing");
      return {};
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
      std::string path = "/trl_scale/" + std::to_string(i);
      if (!(*items)[i].is_object()) {
        problem(path, "应为对象", "should be an object");
        continue;
      }
      ObjectReader lr((*items)[i].get_object(), path, diagnostics_, kInvalid);
      TrlLevelDefinition def;
      def.level = static_cast<int>(lr.integer("level").value_or(0));
      if (def.level != static_cast<int>(i) + 1)
        problem(path + "/level", "等级应从1起连续编号，此处应为" + std::to_string(i + 1),
                "levels must count from 1 without gaps; expected " + std::to_string(i + 1));
      def.name = required_string(lr, "name");
      def.criterion = required_string(lr, "criterion");
      def.evidence = lr.strings("evidence").value_or(std::vector<std::string>{});
      lr.unknown(false);
      levels.push_back(std::move(def));
    }
    return TrlScale(std::move(levels));
  }

  void read_limits(ObjectReader& r, Limits& limits) {
    const json::object* o = r.object("limits");
    if (!o) {
      problem("/limits", "缺少“limits”", "\"limits\" is missing");
      return;
    }
    ObjectReader lr(*o, "/limits", diagnostics_, kInvalid);
    auto positive = [&](std::string_view key, int fallback) {
      long long v = lr.integer(key).value_or(fallback);
      if (v <= 0) problem(lr.path_of(key), "应为正整数", "should be a positive integer");
      return static_cast<int>(v);
    };
    limits.key_technologies_max = positive("key_technologies_max", limits.key_technologies_max);
    limits.overview_max = positive("overview_max", limits.overview_max);
    limits.funding_max_decimals = static_cast<int>(lr.integer("funding_max_decimals").value_or(2));
    limits.allow_more_key_technologies = lr.boolean("allow_more_key_technologies").value_or(false);
    if (const json::value* bytes = lr.find("max_suggestion_bytes")) {  // absent: the built-in default
      // From 1 KB (below, even an empty form is refused: surely MB meant) to under 1 GB.
      const double n = bytes->is_number() ? bytes->to_number<double>() : 0;
      if (!(n >= 1024 && n < 1e9) || std::trunc(n) != n)
        problem("/limits/max_suggestion_bytes", "应为1024到999999999之间的整数字节数（默认4194304，即4 MB）",
                "should be a whole number of bytes from 1024 to 999999999 (the default is 4194304, 4 MB)");
      else
        limits.max_suggestion_bytes = static_cast<std::size_t>(n);
    }
    if (auto mode = lr.string("overview_count_mode")) {
      if (auto m = parse_count_mode(*mode)) limits.overview_count_mode = *m;
      else problem("/limits/overview_count_mode", "计数方式应为 word、chars、chars-with-spaces 或 graphemes",
                   "count mode should be word, chars, chars-with-spaces or graphemes");
    }
    lr.unknown(false);
  }

  void read_phone_plan(ObjectReader& r, PhonePlan& plan) {
    const json::object* o = r.object("phone");
    if (!o) {
      problem("/phone", "缺少电话号码规则“phone”", "the phone numbering plan \"phone\" is missing");
      return;
    }
    ObjectReader pr(*o, "/phone", diagnostics_, kInvalid);
    auto digits = [&](std::string_view key) {
      std::vector<std::string> out = pr.strings(key).value_or(std::vector<std::string>{});
      for (const auto& d : out)
        if (d.empty() || d.find_first_not_of("0123456789") != std::string::npos)
          problem(pr.path_of(key), "应为数字串", "should be strings of digits");
      if (out.empty()) problem(pr.path_of(key), "不能为空", "must not be empty");
      return out;
    };
    auto leads = [&](std::string_view key) {
      std::string joined;
      for (const auto& d : digits(key)) joined += d;
      return joined;
    };
    plan.mobile_prefixes = digits("mobile_prefixes");
    plan.two_digit_area_codes = digits("two_digit_area_codes");
    plan.three_digit_area_code_leads = leads("three_digit_area_code_leads");
    plan.local_number_leads = leads("local_number_leads");
    plan.service_prefixes = digits("service_prefixes");
    if (const json::array* lengths = pr.array("local_number_lengths"))
      for (const auto& v : *lengths)
        if (v.is_int64()) plan.local_number_lengths.push_back(static_cast<int>(v.get_int64()));
    if (plan.local_number_lengths.empty())
      problem("/phone/local_number_lengths", "不能为空", "must not be empty");
    plan.service_number_length = static_cast<int>(pr.integer("service_number_length").value_or(10));
    pr.string("note");
    pr.unknown(false);
  }

  void read_similarity(ObjectReader& r, SimilarityThresholds& t) {
    const json::object* o = r.object("similarity");
    if (!o) return;
    ObjectReader sr(*o, "/similarity", diagnostics_, kInvalid);
    auto threshold = [&](std::string_view key, double fallback) {
      double v = sr.number(key).value_or(fallback);
      if (!(v >= 0.01 && v <= 1.0)) problem(sr.path_of(key), "阈值应在0.01到1之间", "threshold should be within [0.01, 1]");
      return v;
    };
    t.batch_similar = threshold("batch_similar", t.batch_similar);
    t.batch_duplicate = threshold("batch_duplicate", t.batch_duplicate);
    t.history_similar_funded = threshold("history_similar_funded", t.history_similar_funded);
    sr.unknown(false);
  }

  Diagnostics& diagnostics_;
};

ProfileLoadResult Profile::from_json(std::string_view json_text) {
  ProfileLoadResult result;
  detail::JsonText text = detail::parse_json_text(json_text);
  result.diagnostics = std::move(text.diagnostics);
  if (!text.value) return result;
  if (!text.value->is_object()) {
    result.diagnostics.push_back(detail::make_diagnostic(
        "profile.invalid", Severity::error, "", "通知配置应为一个 JSON 对象", "a call profile is one JSON object"));
    return result;
  }
  ProfileReader reader(result.diagnostics);
  result.profile = reader.read(text.value->get_object());
  return result;
}

ProfileLoadResult Profile::from_file(const std::filesystem::path& path) {
  FileError error;
  std::optional<std::string> bytes = read_file(path, &error);
  if (!bytes) {
    ProfileLoadResult result;
    result.diagnostics.push_back(detail::make_diagnostic(
        "io.read_failed", Severity::error, "", "无法读取通知配置文件“" + path_to_utf8(path) + "”：" + error.zh,
        "cannot read the call profile \"" + path_to_utf8(path) + "\": " + error.en));
    return result;
  }
  return from_json(*bytes);
}

std::shared_ptr<const Profile> Profile::builtin_shared() {
  static const std::shared_ptr<const Profile> profile = [] {
    ProfileLoadResult loaded = from_json(detail::builtin_profile_json());
    if (!loaded.profile)
      throw std::logic_error("the built-in call profile is invalid: " +
                             (loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().message_en));
    return loaded.profile;
  }();
  return profile;
}

const Profile& Profile::builtin() { return *builtin_shared(); }

Profile Profile::with_limits(const Limits& limits) const {
  Profile copy = *this;
  copy.limits_ = limits;
  return copy;
}

std::optional<Severity> Profile::severity_override(std::string_view rule_id) const {
  auto it = severity_overrides_.find(rule_id);
  if (it == severity_overrides_.end()) return std::nullopt;
  return it->second;
}

namespace {
template <typename T>
const T* find_choice(const std::vector<T>& choices, std::string_view text) {
  for (const auto& c : choices)
    if (c.matches(text)) return &c;
  return nullptr;
}
}  // namespace

const IndustryField* Profile::find_industry(std::string_view text) const { return find_choice(industries_, text); }
const Region* Profile::find_region(std::string_view text) const { return find_choice(regions_, text); }
const Choice* Profile::find_project_type(std::string_view text) const { return find_choice(project_types_, text); }
const Choice* Profile::find_bring_in_subtype(std::string_view text) const {
  return find_choice(bring_in_subtypes_, text);
}

}  // namespace zhinan
