/** \file zhinan.hpp
 * \brief The C++ API of zhinan: a header-only C++17 wrapper over the C API of zhinan.h.
 *
 * The top of the hourglass: RAII handles (move-only, freed by their destructors),
 * `std::string_view` in, `std::string` out, and failures thrown as zn::Error carrying the
 * status, the rule id and the message in Chinese and English. Findings are values in a
 * zn::Findings range. Everything goes through the C functions, so this header inherits
 * the ABI promise of libzhinan.so.1 (docs/abi.md); the library's internal C++ core is not
 * part of any API.
 *
 * \code
 * #include <zhinan.hpp>
 * zn::Suggestion s = zn::Suggestion::from_file("建议.json");
 * for (const zn::Finding& f : zn::validate(s)) std::cout << f.id << ' ' << f.message_zh << '\n';
 * \endcode
 */
#ifndef ZHINAN_HPP
#define ZHINAN_HPP

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhinan.h"

/** The C++ API of zhinan (the C API's zn_ prefix as a namespace). */
namespace zn {

/** A failed call: the zn_status, the rule id when the failure had one
 *  ("format.json_invalid"), and zn_error_last() split into its Chinese and English parts.
 *  what() is both, Chinese first. */
class Error : public std::runtime_error {
 public:
  /** Builds the error of a status from this thread's last error. */
  explicit Error(int status) : Error(status, text(zn_error_last()), text(zn_error_last_id())) {}
  /** An error with the given status, message ("Chinese\nEnglish") and rule id. */
  Error(int status, const std::string& message, std::string rule_id)
      : std::runtime_error(message.empty() ? "zhinan status " + std::to_string(status) : message),
        status_(status),
        rule_id_(std::move(rule_id)) {
    const std::size_t newline = message.find('\n');
    message_zh_ = message.substr(0, newline);
    message_en_ = newline == std::string::npos ? std::string() : message.substr(newline + 1);
  }
  /** The zn_status (ZN_EIO, ZN_EPARSE, …). */
  int status() const noexcept { return status_; }
  /** The rule id of the failure, or "" when it had none. */
  const std::string& rule_id() const noexcept { return rule_id_; }
  /** The message in Chinese. */
  const std::string& message_zh() const noexcept { return message_zh_; }
  /** The message in English. */
  const std::string& message_en() const noexcept { return message_en_; }

 private:
  static std::string text(const char* s) { return s ? s : ""; }
  int status_;
  std::string rule_id_, message_zh_, message_en_;
};

/// \cond INTERNAL
namespace detail {

inline void check(int status) {
  if (status != ZN_OK) throw Error(status);
}
// A NUL-terminated copy for the C calls that take one.
inline std::string c_string(std::string_view s) { return std::string(s); }
inline std::string borrowed(const char* s) { return s ? std::string(s) : std::string(); }
// A C handle owned the C++ way: freed once by its zn_*_free, moved, never copied.
template <class T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const noexcept { Free(p); }
};
template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;
// Takes a string the library handed out, and frees it.
inline std::string owned(char* s, std::size_t len) {
  std::string out = s ? std::string(s, len) : std::string();
  zn_string_free(s);
  return out;
}

}  // namespace detail
/// \endcond

/** A finding's severity (zn_severity). */
enum class Severity { error = ZN_SEVERITY_ERROR, warning = ZN_SEVERITY_WARNING, info = ZN_SEVERITY_INFO };

/** How a suggestion is checked (zn_mode): everything the call requires, or leniently while
 *  a unit still writes (what is merely missing only warns). */
enum class Mode { submit = ZN_MODE_SUBMIT, draft = ZN_MODE_DRAFT };

/** One finding, copied out of the library: the rule id of SPEC.md, its severity, the JSON
 *  pointer of the field, the message in Chinese and English, the 1-based line and column
 *  (0 when none), the parameters its messages cite, and the suggestion, package and entry
 *  it is about when several were checked together ("" otherwise). */
struct Finding {
  std::string id;                             ///< "overview.too_long", …
  Severity severity = Severity::error;        ///< error, warning or info
  std::string path;                           ///< JSON pointer of the field ("/overview")
  std::string message_zh;                     ///< the message in Chinese
  std::string message_en;                     ///< the message in English
  int line = 0;                               ///< 1-based line in the raw text, 0 when none
  int column = 0;                             ///< 1-based column in the raw text, 0 when none
  std::map<std::string, std::string> params;  ///< what the messages cite ("limit" → "1000")
  std::string file;                           ///< the suggestion's name in a batch, or ""
  std::string package;                        ///< an audit's package, or ""
  std::string entry;                          ///< the entry inside that package, or ""
};

/** Owns a zn_diagnostics: a random-access range of Finding values, in the library's order. */
class Findings {
 public:
  /** Takes ownership of `d` (may be NULL: no findings). */
  explicit Findings(zn_diagnostics* d = nullptr) noexcept : d_(d) {}

  /** How many findings there are. */
  std::size_t size() const noexcept { return d_ ? zn_diagnostics_count(d_.get()) : 0; }
  /** Whether there are none. */
  bool empty() const noexcept { return size() == 0; }
  /** How many have this severity. */
  std::size_t count(Severity s) const noexcept {
    return d_ ? zn_diagnostics_count_severity(d_.get(), static_cast<int>(s)) : 0;
  }
  /** Whether any is an error (the exit status 1 of the CLI). */
  bool has_errors() const noexcept { return count(Severity::error) > 0; }
  /** Finding i, copied; std::out_of_range past the end. */
  Finding operator[](std::size_t i) const {
    if (i >= size()) throw std::out_of_range("zn::Findings: index " + std::to_string(i));
    Finding f;
    f.id = detail::borrowed(zn_diagnostics_id(d_.get(), i));
    f.severity = static_cast<Severity>(zn_diagnostics_severity(d_.get(), i));
    f.path = detail::borrowed(zn_diagnostics_path(d_.get(), i));
    f.message_zh = detail::borrowed(zn_diagnostics_message_zh(d_.get(), i));
    f.message_en = detail::borrowed(zn_diagnostics_message_en(d_.get(), i));
    zn_diagnostics_location(&f.line, &f.column, d_.get(), i);
    for (std::size_t k = 0; k < zn_diagnostics_param_count(d_.get(), i); ++k)
      f.params[detail::borrowed(zn_diagnostics_param_name(d_.get(), i, k))] =
          detail::borrowed(zn_diagnostics_param_value(d_.get(), i, k));
    f.file = detail::borrowed(zn_diagnostics_file(d_.get(), i));
    f.package = detail::borrowed(zn_diagnostics_package(d_.get(), i));
    f.entry = detail::borrowed(zn_diagnostics_entry(d_.get(), i));
    return f;
  }
  /** All findings as one JSON array (zn_diagnostics_to_json). */
  std::string to_json() const {
    if (!d_) return "[]";
    char* out = nullptr;
    std::size_t len = 0;
    detail::check(zn_diagnostics_to_json(&out, &len, d_.get()));
    return detail::owned(out, len);
  }

  /** An input iterator over the findings, producing copies. */
  class iterator {
   public:
    using value_type = Finding;           ///< what it produces
    using difference_type = std::ptrdiff_t;  ///< distance between two
    using pointer = void;                 ///< no pointer: findings are produced by value
    using reference = Finding;            ///< produced by value
    using iterator_category = std::input_iterator_tag;  ///< read once, forwards
    /** Finding i of `f`. */
    iterator(const Findings* f, std::size_t i) : f_(f), i_(i) {}
    /** The current finding. */
    Finding operator*() const { return (*f_)[i_]; }
    /** The next one. */
    iterator& operator++() {
      ++i_;
      return *this;
    }
    /** Whether both point at the same finding. */
    bool operator==(const iterator& o) const { return f_ == o.f_ && i_ == o.i_; }
    /** Whether they point at different findings. */
    bool operator!=(const iterator& o) const { return !(*this == o); }

   private:
    const Findings* f_;
    std::size_t i_;
  };
  /** The first finding. */
  iterator begin() const { return iterator(this, 0); }
  /** Past the last finding. */
  iterator end() const { return iterator(this, size()); }
  /** The C handle, still owned by this object. */
  const zn_diagnostics* get() const noexcept { return d_.get(); }

 private:
  detail::Owned<zn_diagnostics, zn_diagnostics_free> d_;
};

/** A call's rules (the profile): regions, industries, limits. Shared with the suggestions
 *  read under it; the built-in one is the 2025 Shandong call. */
class Profile {
 public:
  /** The built-in 2025 profile. */
  static Profile builtin() {
    zn_profile* p = nullptr;
    detail::check(zn_profile_builtin(&p));
    return Profile(p);
  }
  /** A profile from zhinan.profile/1 JSON; Error (ZN_EPARSE) with the first problem. */
  static Profile from_json(std::string_view json) {
    zn_profile* p = nullptr;
    detail::check(zn_profile_from_json(&p, nullptr, json.data(), json.size()));
    return Profile(p);
  }
  /** A profile from a file (UTF-8 path); Error ZN_EIO when it cannot be read. */
  static Profile from_file(std::string_view path) {
    zn_profile* p = nullptr;
    detail::check(zn_profile_from_file(&p, nullptr, detail::c_string(path).c_str()));
    return Profile(p);
  }
  /** The profile's id ("shandong-2025"). */
  std::string id() const { return detail::borrowed(zn_profile_id(p_.get())); }
  /** Its name, in Chinese. */
  std::string name() const { return detail::borrowed(zn_profile_name(p_.get())); }
  /** The C handle, still owned by this object. */
  const zn_profile* get() const noexcept { return p_.get(); }

 private:
  explicit Profile(zn_profile* p) noexcept : p_(p) {}
  detail::Owned<zn_profile, zn_profile_free> p_;
};

/** The text fields of a suggestion (zn_field). */
enum class Field {
  title = ZN_FIELD_TITLE,                        ///< 项目名称
  industry_other = ZN_FIELD_INDUSTRY_OTHER,      ///< 其他：____
  overview = ZN_FIELD_OVERVIEW,                  ///< 项目概述
  funding_total = ZN_FIELD_FUNDING_TOTAL,        ///< 项目计划总投入（万元）, decimal text
  funding_provincial = ZN_FIELD_FUNDING_PROVINCIAL,  ///< 省财政资金支持强度建议（万元）
  unit = ZN_FIELD_UNIT,                          ///< 建议单位
  proposer = ZN_FIELD_PROPOSER,                  ///< 建议人
  position = ZN_FIELD_POSITION,                  ///< 职称/职务
  phone = ZN_FIELD_PHONE,                        ///< 联系电话
  department = ZN_FIELD_DEPARTMENT,              ///< 主管部门
  report_document = ZN_FIELD_REPORT_DOCUMENT,    ///< the unit's own 说明报告 file
  document = ZN_FIELD_DOCUMENT                   ///< a ready 电子版 file to package
};

/** One guideline suggestion (指南建议). Reading keeps what could be read and lists what
 *  could not in read_findings(); input that is no suggestion at all throws Error. */
class Suggestion {
 public:
  /** An empty suggestion under the built-in profile. */
  Suggestion() {
    zn_suggestion* s = nullptr;
    detail::check(zn_suggestion_new(&s));
    s_.reset(s);
  }
  /** From zhinan.suggestion/1 JSON, under `profile` (NULL: the built-in one). */
  static Suggestion from_json(std::string_view json, const Profile* profile = nullptr) {
    return read([&](zn_suggestion** s, zn_diagnostics** d) {
      return zn_suggestion_from_json(s, d, profile ? profile->get() : nullptr, json.data(), json.size());
    });
  }
  /** From a JSON file (UTF-8 path). */
  static Suggestion from_file(std::string_view path, const Profile* profile = nullptr) {
    const std::string p(path);
    return read([&](zn_suggestion** s, zn_diagnostics** d) {
      return zn_suggestion_from_file(s, d, profile ? profile->get() : nullptr, p.c_str());
    });
  }
  /** From a unit's Word form (附件1) in memory. */
  static Suggestion from_docx(std::string_view bytes, const Profile* profile = nullptr) {
    return read([&](zn_suggestion** s, zn_diagnostics** d) {
      return zn_suggestion_from_docx(s, d, profile ? profile->get() : nullptr, bytes.data(), bytes.size());
    });
  }
  /** From a unit's Word form on disk (UTF-8 path). */
  static Suggestion from_docx_file(std::string_view path, const Profile* profile = nullptr) {
    const std::string p(path);
    return read([&](zn_suggestion** s, zn_diagnostics** d) {
      return zn_suggestion_from_docx_file(s, d, profile ? profile->get() : nullptr, p.c_str());
    });
  }

  /** An independent copy. */
  Suggestion clone() const {
    zn_suggestion* c = nullptr;
    detail::check(zn_suggestion_clone(&c, s_.get()));
    return Suggestion(c, Findings());
  }
  /** The canonical JSON: the same suggestion gives the same text. */
  std::string to_json() const {
    char* out = nullptr;
    std::size_t len = 0;
    detail::check(zn_suggestion_to_json(&out, &len, s_.get()));
    return detail::owned(out, len);
  }
  /** A text field ("" when empty). */
  std::string get(Field f) const { return detail::borrowed(zn_suggestion_get(s_.get(), static_cast<int>(f))); }
  /** Sets a text field ("" clears it). */
  void set(Field f, std::string_view utf8) {
    detail::check(zn_suggestion_set(s_.get(), static_cast<int>(f), detail::c_string(utf8).c_str()));
  }
  /** 项目名称. */
  std::string title() const { return get(Field::title); }
  /** The region codes (合作国别、地区) the suggestion gives, usually one. */
  std::vector<std::string> regions() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < zn_suggestion_region_count(s_.get()); ++i) out.push_back(zn_suggestion_region(s_.get(), i));
    return out;
  }
  /** The industry codes (产业领域) the suggestion gives, usually one. */
  std::vector<std::string> industries() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < zn_suggestion_industry_count(s_.get()); ++i) out.push_back(zn_suggestion_industry(s_.get(), i));
    return out;
  }
  /** How many key technologies (关键技术) it lists. */
  std::size_t key_technology_count() const noexcept { return zn_suggestion_key_tech_count(s_.get()); }
  /** What reading found (format.* and import.* findings); empty for a new suggestion. */
  const Findings& read_findings() const noexcept { return read_; }
  /** The C handle, still owned by this object. */
  const zn_suggestion* get() const noexcept { return s_.get(); }

 private:
  Suggestion(zn_suggestion* s, Findings read) noexcept : s_(s), read_(std::move(read)) {}
  template <typename Reader>
  static Suggestion read(Reader reader) {
    zn_suggestion* s = nullptr;
    zn_diagnostics* d = nullptr;
    const int status = reader(&s, &d);
    Findings found(d);
    if (status != ZN_OK) throw Error(status);
    return Suggestion(s, std::move(found));
  }
  detail::Owned<zn_suggestion, zn_suggestion_free> s_;
  Findings read_;
};

/** Every single-suggestion rule of the call, under `profile` (NULL: the profile the
 *  suggestion was read under), in the form's order. */
inline Findings validate(const Suggestion& s, const Profile* profile = nullptr, Mode mode = Mode::submit) {
  zn_diagnostics* d = nullptr;
  detail::check(zn_validate(&d, s.get(), profile ? profile->get() : nullptr, static_cast<int>(mode)));
  return Findings(d);
}

/** How text is counted (zn_count_mode): as Word's 字数统计 counts 字, or characters. */
enum class CountMode {
  word = ZN_COUNT_WORD,                            ///< Word's 字数 (each CJK character, each Latin word)
  chars = ZN_COUNT_CHARS,                          ///< characters without spaces
  chars_with_spaces = ZN_COUNT_CHARS_WITH_SPACES,  ///< characters with spaces
  graphemes = ZN_COUNT_GRAPHEMES                   ///< user-perceived characters
};

/** Counts UTF-8 text as the call's limits count it (项目概述 ≤ 1000 字: CountMode::word). */
inline std::size_t count(std::string_view utf8, CountMode mode = CountMode::word) {
  std::size_t n = 0;
  detail::check(zn_count(&n, utf8.data(), utf8.size(), static_cast<int>(mode)));
  return n;
}

/** Text folded for comparison (NFKC, case, width, Traditional → Simplified, no
 *  punctuation or spaces): what the duplicate rules compare. */
inline std::string fold(std::string_view utf8) {
  char* out = nullptr;
  std::size_t len = 0;
  detail::check(zn_fold(&out, &len, utf8.data(), utf8.size()));
  return detail::owned(out, len);
}

/** Funded projects (已立项项目), for history.similar_funded. */
class Registry {
 public:
  /** From JSON Lines, one funded project a line. */
  static Registry from_jsonl_file(std::string_view path, const Profile* profile = nullptr) {
    zn_registry* r = nullptr;
    zn_diagnostics* d = nullptr;
    const int status =
        zn_registry_from_jsonl_file(&r, &d, profile ? profile->get() : nullptr, detail::c_string(path).c_str());
    Findings found(d);
    if (status != ZN_OK) throw Error(status);
    return Registry(r);
  }
  /** A registry saved with save(). */
  static Registry load(std::string_view path) {
    zn_registry* r = nullptr;
    detail::check(zn_registry_load(&r, detail::c_string(path).c_str()));
    return Registry(r);
  }
  /** Writes the registry and its index to one file, atomically. */
  void save(std::string_view path) const { detail::check(zn_registry_save(r_.get(), detail::c_string(path).c_str())); }
  /** How many funded projects it holds. */
  std::size_t size() const noexcept { return zn_registry_count(r_.get()); }
  /** The C handle, still owned by this object. */
  const zn_registry* get() const noexcept { return r_.get(); }

 private:
  explicit Registry(zn_registry* r) noexcept : r_(r) {}
  detail::Owned<zn_registry, zn_registry_free> r_;
};

/** What write_package is told besides the suggestions: the 汇总表's header, numbering,
 *  names, the time on the entries, and a progress callback. */
struct PackageOptions {
  std::string department;  ///< 主管部门（盖章）; "" leaves it blank
  std::string contact;     ///< 联系人
  std::string phone;       ///< 联系电话
  std::string date;        ///< 填报日期, as text
  bool numbered_across_package = false;  ///< one numbering for the whole package, not per folder
  bool all_regions = false;  ///< a folder for every region, even empty ones
  bool gbk_names = false;    ///< GBK names with the Info-ZIP Unicode Path, for old tools
  std::vector<std::string> document_roots;  ///< folders a `document` may lie in besides its file's
  /** Called with (done, total) after each folder and file written; false cancels. */
  std::function<bool(std::size_t, std::size_t)> progress;
};

/** The suggestions a department gives together: the rules across them and the package. */
class Batch {
 public:
  /** An empty batch under `profile` (NULL: the built-in one). */
  explicit Batch(const Profile* profile = nullptr) {
    zn_batch* b = nullptr;
    detail::check(zn_batch_new(&b, profile ? profile->get() : nullptr));
    b_.reset(b);
  }
  /** Adds a copy of `s`, named (its file, relative documents resolve beside it). */
  void add(const Suggestion& s, std::string_view name) {
    detail::check(zn_batch_add(b_.get(), s.get(), detail::c_string(name).c_str()));
  }
  /** How many suggestions it holds. */
  std::size_t size() const noexcept { return zn_batch_count(b_.get()); }
  /** Compares with funded projects too; the registry must outlive the batch's checks. */
  void set_registry(const Registry& r) { detail::check(zn_batch_set_registry(b_.get(), r.get())); }
  /** The rules across the suggestions (三(三)); each finding names its suggestion. */
  Findings check() const {
    zn_diagnostics* d = nullptr;
    detail::check(zn_batch_check(&d, b_.get()));
    return Findings(d);
  }
  /** Writes the ZIP of section 四 and its 汇总表 beside it; Error ZN_EREFUSED (with the
   *  findings in the error's place: call check()) when a suggestion has errors. */
  Findings write_package(std::string_view zip_path, const PackageOptions& o = {}) const {
    zn_package_options c = ZN_PACKAGE_OPTIONS_INIT;
    c.numbering = o.numbered_across_package ? ZN_NUMBERING_GLOBAL : ZN_NUMBERING_PER_FOLDER;
    c.all_regions = o.all_regions;
    c.gbk_names = o.gbk_names;
    c.department = o.department.empty() ? nullptr : o.department.c_str();
    c.contact = o.contact.empty() ? nullptr : o.contact.c_str();
    c.phone = o.phone.empty() ? nullptr : o.phone.c_str();
    c.date = o.date.empty() ? nullptr : o.date.c_str();
    std::vector<const char*> roots;
    for (const std::string& r : o.document_roots) roots.push_back(r.c_str());
    c.document_roots = roots.empty() ? nullptr : roots.data();
    c.document_root_count = roots.size();
    if (o.progress) {
      c.progress = [](void* user, std::size_t done, std::size_t total) -> int {
        try {
          return (*static_cast<const std::function<bool(std::size_t, std::size_t)>*>(user))(done, total) ? 0 : 1;
        } catch (...) {
          return 1;  // nothing may unwind through the C library: cancel instead
        }
      };
      c.progress_user = const_cast<std::function<bool(std::size_t, std::size_t)>*>(&o.progress);
    }
    zn_diagnostics* d = nullptr;
    const int status = zn_package_write(&d, b_.get(), detail::c_string(zip_path).c_str(), &c);
    Findings found(d);
    if (status != ZN_OK) throw Error(status);
    return found;
  }

 private:
  detail::Owned<zn_batch, zn_batch_free> b_;
};

/** The report formats of an audit (zn_audit_format). */
enum class AuditFormat {
  text = ZN_AUDIT_TEXT,             ///< for a terminal: Chinese first, English after each line
  json = ZN_AUDIT_JSON,             ///< one zhinan.audit/1 document
  html = ZN_AUDIT_HTML,             ///< one self-contained page, printable on A4
  text_english = ZN_AUDIT_TEXT_EN   ///< as text, in English alone
};

/** The province's check of the packages it received (.zip/.7z/.rar or folders). */
class Audit {
 public:
  /** An empty audit under `profile` (NULL: the built-in one). */
  explicit Audit(const Profile* profile = nullptr) {
    zn_audit* a = nullptr;
    detail::check(zn_audit_new(&a, profile ? profile->get() : nullptr));
    a_.reset(a);
  }
  /** A package on disk (read when run). */
  void add_package_file(std::string_view path) {
    detail::check(zn_audit_add_package_file(a_.get(), detail::c_string(path).c_str()));
  }
  /** A package in memory, under its file name. */
  void add_package_bytes(std::string_view name, std::string_view bytes) {
    detail::check(zn_audit_add_package_bytes(a_.get(), detail::c_string(name).c_str(), bytes.data(), bytes.size()));
  }
  /** Compares with funded projects too. */
  void set_registry(const Registry& r) { detail::check(zn_audit_set_registry(a_.get(), r.get())); }
  /** Audits every package; each finding names its package and entry. */
  Findings run(Mode mode = Mode::submit) {
    zn_audit_options o = ZN_AUDIT_OPTIONS_INIT;
    o.mode = static_cast<int>(mode);
    zn_diagnostics* d = nullptr;
    detail::check(zn_audit_run(&d, a_.get(), &o));
    return Findings(d);
  }
  /** The report of the last run. */
  std::string report(AuditFormat format = AuditFormat::text) const {
    char* out = nullptr;
    std::size_t len = 0;
    detail::check(zn_audit_report(&out, &len, a_.get(), static_cast<int>(format)));
    return detail::owned(out, len);
  }
  /** The province-wide list of the last run as .xlsx, written atomically. */
  void write_xlsx(std::string_view path) const {
    detail::check(zn_audit_write_xlsx(a_.get(), detail::c_string(path).c_str()));
  }

 private:
  detail::Owned<zn_audit, zn_audit_free> a_;
};

/** The version of the library loaded ("1.0.0"); compare with ZN_VERSION_STRING. */
inline std::string version() { return detail::borrowed(zn_version_string()); }

}  // namespace zn

#endif  // ZHINAN_HPP
