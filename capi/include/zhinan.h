/** \file zhinan.h
 * \brief The C API of zhinan, version 1.
 *
 * Check, package and audit guideline suggestions (指南建议) for the Shandong provincial
 * international S&T cooperation call. C89-clean; every name starts with zn_ / ZN_.
 *
 * Conventions (as libgit2's):
 * - Functions that can fail return an int status: ZN_OK (0) or a negative zn_status.
 *   On failure zn_error_last() says why, in Chinese then English, for this thread.
 * - Out-parameters come first. What comes back through an out-parameter is owned by the
 *   caller and freed with the matching zn_*_free (zn_string_free for char *).
 * - Strings are UTF-8 and NUL-terminated unless a length is passed beside them.
 *   Getters return borrowed strings: valid until the object is changed or freed.
 *   A getter returns "" for a field left empty and NULL only for invalid arguments.
 * - Flags and counts are int / size_t (never bool), so C#, Python and Java bind them
 *   without surprises.
 * - No exception and no abort ever leaves this library; every entry point checks
 *   its arguments (NULL is refused with ZN_EINVAL, never dereferenced).
 * - A handle is used by one thread at a time; different handles may be used on
 *   different threads at once (profiles are shared read-only between suggestions).
 *
 * What 1.x promises about this header is in docs/abi.md.
 */
#ifndef ZHINAN_H
#define ZHINAN_H

#include <stddef.h>

/** \def ZN_EXTERN
 * Marks a function of the library: exported when building it (dllexport on Windows,
 * default visibility elsewhere), imported from the DLL on Windows, nothing otherwise. */
#if defined(_WIN32) && defined(ZN_BUILDING_LIBRARY)
#define ZN_EXTERN __declspec(dllexport)
#elif defined(_WIN32)
#define ZN_EXTERN __declspec(dllimport)
#elif defined(ZN_BUILDING_LIBRARY)
#define ZN_EXTERN __attribute__((visibility("default")))
#else
#define ZN_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------- */
/** \defgroup version Version
 * The version of this header (macros) and of the library loaded (functions).
 * @{ */

#define ZN_VERSION_MAJOR 1 /**< Major version of this header: changes only with the ABI (and the SONAME). */
#define ZN_VERSION_MINOR 0 /**< Minor version: functions and options added, nothing removed. */
#define ZN_VERSION_PATCH 0 /**< Patch version: fixes only. */
#define ZN_VERSION_STRING "1.0.0" /**< This header's version as text, "MAJOR.MINOR.PATCH". */
/** This header's version as one number, MAJOR * 1000000 + MINOR * 1000 + PATCH, for `#if`. */
#define ZN_VERSION_NUMBER (ZN_VERSION_MAJOR * 1000000 + ZN_VERSION_MINOR * 1000 + ZN_VERSION_PATCH)

/** The version of the library actually loaded, as ZN_VERSION_NUMBER; the parts through
 * the out-parameters when they are not NULL. Compare with the macros to detect a header
 * and library mismatch. */
ZN_EXTERN int zn_version(int *major, int *minor, int *patch);
/** The version of the library loaded as text ("1.0.0"); static, never NULL. */
ZN_EXTERN const char *zn_version_string(void);

/** @} */

/* ---- Status and errors ----------------------------------------------------------- */
/** \defgroup errors Status and errors
 * What a call returns, and why it failed, per thread.
 * @{ */

/** What the functions that can fail return: 0 for success, a negative value for failure.
 * The values are never renumbered; treat an unknown one as a failure. */
typedef enum zn_status {
  ZN_OK = 0,         /**< success */
  ZN_EINVAL = -1,    /**< an argument is invalid (NULL, out of range, not UTF-8) */
  ZN_EPARSE = -2,    /**< the input could not be read at all (see the diagnostics) */
  ZN_EIO = -3,       /**< a file could not be read or written */
  ZN_ENOMEM = -4,    /**< out of memory */
  ZN_ENOTFOUND = -5, /**< no such code in the call profile */
  ZN_EREFUSED = -6,  /**< the package was refused: some suggestion has errors (see the diagnostics) */
  ZN_ECANCELED = -7, /**< the caller's progress callback cancelled; nothing was written */
  ZN_EINTERNAL = -99 /**< a bug in zhinan; the message says what */
} zn_status;

/** The last failure on this thread: Chinese, a newline, then English. Never NULL ("" when
 * nothing failed). A call that succeeds leaves it as it was (as libgit2's does); check it
 * only after a failure. Valid until the next zhinan call on this thread. For input that
 * could not be read it is the first error found, with its line and column. */
ZN_EXTERN const char *zn_error_last(void);
/** The rule id of the last failure ("format.json_invalid", …) or "" when it had none.
 * Never NULL; valid as long as zn_error_last(). */
ZN_EXTERN const char *zn_error_last_id(void);
/** Forgets this thread's last failure: zn_error_last() and zn_error_last_id() then give "". */
ZN_EXTERN void zn_error_clear(void);

/** Frees a string this library handed out. NULL is fine. */
ZN_EXTERN void zn_string_free(char *s);

/** @} */

/* ---- Diagnostics ------------------------------------------------------------------ */
/** \defgroup diagnostics Diagnostics
 * Findings: what the readers, the checks and the audit found, read by index or as JSON.
 * @{ */

/** A list of findings (opaque), each with its rule id, severity, JSON pointer, Chinese and
 * English message, text location and parameters; free with zn_diagnostics_free. */
typedef struct zn_diagnostics zn_diagnostics;

/** How serious a finding is. Treat an unknown value as the most severe. */
typedef enum zn_severity {
  ZN_SEVERITY_ERROR = 0,   /**< must be fixed: zn_package_write refuses a batch with one */
  ZN_SEVERITY_WARNING = 1, /**< to be looked at; does not stop zn_package_write */
  ZN_SEVERITY_INFO = 2     /**< for information only */
} zn_severity;

/** How many findings d holds (0 for NULL). */
ZN_EXTERN size_t zn_diagnostics_count(const zn_diagnostics *d);
/** How many have this severity (a zn_severity). 0 for NULL d or an invalid severity. */
ZN_EXTERN size_t zn_diagnostics_count_severity(const zn_diagnostics *d, int severity);
/** \name Per finding
 * Per finding i (0-based). Strings are borrowed from d; NULL when i is out of range.
 * @{ */
/** The rule id of finding i ("overview.too_long", …), as SPEC.md and zn_rule_id() name it. */
ZN_EXTERN const char *zn_diagnostics_id(const zn_diagnostics *d, size_t i);
/** The suggestion a finding is about, when several were checked together ("" otherwise). */
ZN_EXTERN const char *zn_diagnostics_file(const zn_diagnostics *d, size_t i);
/** Findings of an audit (zn_audit_run): the package a finding is about (its file name).
 * "" for other findings. */
ZN_EXTERN const char *zn_diagnostics_package(const zn_diagnostics *d, size_t i);
/** Findings of an audit (zn_audit_run): the entry inside the package a finding is about, as
 * read ("" for the package as a whole). "" for other findings. */
ZN_EXTERN const char *zn_diagnostics_entry(const zn_diagnostics *d, size_t i);
ZN_EXTERN int zn_diagnostics_severity(const zn_diagnostics *d, size_t i); /**< A zn_severity; -1 out of range. */
ZN_EXTERN const char *zn_diagnostics_path(const zn_diagnostics *d, size_t i); /**< JSON pointer of the field. */
/** The message of finding i in Chinese. */
ZN_EXTERN const char *zn_diagnostics_message_zh(const zn_diagnostics *d, size_t i);
/** The message of finding i in English. */
ZN_EXTERN const char *zn_diagnostics_message_en(const zn_diagnostics *d, size_t i);
/** 1-based line and column in the raw text; 0 when the finding has no text location.
 * Either out-parameter may be NULL. Returns ZN_OK, or ZN_EINVAL (both set to 0) for a NULL
 * d or an i out of range. */
ZN_EXTERN int zn_diagnostics_location(int *line, int *column, const zn_diagnostics *d, size_t i);
/** @} */
/** The whole list as a JSON array of {file, package and entry (each only when known), id,
 * severity ("error", "warning" or "info"), path, message_zh, message_en, line, column (0
 * when none), params (an object of strings)}; free with zn_string_free. out_len may be
 * NULL. ZN_EINVAL for a NULL out or d (*out is then NULL). */
ZN_EXTERN int zn_diagnostics_to_json(char **out, size_t *out_len, const zn_diagnostics *d);
/** Frees d; the strings borrowed from it are then invalid. NULL is fine. */
ZN_EXTERN void zn_diagnostics_free(zn_diagnostics *d);

/** @} */

/* ---- Call profile ----------------------------------------------------------------- */
/** \defgroup profile Call profile
 * The year's rules as data, and its lists for building forms.
 * @{ */

/** The call profile (opaque, read-only): the year's rules: regions, industries, limits.
 * Whatever is made under a profile keeps its own reference to it, so a profile may be
 * freed at any time. */
typedef struct zn_profile zn_profile;

/** The 2025 Shandong profile built into the library. Returns ZN_OK (ZN_EINVAL for a NULL
 * out); free *out with zn_profile_free. */
ZN_EXTERN int zn_profile_builtin(zn_profile **out);
/** A profile from zhinan.profile/1 JSON. When diagnostics is not NULL, *diagnostics is set
 * (an empty list on success) and must be freed; on ZN_EPARSE (ZN_EIO for an unreadable
 * file) *out is NULL and the diagnostics say what is wrong and where. On ZN_EINVAL both
 * are NULL. */
ZN_EXTERN int zn_profile_from_json(zn_profile **out, zn_diagnostics **diagnostics, const char *json, size_t len);
/** The same as zn_profile_from_json, read from the file at path_utf8: ZN_EIO when it cannot
 * be read, ZN_EINVAL for a NULL or non-UTF-8 path. */
ZN_EXTERN int zn_profile_from_file(zn_profile **out, zn_diagnostics **diagnostics, const char *path_utf8);
/** Frees the caller's reference; what was made under the profile keeps its own. NULL is fine. */
ZN_EXTERN void zn_profile_free(zn_profile *p);

/** The profile's id ("shandong-2025"), borrowed from p. */
ZN_EXTERN const char *zn_profile_id(const zn_profile *p);
ZN_EXTERN const char *zn_profile_name(const zn_profile *p); /**< The profile's name, in Chinese. */

/** Lists of the profile, for building forms: count, then code and label by index. */
typedef enum zn_profile_list {
  ZN_LIST_INDUSTRIES = 0,       /**< 产业领域, the industries */
  ZN_LIST_REGIONS = 1,          /**< 合作国别、地区, the regions */
  ZN_LIST_PROJECT_TYPES = 2,    /**< 项目类型, the project types */
  ZN_LIST_BRING_IN_SUBTYPES = 3 /**< the sub-types of “引进来” */
} zn_profile_list;
/** How many entries the list (a zn_profile_list) has; 0 for a NULL p or an invalid list. */
ZN_EXTERN size_t zn_profile_count(const zn_profile *p, int list);
/** The code of entry i of the list, as a suggestion stores it; borrowed from p, NULL when
 * list or i is out of range. */
ZN_EXTERN const char *zn_profile_code(const zn_profile *p, int list, size_t i);
/** The label of entry i of the list, as the form prints it; borrowed from p, NULL when list
 * or i is out of range. */
ZN_EXTERN const char *zn_profile_label(const zn_profile *p, int list, size_t i);
/** The package folder of a region (its label in 2025): i indexes ZN_LIST_REGIONS; NULL
 * when out of range. */
ZN_EXTERN const char *zn_profile_region_folder(const zn_profile *p, size_t i);
/** \name The readiness scale
 * The readiness scale: lowest and highest level, and each level's name (报告级 …);
 * NULL for a level the scale does not have.
 * @{ */
/** The lowest and highest level. Either out-parameter may be NULL, and both may (the call
 * then only checks p). ZN_EINVAL for a NULL p (both set to 0). */
ZN_EXTERN int zn_profile_trl_range(int *lowest, int *highest, const zn_profile *p);
/** The name of a level (报告级 …), borrowed from p; NULL for a level the scale does not have. */
ZN_EXTERN const char *zn_profile_trl_name(const zn_profile *p, int level);
/** The criterion of a level (评价标准: what reaching it takes), borrowed from p; NULL for a
 * level the scale does not have. */
ZN_EXTERN const char *zn_profile_trl_criterion(const zn_profile *p, int level);
/** @} */
/** Limits: the most key technologies and the most 字 of the 项目概述. Either
 * out-parameter may be NULL when only one part is wanted, and both may. ZN_EINVAL for a
 * NULL p (both set to 0). */
ZN_EXTERN int zn_profile_limits(int *key_technologies_max, int *overview_max, const zn_profile *p);

/** @} */

/* ---- Suggestion ------------------------------------------------------------------- */
/** \defgroup suggestion Suggestion
 * One 指南建议: read from JSON or a unit's Word form, read and changed field by field,
 * written as canonical JSON.
 * @{ */

/** One 指南建议 (opaque): the 信息表 and the 说明报告. */
typedef struct zn_suggestion zn_suggestion;

/** A new, empty suggestion under the built-in profile. Returns ZN_OK (ZN_EINVAL for a NULL
 * out); free *out with zn_suggestion_free. */
ZN_EXTERN int zn_suggestion_new(zn_suggestion **out);
/** Reads zhinan.suggestion/1 JSON (a UTF-8 BOM is fine). profile may be NULL for the
 * built-in one; labels are read as codes. The suggestion keeps a reference to its profile
 * (the setters read labels through it), so the profile may be freed at any time.
 * Returns ZN_OK with a suggestion even when some fields had the wrong type (they are left
 * empty and reported in *diagnostics); ZN_EPARSE with *out NULL when the text is not a
 * suggestion at all (zn_error_last then gives the first error with its line and column);
 * zn_suggestion_from_file returns ZN_EIO when the file cannot be read. *diagnostics is
 * set whenever diagnostics is not NULL (NULL only on ZN_EINVAL / ZN_ENOMEM), and must then
 * be freed. */
ZN_EXTERN int zn_suggestion_from_json(zn_suggestion **out, zn_diagnostics **diagnostics,
                                      const zn_profile *profile, const char *json, size_t len);
/** The same as zn_suggestion_from_json, read from the file at path_utf8: ZN_EIO when it
 * cannot be read, ZN_EINVAL for a NULL or non-UTF-8 path. */
ZN_EXTERN int zn_suggestion_from_file(zn_suggestion **out, zn_diagnostics **diagnostics,
                                      const zn_profile *profile, const char *path_utf8);
/** Reads a unit's own Word form (附件1: 信息表 + 说明报告, as Word, WPS or LibreOffice save
 * it) back into a suggestion. profile may be NULL for the built-in one; the suggestion
 * keeps a reference to it, as with zn_suggestion_from_json. Returns ZN_OK with a
 * suggestion when a 信息表 was found, even when some fields could not be read (they are
 * left empty and reported in *diagnostics as import.* findings, each at the JSON pointer
 * of its field); ZN_EPARSE with *out NULL
 * when the bytes are no such form (import.not_docx, import.form_not_found,
 * import.limits_exceeded, import.format_unsupported for a .doc, .wps, .odt or .rtf file);
 * zn_suggestion_from_docx_file returns ZN_EIO when the file cannot be read. bytes NULL is
 * ZN_EINVAL, even with len 0. *diagnostics is set whenever diagnostics is not NULL (NULL
 * only on ZN_EINVAL / ZN_ENOMEM), and must then be freed. */
ZN_EXTERN int zn_suggestion_from_docx(zn_suggestion **out, zn_diagnostics **diagnostics,
                                      const zn_profile *profile, const void *bytes, size_t len);
/** The same as zn_suggestion_from_docx, read from the file at path_utf8: ZN_EIO when it
 * cannot be read, ZN_EINVAL for a NULL or non-UTF-8 path. */
ZN_EXTERN int zn_suggestion_from_docx_file(zn_suggestion **out, zn_diagnostics **diagnostics,
                                           const zn_profile *profile, const char *path_utf8);
/** The canonical JSON (same input, same bytes); free with zn_string_free. out_len may be
 * NULL. ZN_EINVAL for a NULL out or s (*out is then NULL). */
ZN_EXTERN int zn_suggestion_to_json(char **out, size_t *out_len, const zn_suggestion *s);
/** A copy of s, under the same profile; free with zn_suggestion_free. ZN_EINVAL for a NULL
 * out or s. */
ZN_EXTERN int zn_suggestion_clone(zn_suggestion **out, const zn_suggestion *s);
/** Frees s; the strings borrowed from it are then invalid. NULL is fine. */
ZN_EXTERN void zn_suggestion_free(zn_suggestion *s);

/** Text fields of the 信息表. Getters borrow; setters copy (NULL or "" clears) and refuse
 * text that is not UTF-8 (ZN_EINVAL). The two amounts are decimal text, kept exactly as
 * given (written as a JSON string); whether they are valid amounts is validation's
 * business. */
typedef enum zn_field {
  ZN_FIELD_TITLE = 0,              /**< 项目名称 */
  ZN_FIELD_INDUSTRY_OTHER = 1,     /**< 其他：____ */
  ZN_FIELD_OVERVIEW = 2,           /**< 项目概述 */
  ZN_FIELD_FUNDING_TOTAL = 3,      /**< 项目计划总投入（万元）, a decimal such as "1200" */
  ZN_FIELD_FUNDING_PROVINCIAL = 4, /**< 省财政资金支持强度建议（万元）, "300.5" */
  ZN_FIELD_UNIT = 5,               /**< 建议单位 */
  ZN_FIELD_PROPOSER = 6,           /**< 建议人 */
  ZN_FIELD_POSITION = 7,           /**< 职称/职务 */
  ZN_FIELD_PHONE = 8,              /**< 联系电话 */
  ZN_FIELD_DEPARTMENT = 9,         /**< 主管部门 */
  ZN_FIELD_REPORT_DOCUMENT = 10,   /**< the unit's own 说明报告 file */
  ZN_FIELD_DOCUMENT = 11           /**< a ready 电子版 file to package */
} zn_field;
/** The text of a field (a zn_field), borrowed from s: "" when empty, NULL for a NULL s or an
 * invalid field. */
ZN_EXTERN const char *zn_suggestion_get(const zn_suggestion *s, int field);
/** Sets a field (a zn_field) to a copy of utf8; NULL or "" clears it. ZN_EINVAL for a NULL
 * s, an invalid field or text that is not UTF-8 (the field then stays as it was). */
ZN_EXTERN int zn_suggestion_set(zn_suggestion *s, int field, const char *utf8);

/** \name 产业领域 and 合作国别、地区
 * 产业领域 and 合作国别、地区: one code expected; a form with several boxes ticked
 * holds several. Setting takes a code, a label or an alias of the suggestion's profile
 * (the built-in one for zn_suggestion_new, the one it was read under otherwise); a text
 * that is none of these is kept as written and reported by validation. Set with NULL or
 * "" clears; add refuses them (ZN_EINVAL).
 * @{ */
/** How many 产业领域 are ticked (0 for NULL). */
ZN_EXTERN size_t zn_suggestion_industry_count(const zn_suggestion *s);
/** The code of the i-th 产业领域 ticked, borrowed from s; NULL when i is out of range. */
ZN_EXTERN const char *zn_suggestion_industry(const zn_suggestion *s, size_t i);
/** Replaces the 产业领域 ticked with this one (a code, label or alias); NULL or "" clears
 * them. ZN_EINVAL for a NULL s or text that is not UTF-8. */
ZN_EXTERN int zn_suggestion_set_industry(zn_suggestion *s, const char *code_or_label);
/** Ticks one more 产业领域 (a code, label or alias). ZN_EINVAL for a NULL s, a NULL, "" or
 * non-UTF-8 code_or_label. */
ZN_EXTERN int zn_suggestion_add_industry(zn_suggestion *s, const char *code_or_label);
/** How many 合作国别、地区 are ticked (0 for NULL). */
ZN_EXTERN size_t zn_suggestion_region_count(const zn_suggestion *s);
/** The code of the i-th 合作国别、地区 ticked, borrowed from s; NULL when i is out of range. */
ZN_EXTERN const char *zn_suggestion_region(const zn_suggestion *s, size_t i);
/** Replaces the 合作国别、地区 ticked with this one (a code, label or alias); NULL or ""
 * clears them. ZN_EINVAL for a NULL s or text that is not UTF-8. */
ZN_EXTERN int zn_suggestion_set_region(zn_suggestion *s, const char *code_or_label);
/** Ticks one more 合作国别、地区 (a code, label or alias). ZN_EINVAL for a NULL s, a NULL,
 * "" or non-UTF-8 code_or_label. */
ZN_EXTERN int zn_suggestion_add_region(zn_suggestion *s, const char *code_or_label);
/** @} */

/** \name 项目类型
 * 项目类型 as bit flags.
 * @{ */
#define ZN_TYPE_BRING_IN 1    /**< “引进来” */
#define ZN_TYPE_GO_GLOBAL 2   /**< “走出去” */
#define ZN_TYPE_PLATFORM 4    /**< 依托国际创新合作平台 */
#define ZN_TYPE_MAJOR_EVENT 8 /**< 重大活动签约 */
ZN_EXTERN int zn_suggestion_type_flags(const zn_suggestion *s); /**< The ZN_TYPE_* flags ticked; -1 for NULL. */
/** Sets the ZN_TYPE_* flags ticked. Other bits are refused (ZN_EINVAL). Clearing
 * ZN_TYPE_BRING_IN keeps the sub-types: the form may be so, and validation reports it. */
ZN_EXTERN int zn_suggestion_set_type_flags(zn_suggestion *s, int flags);
/** How many sub-types of “引进来” are ticked (one expected; 0 for NULL). */
ZN_EXTERN size_t zn_suggestion_subtype_count(const zn_suggestion *s);
/** The code of the i-th sub-type of “引进来” ticked, borrowed from s; NULL when i is out of
 * range. */
ZN_EXTERN const char *zn_suggestion_subtype(const zn_suggestion *s, size_t i);
/** Sets the sub-types of “引进来” ticked: replaces them all with codes, labels or aliases of
 * the suggestion's profile (unknown text kept as written); codes may be NULL when count is
 * 0. A NULL, empty or non-UTF-8 entry refuses the whole list (ZN_EINVAL, nothing changed). */
ZN_EXTERN int zn_suggestion_set_subtypes(zn_suggestion *s, const char *const *codes, size_t count);
/** @} */

/** \name 关键科学问题及技术清单
 * 关键科学问题及技术清单. Levels are 0 when not given, both ways (0 stores "not given");
 * other levels are kept even outside the scale, for validation to report. name and
 * description may be NULL (empty). Strings are borrowed from s; NULL when i is out of
 * range. An i out of range, a NULL s or text that is not UTF-8 is ZN_EINVAL.
 * @{ */
/** How many key technologies the list has (0 for NULL). */
ZN_EXTERN size_t zn_suggestion_key_tech_count(const zn_suggestion *s);
/** The name of key technology i. */
ZN_EXTERN const char *zn_suggestion_key_tech_name(const zn_suggestion *s, size_t i);
/** The description of key technology i. */
ZN_EXTERN const char *zn_suggestion_key_tech_description(const zn_suggestion *s, size_t i);
/** The current and expected readiness levels of key technology i (0: not given). The
 * out-parameters may be NULL. */
ZN_EXTERN int zn_suggestion_key_tech_levels(int *current, int *expected, const zn_suggestion *s, size_t i);
/** Appends one; *index (if not NULL) receives its position. */
ZN_EXTERN int zn_suggestion_add_key_tech(size_t *index, zn_suggestion *s, const char *name,
                                         const char *description, int current, int expected);
/** Replaces name, description and levels of key technology i; it keeps the item's evidence
 * and expected indicators. */
ZN_EXTERN int zn_suggestion_set_key_tech(zn_suggestion *s, size_t i, const char *name,
                                         const char *description, int current, int expected);
/** Removes key technology i; the ones after it move up by one. */
ZN_EXTERN int zn_suggestion_remove_key_tech(zn_suggestion *s, size_t i);
/** @} */

/** @} */

/* ---- Validation ------------------------------------------------------------------- */
/** \defgroup validation Validation
 * The rules of the call for one suggestion, the parameters of a finding, and the rule
 * registry.
 * @{ */

/** How strictly the rules apply. */
typedef enum zn_mode {
  ZN_MODE_SUBMIT = 0, /**< the department's check before packaging: rules as SPEC.md lists them */
  ZN_MODE_DRAFT = 1   /**< a unit still filling the form: every "*missing" rule is a warning */
} zn_mode;

/** Checks one suggestion against every single-suggestion rule of the call, under profile
 * (NULL: the profile s was read under — the built-in 2025 one for zn_suggestion_new) and
 * mode (a zn_mode). *out receives the findings in a
 * fixed order (the form's, then the report outline's); free it with zn_diagnostics_free.
 * Returns ZN_OK whenever the check ran, whatever it found: count the errors with
 * zn_diagnostics_count_severity(*out, ZN_SEVERITY_ERROR). ZN_EINVAL for a NULL out or s,
 * or a mode that is no zn_mode. */
ZN_EXTERN int zn_validate(zn_diagnostics **out, const zn_suggestion *s, const zn_profile *profile, int mode);

/** \name Parameters of a finding
 * The named parameters of finding i that its messages cite (limit, count, value, …):
 * how many, then each one's name and value (borrowed from d; NULL when out of range).
 * @{ */
/** How many parameters finding i has (0 when d is NULL or i out of range). */
ZN_EXTERN size_t zn_diagnostics_param_count(const zn_diagnostics *d, size_t i);
/** The name of parameter k of finding i ("limit", "count", …). */
ZN_EXTERN const char *zn_diagnostics_param_name(const zn_diagnostics *d, size_t i, size_t k);
/** The value of parameter k of finding i, as text. */
ZN_EXTERN const char *zn_diagnostics_param_value(const zn_diagnostics *d, size_t i, size_t k);
/** @} */

/** \name The rule registry
 * The rule registry: every rule id (stable; see SPEC.md), its default severity (a
 * zn_severity) and the form's field it concerns, in Chinese. Strings are static.
 * @{ */
/** How many rules there are. */
ZN_EXTERN size_t zn_rule_count(void);
/** The id of rule i ("overview.too_long", …); NULL when i is out of range. */
ZN_EXTERN const char *zn_rule_id(size_t i);
/** The default severity of rule i (a zn_severity); -1 when i is out of range. */
ZN_EXTERN int zn_rule_severity(size_t i);
/** The form's field rule i concerns, in Chinese; NULL when i is out of range. */
ZN_EXTERN const char *zn_rule_field(size_t i);
/** The message of rule i in Chinese, as a template: {parameters} stand where a finding
 * puts its values ("项目概述超过{limit}字（现{count}字…）"), and {count|one|many} picks a
 * word by the number; the findings' zn_diagnostics_param_name lists them. NULL when i is
 * out of range. */
ZN_EXTERN const char *zn_rule_message_zh(size_t i);
/** The message of rule i in English, as a template like zn_rule_message_zh's. NULL when i
 * is out of range. */
ZN_EXTERN const char *zn_rule_message_en(size_t i);
/** @} */

/** @} */

/* ---- Text: counting 字, file names, folding -------------------------------------------- */
/** \defgroup text Text: counting 字, file names, folding
 * Counting as reviewers count, names every file system accepts, text folded for comparison.
 * @{ */

/** How zn_count counts. */
typedef enum zn_count_mode {
  ZN_COUNT_WORD = 0,              /**< Word's 字数: East Asian characters + runs of other text */
  ZN_COUNT_CHARS = 1,             /**< 字符数(不计空格) */
  ZN_COUNT_CHARS_WITH_SPACES = 2, /**< 字符数(计空格) */
  ZN_COUNT_GRAPHEMES = 3          /**< user-perceived characters */
} zn_count_mode;

/** Counts text (UTF-8, len bytes) as reviewers do with Word's 字数统计, in a zn_count_mode.
 * Ill-formed bytes count as one character each; nothing is normalized first. text may be
 * NULL only when len is 0 (the empty text). *out receives the count; ZN_EINVAL for a NULL
 * out, a NULL text with len > 0, or a mode that is no zn_count_mode. */
ZN_EXTERN int zn_count(size_t *out, const char *text, size_t len, int mode);

/** Text folded for comparison (NFKC, case and width, Traditional to Simplified, without
 * punctuation or white space), as the duplicate rules compare it; free with zn_string_free.
 * text may be NULL only when len is 0; out_len may be NULL. */
ZN_EXTERN int zn_fold(char **out, size_t *out_len, const char *text, size_t len);

/** One file or folder name made legal and readable on Windows, macOS and Linux (forbidden
 * characters replaced by full-width look-alikes, ASCII quotes by “ ”, invisible characters
 * removed, device names defused, at most 255 bytes). *changes, when changes is not NULL,
 * lists what was changed as findings with ids "name.<kind>" (name.replaced_char,
 * name.shortened_title, …) and zh/en messages; free it with zn_diagnostics_free. out_len
 * may be NULL; name may not, and must be UTF-8 (ZN_EINVAL). */
ZN_EXTERN int zn_name_sanitize(char **out, size_t *out_len, zn_diagnostics **changes, const char *name);

/** A package entry's file name, 序号.项目名称-建议单位.ext, within 255 bytes and a path
 * (folder/name) of at most 160 UTF-16 units so it extracts under Windows' 260 limit; the
 * title is shortened first, at a character boundary. folder may be NULL (the root) and
 * pattern NULL (the call's "{number}.{title}-{unit}"); extension without or with its dot.
 * title, unit and extension may be "" but not NULL (ZN_EINVAL); out_len and changes may be
 * NULL, as for zn_name_sanitize. A negative number or text that is not UTF-8 is ZN_EINVAL. */
ZN_EXTERN int zn_name_entry(char **out, size_t *out_len, zn_diagnostics **changes, const char *folder, int number,
                            const char *title, const char *unit, const char *extension, const char *pattern);

/** @} */

/* ---- Across suggestions: 三(三) of the call ------------------------------------------- */
/** \defgroup batch Across suggestions: 三(三) of the call
 * The funded-project registry and the batch rules across suggestions.
 * @{ */

/** The funded projects (已立项项目) with their near-duplicate index (opaque). */
typedef struct zn_registry zn_registry;

/** Reads JSON Lines, one {"id", "year", "title", "abstract", "unit"} per line, and indexes
 * them for the profile's history threshold (profile NULL: the built-in one). A bad line is
 * reported (registry.line_invalid, with its line) and skipped; the call still succeeds.
 * ZN_EIO when the file cannot be read. *diagnostics is set whenever diagnostics is not NULL
 * (NULL only on ZN_EINVAL / ZN_ENOMEM) and must then be freed; free *out with
 * zn_registry_free. */
ZN_EXTERN int zn_registry_from_jsonl_file(zn_registry **out, zn_diagnostics **diagnostics, const zn_profile *profile,
                                          const char *path_utf8);
/** The registry and its index in one file, written atomically; zn_registry_load reads it
 * back without indexing again. ZN_EIO when the file cannot be written. */
ZN_EXTERN int zn_registry_save(const zn_registry *r, const char *path_utf8);
/** Reads a file written by zn_registry_save, without indexing again (it refuses a
 * truncated or corrupt file with ZN_EPARSE; ZN_EIO when the file cannot be read). Free
 * *out with zn_registry_free. */
ZN_EXTERN int zn_registry_load(zn_registry **out, const char *path_utf8);
/** How many funded projects r holds (0 for NULL). */
ZN_EXTERN size_t zn_registry_count(const zn_registry *r);
/** Frees the caller's reference; batches and audits given r keep their own. NULL is fine. */
ZN_EXTERN void zn_registry_free(zn_registry *r);

/** A batch (opaque): the suggestions one department (or the whole province) gives together. */
typedef struct zn_batch zn_batch;

/** An empty batch under profile (NULL: the built-in one), which it keeps its own reference
 * to. Free *out with zn_batch_free. */
ZN_EXTERN int zn_batch_new(zn_batch **out, const zn_profile *profile);
/** Adds a copy of s under name: the file it came from (its folder is where the relative
 * `document` paths of s are found) or any label the findings should name. ZN_EINVAL for a
 * NULL b, s or name, or a name that is not UTF-8. */
ZN_EXTERN int zn_batch_add(zn_batch *b, const zn_suggestion *s, const char *name);
/** How many suggestions b holds (0 for NULL). */
ZN_EXTERN size_t zn_batch_count(const zn_batch *b);
/** Also compare against already funded projects (history.similar_funded). The batch keeps
 * its own reference: r may be freed afterwards. NULL removes it. */
ZN_EXTERN int zn_batch_set_registry(zn_batch *b, const zn_registry *r);
/** The batch rules across the suggestions: batch.proposer_multiple, batch.duplicate,
 * batch.similar and, with a registry, history.similar_funded. Each finding is about the
 * later suggestion (zn_diagnostics_file gives its name) and names the other one. Returns
 * ZN_OK whenever the check ran, whatever it found; free *out with zn_diagnostics_free. */
ZN_EXTERN int zn_batch_check(zn_diagnostics **out, const zn_batch *b);
/** Frees b and its copies of the suggestions. NULL is fine. */
ZN_EXTERN void zn_batch_free(zn_batch *b);

/** @} */

/* ---- The package (section 四 of the call) -------------------------------------------- */
/** \defgroup package The package (section 四 of the call)
 * The ZIP of a batch's suggestions, in the call's folders and names, with its 汇总表.
 * @{ */

/** Called after each entry written, on the thread that called zn_package_write: done of
 * total. Return non-zero to cancel. */
typedef int (*zn_progress_fn)(void *user, size_t done, size_t total);

#define ZN_NUMBERING_PER_FOLDER 0 /**< 1, 2, 3 … in each region's folder (the call's example) */
#define ZN_NUMBERING_GLOBAL 1     /**< one count across the folders */

/** How zn_package_write writes the package; start from ZN_PACKAGE_OPTIONS_INIT. The strings
 * are UTF-8 (ZN_EINVAL otherwise), read during the call, not kept. */
typedef struct zn_package_options {
  int version;             /**< ZN_PACKAGE_OPTIONS_VERSION: fields may be added, never moved */
  int numbering;           /**< ZN_NUMBERING_* */
  int all_regions;         /**< non-zero: a folder for every region, even empty ones */
  int gbk_names;           /**< non-zero: GBK names + Info-ZIP Unicode Path, for old Chinese tools */
  const char *department;  /**< the 汇总表's 主管部门（盖章）; NULL: left blank to fill by hand */
  const char *contact;     /**< 联系人 */
  const char *phone;       /**< 联系电话 */
  const char *date;        /**< 填报日期, as text */
  int threads;             /**< compressing threads; 0: one per core */
  zn_progress_fn progress; /**< may be NULL */
  void *progress_user;     /**< passed to progress as its first argument */
  /** The time on every entry; all zero: the fixed default (2025-01-01 00:00:00), so the same
   * input gives the same bytes. With a year, every part must be in its range (ZN_EINVAL). */
  int year,   /**< 1980–2107 */
      month,  /**< 1–12 */
      day,    /**< 1–31 */
      hour,   /**< 0–23 */
      minute, /**< 0–59 */
      second; /**< 0–59 */
  /** Version 2. The folders a suggestion's `document` (its 电子版) may lie in besides the
   * folder of its own file (the name zn_batch_add was given): document_root_count UTF-8
   * paths, none NULL or "". A document that resolves, links followed, anywhere else is
   * refused (package.document_outside), so that a system packing the JSON of units never
   * hands out its own files. document_roots may be NULL when the count is 0 (the default:
   * only each file's own folder). The strings are read during the call, not kept. */
  const char *const *document_roots;
  size_t document_root_count; /**< how many paths document_roots holds (version 2) */
} zn_package_options;

/** The version of zn_package_options this header declares (options.version). 2:
 * document_roots and document_root_count added. A version-1 struct (which ends at
 * `second`) is still read, as far as it goes. */
#define ZN_PACKAGE_OPTIONS_VERSION 2
/** The defaults of zn_package_options, at ZN_PACKAGE_OPTIONS_VERSION. */
#define ZN_PACKAGE_OPTIONS_INIT                                                                   \
  { ZN_PACKAGE_OPTIONS_VERSION, ZN_NUMBERING_PER_FOLDER, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL, \
    0, 0, 0, 0, 0, 0, NULL, 0 }

/** Writes the package of the batch's suggestions to zip_path and, beside it, the 汇总表 as
 * "<name>-汇总表.xlsx" and ".csv", after checking every rule (each suggestion, then the
 * batch, with the batch's registry). Returns ZN_OK when written; ZN_EREFUSED (nothing
 * written) when any suggestion has an error; ZN_ECANCELED when the progress callback
 * cancelled; ZN_EIO when a write failed. Never leaves a half-written file at a target: an
 * older file there stays as it was. *diagnostics (when diagnostics is not NULL) receives
 * every finding, each with its file (zn_diagnostics_file). options may be NULL (the
 * defaults); its version is 1 or 2 (only the fields of that version are read), anything
 * else is ZN_EINVAL. */
ZN_EXTERN int zn_package_write(zn_diagnostics **diagnostics, const zn_batch *b, const char *zip_path_utf8,
                               const zn_package_options *options);

/** @} */

/* ---- The audit of received packages ---------------------------------------------- */
/** \defgroup audit The audit of received packages
 * The province's check of the packages the departments send, and its reports.
 * @{ */

/** The province's check of the packages the departments send (.zip, .7z, .rar, or an
 * extracted folder): each read without trusting it (sizes, entries and ratios limited),
 * its folders, names, numbers and 汇总表 checked, every document read and validated, and
 * the batch rules of 三(三) run across all the packages together. Opaque. */
typedef struct zn_audit zn_audit;

/** An audit with no packages yet, under profile (NULL: the built-in one). The audit keeps
 * its own reference to the profile: it may be freed afterwards. Free *out with
 * zn_audit_free. */
ZN_EXTERN int zn_audit_new(zn_audit **out, const zn_profile *profile);
/** Frees a, its packages and its result. NULL is fine. */
ZN_EXTERN void zn_audit_free(zn_audit *a);

/** Adds a package: a .zip, .7z or .rar file or a folder, read only when zn_audit_run runs
 * (a file that cannot be read then is an audit.unreadable finding, not a failure). A
 * 汇总表 beside the file ("NAME-汇总表.xlsx" or ".csv") is checked with it. Packages are
 * audited in the order added; changing the audit drops the result of the last run.
 * ZN_EINVAL for a NULL a, or a NULL, empty or non-UTF-8 path. */
ZN_EXTERN int zn_audit_add_package_file(zn_audit *a, const char *path_utf8);
/** A package held in memory (copied): name_utf8 is its file name ("部门.zip"), which the
 * findings and the reports use, and its department when it has no 汇总表. Neither may be
 * NULL (bytes not even with len 0); the name may not be empty (ZN_EINVAL). As with
 * zn_audit_add_package_file, it drops the result of the last run. */
ZN_EXTERN int zn_audit_add_package_bytes(zn_audit *a, const char *name_utf8, const void *bytes, size_t len);
/** Also compare every suggestion with already funded projects (history.similar_funded).
 * The audit keeps its own reference: the registry may be freed afterwards. NULL removes it.
 * It drops the result of the last run. */
ZN_EXTERN int zn_audit_set_registry(zn_audit *a, const zn_registry *registry);

/** Called as the audit goes on, on the thread that called zn_audit_run (at least before each
 * package is read and after it is done): packages_done of packages_total, and entries_done,
 * the entries read so far over all packages. Return non-zero to cancel (as zn_progress_fn). */
typedef int (*zn_audit_progress_fn)(void *user, size_t packages_done, size_t packages_total, size_t entries_done);

/** How zn_audit_run runs; start from ZN_AUDIT_OPTIONS_INIT. */
typedef struct zn_audit_options {
  int version;                   /**< ZN_AUDIT_OPTIONS_VERSION: fields may be added, never moved */
  int mode;                      /**< a zn_mode for the rules of each document */
  zn_audit_progress_fn progress; /**< may be NULL */
  void *progress_user;           /**< passed to progress as its first argument */
} zn_audit_options;

/** The version of zn_audit_options this header declares; a newer one is refused (ZN_EINVAL). */
#define ZN_AUDIT_OPTIONS_VERSION 1
/** The defaults of zn_audit_options: ZN_MODE_SUBMIT, no progress callback. */
#define ZN_AUDIT_OPTIONS_INIT { ZN_AUDIT_OPTIONS_VERSION, ZN_MODE_SUBMIT, NULL, NULL }

/** Audits every package added. Returns ZN_OK when the audit ran, whatever it found (count
 * the errors with zn_diagnostics_count_severity); *findings (when findings is not NULL)
 * then receives every finding, each with its package and entry (zn_diagnostics_package,
 * zn_diagnostics_entry): the packages' structure first, then each document's rules, then
 * the batch rules across the packages (each about the later suggestion). The result stays
 * in the audit for zn_audit_report and zn_audit_write_xlsx until the next run or change.
 * ZN_ECANCELED when the progress callback cancelled: *findings is NULL and the audit holds
 * no result. options may be NULL; a version other than 1 to ZN_AUDIT_OPTIONS_VERSION or a
 * mode that is no zn_mode is ZN_EINVAL. */
ZN_EXTERN int zn_audit_run(zn_diagnostics **findings, zn_audit *a, const zn_audit_options *options);

/** The formats of zn_audit_report. */
typedef enum zn_audit_format {
  ZN_AUDIT_TEXT = 0, /**< for the terminal: Chinese first, English after each line */
  ZN_AUDIT_JSON = 1, /**< one document, {"format": "zhinan.audit/1", "packages", "suggestions",
                        "diagnostics", "summary"} */
  ZN_AUDIT_HTML = 2, /**< one self-contained page (no external assets), printable on A4 */
  ZN_AUDIT_TEXT_EN = 3 /**< as ZN_AUDIT_TEXT, in English alone (`zhinan audit --lang en`) */
} zn_audit_format;

/** The report of the last run in a zn_audit_format; free with zn_string_free. out_len may
 * be NULL. ZN_EINVAL before a run (or after a cancelled one or a change), and for a format
 * that is no zn_audit_format. */
ZN_EXTERN int zn_audit_report(char **out, size_t *out_len, const zn_audit *a, int format);
/** The province-wide list of every suggestion read (package, department, region, number,
 * title, unit, proposer, funding, verdict) as .xlsx, written atomically. ZN_EINVAL before a
 * run; ZN_EIO when it cannot be written. */
ZN_EXTERN int zn_audit_write_xlsx(const zn_audit *a, const char *path_utf8);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* ZHINAN_H */
