/* test_capi.c — the C ABI of zhinan, from plain C89, the way an office system in C uses it.
 *
 * Calls every function of zhinan.h at least once. Usage: test_capi SAMPLE.json [PROFILE.json]
 * (SAMPLE is examples/data/valid-sco.json; PROFILE the built-in profile's source file).
 * One file because each part reads as a scenario of the call; the helpers are at the top.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Equal C strings; a NULL never equals anything. */
#define CHECK_STR(a, b) check(same((a), (b)), #a " == " #b, __FILE__, __LINE__)
#define CHECK_HAS(text, part) check(contains((text), (part)), #text " contains " #part, __FILE__, __LINE__)

static int same(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }
static int contains(const char *text, const char *part) { return text != NULL && strstr(text, part) != NULL; }

/* The index of the first finding with this id, or -1. */
static long find_id(const zn_diagnostics *d, const char *id) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (same(zn_diagnostics_id(d, i), id)) return (long)i;
  return -1;
}

/* Parses NUL-terminated JSON under the built-in profile. */
static int parse(zn_suggestion **out, zn_diagnostics **d, const char *json) {
  return zn_suggestion_from_json(out, d, NULL, json, strlen(json));
}

/* A whole file, NUL-terminated (the caller frees it); NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (char *)malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
      buf[size] = '\0';
      *len = (size_t)size;
    } else {
      free(buf);
      buf = NULL;
    }
  }
  fclose(f);
  return buf;
}

/* Serializes, parses that again and serializes again: the two texts must be the same bytes. */
static void check_fixed_point(const zn_suggestion *s) {
  char *first = NULL, *second = NULL;
  size_t first_len = 0, second_len = 0;
  zn_suggestion *again = NULL;
  zn_diagnostics *d = NULL;
  CHECK(zn_suggestion_to_json(&first, &first_len, s) == ZN_OK);
  CHECK(first != NULL && strlen(first) == first_len);
  CHECK(zn_suggestion_from_json(&again, &d, NULL, first, first_len) == ZN_OK);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  CHECK(zn_suggestion_to_json(&second, &second_len, again) == ZN_OK);
  CHECK(first_len == second_len && first != NULL && second != NULL && memcmp(first, second, first_len) == 0);
  zn_string_free(first);
  zn_string_free(second);
  zn_suggestion_free(again);
  zn_diagnostics_free(d);
}

static void test_version(void) {
  int major = -1, minor = -1, patch = -1;
  CHECK(zn_version(&major, &minor, &patch) == ZN_VERSION_NUMBER);
  CHECK(major == ZN_VERSION_MAJOR && minor == ZN_VERSION_MINOR && patch == ZN_VERSION_PATCH);
  CHECK(zn_version(NULL, NULL, NULL) == ZN_VERSION_NUMBER);
  CHECK_STR(zn_version_string(), ZN_VERSION_STRING);
  CHECK(ZN_VERSION_NUMBER == 1000000 * ZN_VERSION_MAJOR + 1000 * ZN_VERSION_MINOR + ZN_VERSION_PATCH);
}

static void test_builtin_profile(void) {
  zn_profile *p = NULL;
  int lowest = 0, highest = 0, key_tech_max = 0, overview_max = 0;
  const char *folder;
  CHECK(zn_profile_builtin(&p) == ZN_OK && p != NULL);
  CHECK_STR(zn_profile_id(p), "shandong-2025");
  CHECK_HAS(zn_profile_name(p), "山东省2025年");

  CHECK(zn_profile_count(p, ZN_LIST_REGIONS) == 5);
  CHECK_STR(zn_profile_code(p, ZN_LIST_REGIONS, 0), "multilateral");
  CHECK_STR(zn_profile_code(p, ZN_LIST_REGIONS, 3), "belt_and_road");
  CHECK_STR(zn_profile_label(p, ZN_LIST_REGIONS, 2), "上合组织成员国");
  folder = zn_profile_region_folder(p, 3);
  CHECK_STR(folder, "“一带一路”共建国家");
  CHECK_HAS(folder, "\xE2\x80\x9C"); /* U+201C */
  CHECK_HAS(folder, "\xE2\x80\x9D"); /* U+201D */
  CHECK(zn_profile_region_folder(p, 5) == NULL);

  CHECK(zn_profile_count(p, ZN_LIST_INDUSTRIES) == 11);
  CHECK_STR(zn_profile_code(p, ZN_LIST_INDUSTRIES, 0), "next_gen_it");
  CHECK_STR(zn_profile_label(p, ZN_LIST_INDUSTRIES, 2), "新能源");
  CHECK_STR(zn_profile_code(p, ZN_LIST_INDUSTRIES, 10), "other");
  CHECK(zn_profile_code(p, ZN_LIST_INDUSTRIES, 11) == NULL);
  CHECK(zn_profile_count(p, ZN_LIST_PROJECT_TYPES) == 4);
  CHECK_STR(zn_profile_code(p, ZN_LIST_PROJECT_TYPES, 1), "go_global");
  CHECK(zn_profile_count(p, ZN_LIST_BRING_IN_SUBTYPES) == 5);
  CHECK_STR(zn_profile_code(p, ZN_LIST_BRING_IN_SUBTYPES, 2), "chokepoint");
  CHECK(zn_profile_count(p, 99) == 0);
  CHECK(zn_profile_code(p, 99, 0) == NULL);
  CHECK(zn_profile_label(p, -1, 0) == NULL);

  CHECK(zn_profile_trl_range(&lowest, &highest, p) == ZN_OK);
  CHECK(lowest == 1 && highest == 13);
  CHECK_STR(zn_profile_trl_name(p, 1), "报告级");
  CHECK_STR(zn_profile_trl_name(p, 13), "回报级");
  CHECK_STR(zn_profile_trl_name(p, 7), "环境级");
  CHECK(zn_profile_trl_name(p, 0) == NULL);
  CHECK(zn_profile_trl_name(p, 14) == NULL);
  CHECK_HAS(zn_profile_trl_criterion(p, 1), "报告");
  CHECK(zn_profile_trl_criterion(p, -3) == NULL);
  CHECK(zn_profile_limits(&key_tech_max, &overview_max, p) == ZN_OK);
  CHECK(key_tech_max == 5 && overview_max == 1000);
  zn_profile_free(p);
}

static void test_sample(const char *path) {
  zn_suggestion *s = NULL, *from_text = NULL, *copy = NULL;
  zn_diagnostics *d = NULL;
  char *bytes, *a = NULL, *b = NULL;
  size_t len = 0, a_len = 0, b_len = 0;
  int current = -1, expected = -1;

  CHECK(zn_suggestion_from_file(&s, &d, NULL, path) == ZN_OK && s != NULL);
  CHECK(d != NULL && zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_TITLE), "盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范");
  CHECK(zn_suggestion_industry_count(s) == 1);
  CHECK_STR(zn_suggestion_industry(s, 0), "modern_agriculture");
  CHECK(zn_suggestion_region_count(s) == 1);
  CHECK_STR(zn_suggestion_region(s, 0), "sco");
  CHECK(zn_suggestion_type_flags(s) == (ZN_TYPE_BRING_IN | ZN_TYPE_GO_GLOBAL));
  CHECK(zn_suggestion_subtype_count(s) == 1);
  CHECK_STR(zn_suggestion_subtype(s, 0), "chokepoint");
  CHECK_HAS(zn_suggestion_get(s, ZN_FIELD_OVERVIEW), "盐碱地");
  CHECK(zn_suggestion_key_tech_count(s) == 3);
  CHECK_HAS(zn_suggestion_key_tech_name(s, 0), "分子标记");
  CHECK_HAS(zn_suggestion_key_tech_description(s, 2), "灌溉");
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 0) == ZN_OK && current == 5 && expected == 8);
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 2) == ZN_OK && current == 4 && expected == 7);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_FUNDING_TOTAL), "1260");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_FUNDING_PROVINCIAL), "300.5");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_UNIT), "东营黄河三角洲盐碱地农业研究院");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_PROPOSER), "孙立新");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_POSITION), "研究员/副院长");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_PHONE), "0546-8316725");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_DEPARTMENT), "东营市科学技术局");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_INDUSTRY_OTHER), "");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_REPORT_DOCUMENT), "");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_DOCUMENT), "");

  /* The same file through the buffer entry point reads the same. */
  bytes = slurp(path, &len);
  CHECK(bytes != NULL);
  if (bytes != NULL) {
    CHECK(zn_suggestion_from_json(&from_text, NULL, NULL, bytes, len) == ZN_OK);
    CHECK(zn_suggestion_to_json(&a, &a_len, s) == ZN_OK);
    CHECK(zn_suggestion_to_json(&b, &b_len, from_text) == ZN_OK);
    CHECK(a_len == b_len && a != NULL && b != NULL && memcmp(a, b, a_len) == 0);
    CHECK(a_len > 0 && a[a_len - 1] == '\n');
  }
  check_fixed_point(s);

  /* A clone is independent of its original. */
  CHECK(zn_suggestion_clone(&copy, s) == ZN_OK && copy != NULL);
  CHECK(zn_suggestion_set(copy, ZN_FIELD_TITLE, "另一个项目") == ZN_OK);
  CHECK_STR(zn_suggestion_get(copy, ZN_FIELD_TITLE), "另一个项目");
  CHECK_HAS(zn_suggestion_get(s, ZN_FIELD_TITLE), "盐碱地");

  free(bytes);
  zn_string_free(a);
  zn_string_free(b);
  zn_suggestion_free(copy);
  zn_suggestion_free(from_text);
  zn_suggestion_free(s);
  zn_diagnostics_free(d);
}

static void test_fields(void) {
  static const char *const values[] = {
      "中乌耐盐棉花联合育种", "碳汇农业", "项目概述：引进耐盐种质300份。", "1200", "300.50",
      "济南某研究院", "张三", "研究员/所长", "0531-88888888", "济南市科学技术局",
      "报告/说明报告.docx", "电子版/1.项目名称-建议单位.pdf"};
  zn_suggestion *s = NULL;
  char *json = NULL;
  int field;
  CHECK(zn_suggestion_new(&s) == ZN_OK && s != NULL);
  for (field = ZN_FIELD_TITLE; field <= ZN_FIELD_DOCUMENT; ++field) {
    CHECK_STR(zn_suggestion_get(s, field), "");
    CHECK(zn_suggestion_set(s, field, values[field]) == ZN_OK);
    CHECK_STR(zn_suggestion_get(s, field), values[field]);
  }
  CHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK);
  CHECK_HAS(json, "\"title\": \"中乌耐盐棉花联合育种\"");
  CHECK_HAS(json, "\"provincial\": \"300.50\""); /* kept as written, never through a double */
  CHECK_HAS(json, "\"phone\": \"0531-88888888\"");
  check_fixed_point(s);

  /* Funding text is not checked here: that is validation's job. */
  CHECK(zn_suggestion_set(s, ZN_FIELD_FUNDING_TOTAL, "三百万") == ZN_OK);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_FUNDING_TOTAL), "三百万");
  check_fixed_point(s);

  /* NULL and "" clear. */
  CHECK(zn_suggestion_set(s, ZN_FIELD_TITLE, NULL) == ZN_OK);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_TITLE), "");
  CHECK(zn_suggestion_set(s, ZN_FIELD_FUNDING_PROVINCIAL, "") == ZN_OK);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_FUNDING_PROVINCIAL), "");
  zn_string_free(json);
  json = NULL;
  CHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK);
  CHECK(!contains(json, "\"title\"") && !contains(json, "\"provincial\""));

  /* Not a field; not UTF-8. */
  CHECK(zn_suggestion_get(s, 12) == NULL && zn_suggestion_get(s, -1) == NULL);
  CHECK(zn_suggestion_set(s, 12, "x") == ZN_EINVAL);
  CHECK(zn_suggestion_set(s, ZN_FIELD_UNIT, "\xFF\xFE") == ZN_EINVAL);
  CHECK_HAS(zn_error_last(), "UTF-8");
  CHECK(zn_suggestion_set(s, ZN_FIELD_UNIT, "\xE4\xB8") == ZN_EINVAL); /* cut inside 中 */
  CHECK(zn_suggestion_set(s, ZN_FIELD_UNIT, "\xED\xA0\x80") == ZN_EINVAL); /* a surrogate */
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_UNIT), values[ZN_FIELD_UNIT]);
  zn_string_free(json);
  zn_suggestion_free(s);
}

static void test_choices(void) {
  zn_suggestion *s = NULL;
  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_suggestion_industry_count(s) == 0 && zn_suggestion_industry(s, 0) == NULL);
  CHECK(zn_suggestion_set_industry(s, "新能源") == ZN_OK);
  CHECK(zn_suggestion_industry_count(s) == 1);
  CHECK_STR(zn_suggestion_industry(s, 0), "new_energy");
  CHECK(zn_suggestion_set_industry(s, "其它") == ZN_OK); /* an alias */
  CHECK_STR(zn_suggestion_industry(s, 0), "other");
  CHECK(zn_suggestion_add_industry(s, "biotech") == ZN_OK);
  CHECK(zn_suggestion_add_industry(s, "量子") == ZN_OK); /* unknown: kept for validation */
  CHECK(zn_suggestion_industry_count(s) == 3);
  CHECK_STR(zn_suggestion_industry(s, 1), "biotech");
  CHECK_STR(zn_suggestion_industry(s, 2), "量子");
  CHECK(zn_suggestion_industry(s, 3) == NULL);
  CHECK(zn_suggestion_add_industry(s, "") == ZN_EINVAL);
  CHECK(zn_suggestion_add_industry(s, NULL) == ZN_EINVAL);
  CHECK(zn_suggestion_set_industry(s, "\xC3") == ZN_EINVAL);
  CHECK(zn_suggestion_industry_count(s) == 3);
  check_fixed_point(s);
  CHECK(zn_suggestion_set_industry(s, NULL) == ZN_OK && zn_suggestion_industry_count(s) == 0);

  CHECK(zn_suggestion_set_region(s, "“一带一路”共建国家") == ZN_OK);
  CHECK_STR(zn_suggestion_region(s, 0), "belt_and_road");
  CHECK(zn_suggestion_set_region(s, "上合组织") == ZN_OK);
  CHECK_STR(zn_suggestion_region(s, 0), "sco");
  CHECK(zn_suggestion_add_region(s, "港澳台地区") == ZN_OK);
  CHECK(zn_suggestion_region_count(s) == 2);
  CHECK_STR(zn_suggestion_region(s, 1), "hk_macao_taiwan");
  CHECK(zn_suggestion_region(s, 2) == NULL);
  CHECK(zn_suggestion_add_region(s, "\x80") == ZN_EINVAL);
  check_fixed_point(s);
  CHECK(zn_suggestion_set_region(s, "") == ZN_OK && zn_suggestion_region_count(s) == 0);
  zn_suggestion_free(s);
}

static void test_types(void) {
  static const char *const subtypes[] = {"chokepoint", "国产化替代", "未列出的类型"};
  static const char *const bad[] = {"disruptive", NULL};
  static const char *const not_utf8[] = {"\xFF"};
  static const char *const empty[] = {""};
  zn_suggestion *s = NULL;
  char *json = NULL;
  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_suggestion_type_flags(s) == 0);
  CHECK(zn_suggestion_set_type_flags(s, ZN_TYPE_BRING_IN | ZN_TYPE_PLATFORM) == ZN_OK);
  CHECK(zn_suggestion_type_flags(s) == (ZN_TYPE_BRING_IN | ZN_TYPE_PLATFORM));
  CHECK(zn_suggestion_set_type_flags(s, ZN_TYPE_GO_GLOBAL | ZN_TYPE_MAJOR_EVENT) == ZN_OK);
  CHECK(zn_suggestion_type_flags(s) == (ZN_TYPE_GO_GLOBAL | ZN_TYPE_MAJOR_EVENT));
  CHECK(zn_suggestion_set_type_flags(s, 16) == ZN_EINVAL);
  CHECK(zn_suggestion_set_type_flags(s, -1) == ZN_EINVAL);
  CHECK(zn_suggestion_type_flags(s) == (ZN_TYPE_GO_GLOBAL | ZN_TYPE_MAJOR_EVENT));

  CHECK(zn_suggestion_subtype_count(s) == 0 && zn_suggestion_subtype(s, 0) == NULL);
  CHECK(zn_suggestion_set_subtypes(s, subtypes, 3) == ZN_OK);
  CHECK(zn_suggestion_subtype_count(s) == 3);
  CHECK_STR(zn_suggestion_subtype(s, 0), "chokepoint");
  CHECK_STR(zn_suggestion_subtype(s, 1), "domestic_substitution");
  CHECK_STR(zn_suggestion_subtype(s, 2), "未列出的类型");
  /* A bad list changes nothing. */
  CHECK(zn_suggestion_set_subtypes(s, bad, 2) == ZN_EINVAL);
  CHECK(zn_suggestion_set_subtypes(s, not_utf8, 1) == ZN_EINVAL);
  CHECK(zn_suggestion_set_subtypes(s, empty, 1) == ZN_EINVAL);
  CHECK(zn_suggestion_set_subtypes(s, NULL, 1) == ZN_EINVAL);
  CHECK(zn_suggestion_subtype_count(s) == 3);
  CHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK);
  CHECK_HAS(json, "\"major_event\": true");
  check_fixed_point(s);
  CHECK(zn_suggestion_set_subtypes(s, NULL, 0) == ZN_OK && zn_suggestion_subtype_count(s) == 0);
  zn_string_free(json);
  zn_suggestion_free(s);
}

static void test_key_technologies(void) {
  zn_suggestion *s = NULL;
  size_t index = 99;
  int current = -1, expected = -1;
  char *json = NULL;
  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_suggestion_key_tech_count(s) == 0);
  CHECK(zn_suggestion_add_key_tech(&index, s, "耐盐种质精准鉴定", "高通量表型", 4, 7) == ZN_OK && index == 0);
  CHECK(zn_suggestion_add_key_tech(&index, s, "智能灌溉决策", NULL, 0, 0) == ZN_OK && index == 1);
  CHECK(zn_suggestion_add_key_tech(NULL, s, "第三项", "", 3, 0) == ZN_OK);
  CHECK(zn_suggestion_key_tech_count(s) == 3);
  CHECK_STR(zn_suggestion_key_tech_name(s, 0), "耐盐种质精准鉴定");
  CHECK_STR(zn_suggestion_key_tech_description(s, 0), "高通量表型");
  CHECK_STR(zn_suggestion_key_tech_description(s, 1), "");
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 0) == ZN_OK && current == 4 && expected == 7);
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 1) == ZN_OK && current == 0 && expected == 0);
  CHECK(zn_suggestion_key_tech_levels(&current, NULL, s, 2) == ZN_OK && current == 3);

  /* 0 is "not given" both ways: nothing is written for it. */
  CHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK);
  CHECK_HAS(json, "\"trl_current\": 4");
  CHECK_HAS(json, "\"trl_expected\": 7");
  CHECK_HAS(json, "\"trl_current\": 3");
  CHECK(!contains(json, "\"trl_expected\": 0") && !contains(json, "\"trl_current\": 0"));
  check_fixed_point(s);

  CHECK(zn_suggestion_set_key_tech(s, 1, "智能节水灌溉决策", "在线算法", 5, 8) == ZN_OK);
  CHECK_STR(zn_suggestion_key_tech_name(s, 1), "智能节水灌溉决策");
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 1) == ZN_OK && current == 5 && expected == 8);
  CHECK(zn_suggestion_set_key_tech(s, 3, "x", "y", 1, 2) == ZN_EINVAL);
  CHECK(zn_suggestion_set_key_tech(s, 1, "\xC0\xAF", "y", 1, 2) == ZN_EINVAL); /* overlong '/' */
  CHECK(zn_suggestion_add_key_tech(&index, s, "ok", "\xF5\x80\x80\x80", 1, 2) == ZN_EINVAL);
  CHECK(zn_suggestion_key_tech_count(s) == 3);
  CHECK_STR(zn_suggestion_key_tech_name(s, 1), "智能节水灌溉决策");

  CHECK(zn_suggestion_remove_key_tech(s, 0) == ZN_OK);
  CHECK(zn_suggestion_key_tech_count(s) == 2);
  CHECK_STR(zn_suggestion_key_tech_name(s, 0), "智能节水灌溉决策");
  CHECK(zn_suggestion_remove_key_tech(s, 2) == ZN_EINVAL);
  CHECK(zn_suggestion_key_tech_name(s, 2) == NULL && zn_suggestion_key_tech_description(s, 2) == NULL);
  current = expected = 42;
  CHECK(zn_suggestion_key_tech_levels(&current, &expected, s, 2) == ZN_EINVAL && current == 0 && expected == 0);
  zn_string_free(json);
  zn_suggestion_free(s);
}

/* A text that is not a suggestion: ZN_EPARSE, no suggestion, the finding `id` handed back
 * and recorded as the thread's last error. Returns the diagnostics for more checks. */
static zn_diagnostics *expect_parse_error(const char *json, size_t len, const char *id, int line) {
  zn_suggestion *s = (zn_suggestion *)&s; /* anything but NULL: it must be reset */
  zn_diagnostics *d = NULL;
  int status = zn_suggestion_from_json(&s, &d, NULL, json, len);
  check(status == ZN_EPARSE, "status == ZN_EPARSE", __FILE__, line);
  check(s == NULL, "*out == NULL", __FILE__, line);
  check(d != NULL && find_id(d, id) >= 0, id, __FILE__, line);
  check(same(zn_error_last_id(), id), "zn_error_last_id() names it", __FILE__, line);
  check(zn_error_last()[0] != '\0' && strchr(zn_error_last(), '\n') != NULL, "zn_error_last() zh\\nen", __FILE__,
        line);
  return d;
}

static void test_parse_errors(void) {
  static const char truncated[] = "{\n  \"format\": \"zhinan.suggestion/1\",\n  \"title\": \"盐碱地";
  static const char binary[] = "PK\003\004\024\000\000\000\010\000{\"title\": 1}";
  static const char gbk[] = "{\"format\": \"zhinan.suggestion/1\", \"title\": \"\xD6\xD0\xCE\xC4\"}";
  static const char utf16[] = "\xFF\xFE{\000}\000";
  static const char version9[] = "{\"format\": \"zhinan.suggestion/9\"}";
  zn_diagnostics *d;
  zn_suggestion *s = NULL;
  long at;
  int line = 0, column = 0;
  char *json = NULL, *big;
  size_t i, big_len, deep_len = 100000;

  zn_error_clear();
  CHECK_STR(zn_error_last(), "");
  CHECK_STR(zn_error_last_id(), "");

  d = expect_parse_error(truncated, strlen(truncated), "format.json_invalid", __LINE__);
  at = find_id(d, "format.json_invalid");
  CHECK(zn_diagnostics_location(&line, &column, d, (size_t)(at < 0 ? 0 : at)) == ZN_OK);
  CHECK(line == 3 && column > 0);
  CHECK_HAS(zn_error_last(), "第3行");
  CHECK_HAS(zn_error_last(), "line 3");
  CHECK(zn_diagnostics_severity(d, 0) == ZN_SEVERITY_ERROR);
  CHECK_STR(zn_diagnostics_path(d, 0), "");
  CHECK(zn_diagnostics_to_json(&json, NULL, d) == ZN_OK);
  CHECK_HAS(json, "\"id\":\"format.json_invalid\"");
  CHECK_HAS(json, "\"line\":3");
  zn_string_free(json);
  json = NULL;
  zn_diagnostics_free(d);

  zn_error_clear();
  CHECK_STR(zn_error_last(), "");
  zn_diagnostics_free(expect_parse_error("{\"title\": \"\xFF\"}", 14, "format.utf8_invalid", __LINE__));
  d = expect_parse_error(gbk, strlen(gbk), "format.utf8_invalid", __LINE__);
  CHECK_HAS(zn_diagnostics_message_zh(d, 0), "GBK");
  CHECK_HAS(zn_diagnostics_message_en(d, 0), "GBK");
  CHECK_HAS(zn_error_last(), "GBK");
  zn_diagnostics_free(d);
  zn_diagnostics_free(expect_parse_error(utf16, sizeof utf16 - 1, "format.utf8_invalid", __LINE__));
  zn_diagnostics_free(expect_parse_error("", 0, "format.json_invalid", __LINE__));
  zn_diagnostics_free(expect_parse_error(" \r\n\t", 4, "format.json_invalid", __LINE__));
  zn_diagnostics_free(expect_parse_error(binary, sizeof binary - 1, "format.json_invalid", __LINE__));
  zn_diagnostics_free(expect_parse_error("[1, 2]", 6, "format.wrong_type", __LINE__));
  zn_diagnostics_free(expect_parse_error(version9, strlen(version9), "format.version_unsupported", __LINE__));
  zn_diagnostics_free(expect_parse_error("{} []", 5, "format.json_invalid", __LINE__));

  /* 100,000 levels of nesting are refused, not followed down the stack. */
  big = (char *)malloc(deep_len);
  CHECK(big != NULL);
  if (big != NULL) {
    memset(big, '[', deep_len);
    zn_diagnostics_free(expect_parse_error(big, deep_len, "format.json_invalid", __LINE__));
    free(big);
  }

  /* A wrong type is a finding, not a failure: the rest of the suggestion is read. */
  d = NULL;
  CHECK(parse(&s, &d, "{\"format\": \"zhinan.suggestion/1\", \"title\": 5, \"department\": \"青岛市科学技术局\"}") ==
        ZN_OK);
  CHECK(s != NULL && d != NULL);
  at = find_id(d, "format.wrong_type");
  CHECK(at >= 0);
  CHECK_STR(zn_diagnostics_path(d, (size_t)(at < 0 ? 0 : at)), "/title");
  CHECK(zn_diagnostics_location(&line, &column, d, (size_t)(at < 0 ? 0 : at)) == ZN_OK && line == 0 && column == 0);
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_TITLE), "");
  CHECK_STR(zn_suggestion_get(s, ZN_FIELD_DEPARTMENT), "青岛市科学技术局");
  CHECK(zn_diagnostics_to_json(&json, NULL, d) == ZN_OK);
  CHECK_HAS(json, "\"id\":\"format.wrong_type\"");
  CHECK_HAS(json, "\"path\":\"/title\"");
  CHECK_HAS(json, "\"severity\":\"error\"");
  CHECK_HAS(json, "\"params\":{");
  zn_string_free(json);
  json = NULL;
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
  s = NULL;

  /* A UTF-8 BOM and unknown fields (a warning) are fine. */
  d = NULL;
  CHECK(parse(&s, &d, "\xEF\xBB\xBF{\"format\": \"zhinan.suggestion/1\", \"x_note\": [1]}") == ZN_OK);
  CHECK(find_id(d, "format.unknown_field") >= 0);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_WARNING) >= 1);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_INFO) == 0);
  CHECK(zn_diagnostics_count_severity(d, 3) == 0);
  CHECK(zn_diagnostics_severity(d, 0) == ZN_SEVERITY_WARNING);
  CHECK(zn_diagnostics_to_json(&json, NULL, d) == ZN_OK);
  CHECK_HAS(json, "\"severity\":\"warning\"");
  zn_string_free(json);
  json = NULL;
  check_fixed_point(s);
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
  s = NULL;

  /* A 3 MB title parses (a suggestion's limit is 4 MB: limits.max_suggestion_bytes). */
  big_len = 3u * 1024u * 1024u;
  big = (char *)malloc(big_len + 64);
  CHECK(big != NULL);
  if (big != NULL) {
    strcpy(big, "{\"format\": \"zhinan.suggestion/1\", \"title\": \"");
    i = strlen(big);
    memset(big + i, 'a', big_len);
    strcpy(big + i + big_len, "\"}");
    CHECK(zn_suggestion_from_json(&s, NULL, NULL, big, strlen(big)) == ZN_OK);
    CHECK(s != NULL && strlen(zn_suggestion_get(s, ZN_FIELD_TITLE)) == big_len);
    zn_suggestion_free(s);
    s = NULL;
    free(big);
  }
}

/* A small call profile for another year: the setters must read labels through it. */
static char *another_profile(size_t *len) {
  static const char *const parts[] = {
      "{\"format\": \"zhinan.profile/1\", \"id\": \"test-2026\", \"name_zh\": \"测试通知\",",
      " \"industries\": [{\"code\": \"quantum\", \"label\": \"量子科技\"}],",
      " \"regions\": [{\"code\": \"asean\", \"label\": \"东盟国家\", \"folder\": \"东盟国家\",",
      "   \"countries\": [\"VN\", \"MY\"]}],",
      " \"project_types\": [{\"code\": \"bring_in\", \"label\": \"引进来\"}, {\"code\": \"go_global\", ",
      "   \"label\": \"走出去\"}, {\"code\": \"platform\", \"label\": \"平台\"}, {\"code\": \"major_event\", ",
      "   \"label\": \"签约\"}],",
      " \"bring_in_subtypes\": [{\"code\": \"disruptive\", \"label\": \"颠覆性技术\"}],",
      " \"trl_scale\": [{\"level\": 1, \"name\": \"报告级\", \"criterion\": \"提出报告\"},",
      "   {\"level\": 2, \"name\": \"方案级\", \"criterion\": \"形成方案\"}],",
      " \"limits\": {\"key_technologies_max\": 3, \"overview_max\": 500},",
      " \"phone\": {\"mobile_prefixes\": [\"139\"], \"two_digit_area_codes\": [\"10\"],"
      " \"three_digit_area_code_leads\": [\"5\"], \"local_number_lengths\": [8],"
      " \"local_number_leads\": [\"6\"], \"service_prefixes\": [\"400\"]},",
      " \"package\": {\"file_name_pattern\": \"{number}.{title}-{unit}\", \"summary_table_title\": \"汇总表\"}}"};
  size_t i, total = 0;
  char *text;
  for (i = 0; i < sizeof parts / sizeof parts[0]; ++i) total += strlen(parts[i]);
  text = (char *)malloc(total + 1);
  if (text == NULL) return NULL;
  text[0] = '\0';
  for (i = 0; i < sizeof parts / sizeof parts[0]; ++i) strcat(text, parts[i]);
  *len = total;
  return text;
}

static void test_profiles(const char *profile_path) {
  zn_profile *p = NULL;
  zn_diagnostics *d = NULL;
  zn_suggestion *s = NULL;
  char *text;
  size_t len = 0;
  int lowest = 0, highest = 0, key_tech_max = 0, overview_max = 0;
  static const char incomplete[] = "{\"format\": \"zhinan.profile/1\", \"id\": \"x\"}";
  static const char with_label[] = "{\"format\": \"zhinan.suggestion/1\", \"industry\": \"量子科技\"}";

  text = another_profile(&len);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK(zn_profile_from_json(&p, &d, text, len) == ZN_OK && p != NULL);
    CHECK(d != NULL && zn_diagnostics_count(d) == 0);
    zn_diagnostics_free(d);
    d = NULL;
    CHECK_STR(zn_profile_id(p), "test-2026");
    CHECK(zn_profile_count(p, ZN_LIST_INDUSTRIES) == 1 && zn_profile_count(p, ZN_LIST_REGIONS) == 1);
    CHECK_STR(zn_profile_region_folder(p, 0), "东盟国家");
    CHECK(zn_profile_trl_range(&lowest, &highest, p) == ZN_OK && lowest == 1 && highest == 2);
    CHECK(zn_profile_limits(&key_tech_max, &overview_max, p) == ZN_OK && key_tech_max == 3 && overview_max == 500);

    CHECK(zn_suggestion_from_json(&s, NULL, p, with_label, strlen(with_label)) == ZN_OK);
    CHECK_STR(zn_suggestion_industry(s, 0), "quantum");
    /* The suggestion keeps its profile after the caller frees it. */
    zn_profile_free(p);
    p = NULL;
    CHECK(zn_suggestion_set_industry(s, "量子科技") == ZN_OK);
    CHECK_STR(zn_suggestion_industry(s, 0), "quantum");
    CHECK(zn_suggestion_set_industry(s, "新能源") == ZN_OK); /* a 2025 label, not this year's */
    CHECK_STR(zn_suggestion_industry(s, 0), "新能源");
    CHECK(zn_suggestion_set_region(s, "东盟国家") == ZN_OK);
    CHECK_STR(zn_suggestion_region(s, 0), "asean");
    zn_suggestion_free(s);
    s = NULL;
    free(text);
  }

  /* Bad profiles: refused with what is wrong and where. */
  CHECK(zn_profile_from_json(&p, &d, incomplete, strlen(incomplete)) == ZN_EPARSE);
  CHECK(p == NULL && d != NULL && find_id(d, "profile.invalid") >= 0);
  CHECK_STR(zn_error_last_id(), "profile.invalid");
  zn_diagnostics_free(d);
  d = NULL;
  CHECK(zn_profile_from_json(&p, &d, "{\"format\": ", 11) == ZN_EPARSE);
  CHECK(p == NULL && find_id(d, "format.json_invalid") >= 0);
  zn_diagnostics_free(d);
  d = NULL;
  CHECK(zn_profile_from_json(&p, NULL, "[]", 2) == ZN_EPARSE && p == NULL);

  /* Files. */
  CHECK(zn_profile_from_file(&p, &d, "/nonexistent/zhinan/配置.json") == ZN_EIO);
  CHECK(p == NULL && d != NULL && find_id(d, "io.read_failed") >= 0);
  CHECK_HAS(zn_error_last(), "配置.json");
  zn_diagnostics_free(d);
  d = NULL;
  CHECK(zn_suggestion_from_file(&s, &d, NULL, "/nonexistent/建议.json") == ZN_EIO);
  CHECK(s == NULL && find_id(d, "io.read_failed") >= 0);
  zn_diagnostics_free(d);
  d = NULL;
  CHECK(zn_suggestion_from_file(&s, NULL, NULL, "\xFF.json") == ZN_EINVAL);
  CHECK(zn_profile_from_file(&p, NULL, "bad\xC3") == ZN_EINVAL);
  if (profile_path != NULL) {
    CHECK(zn_profile_from_file(&p, &d, profile_path) == ZN_OK);
    CHECK_STR(zn_profile_id(p), "shandong-2025");
    CHECK_STR(zn_profile_trl_name(p, 13), "回报级");
    zn_profile_free(p);
    zn_diagnostics_free(d);
  }
}

/* Every entry point refuses NULL where it needs a pointer, and says so. */
static void test_null_arguments(void) {
  zn_suggestion *s = NULL, *out = NULL;
  zn_profile *p = NULL, *none = NULL;
  zn_diagnostics *d = (zn_diagnostics *)&d; /* must be reset to NULL */
  char *text = (char *)&text;
  size_t len = 7, index = 7;
  int a = 7, b = 7;
  static const char *const one[] = {"chokepoint"};

  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_profile_builtin(&p) == ZN_OK);

  zn_error_clear();
  CHECK(zn_suggestion_from_json(NULL, &d, NULL, "{}", 2) == ZN_EINVAL && d == NULL);
  CHECK_HAS(zn_error_last(), "NULL");
  CHECK_HAS(zn_error_last(), "zn_suggestion_from_json");
  CHECK_STR(zn_error_last_id(), "");
  CHECK(zn_suggestion_from_json(&out, NULL, NULL, NULL, 0) == ZN_EINVAL && out == NULL);
  CHECK(zn_suggestion_from_file(NULL, NULL, NULL, "x.json") == ZN_EINVAL);
  CHECK(zn_suggestion_from_file(&out, NULL, p, NULL) == ZN_EINVAL && out == NULL);
  CHECK(zn_suggestion_new(NULL) == ZN_EINVAL);
  CHECK(zn_suggestion_to_json(NULL, &len, s) == ZN_EINVAL && len == 0);
  CHECK(zn_suggestion_to_json(&text, NULL, NULL) == ZN_EINVAL && text == NULL);
  CHECK(zn_suggestion_clone(NULL, s) == ZN_EINVAL);
  CHECK(zn_suggestion_clone(&out, NULL) == ZN_EINVAL && out == NULL);
  zn_suggestion_free(NULL);
  CHECK(zn_suggestion_get(NULL, ZN_FIELD_TITLE) == NULL);
  CHECK(zn_suggestion_set(NULL, ZN_FIELD_TITLE, "x") == ZN_EINVAL);
  CHECK(zn_suggestion_industry_count(NULL) == 0 && zn_suggestion_industry(NULL, 0) == NULL);
  CHECK(zn_suggestion_set_industry(NULL, "x") == ZN_EINVAL && zn_suggestion_add_industry(NULL, "x") == ZN_EINVAL);
  CHECK(zn_suggestion_region_count(NULL) == 0 && zn_suggestion_region(NULL, 0) == NULL);
  CHECK(zn_suggestion_set_region(NULL, "x") == ZN_EINVAL && zn_suggestion_add_region(NULL, "x") == ZN_EINVAL);
  CHECK(zn_suggestion_type_flags(NULL) == -1 && zn_suggestion_set_type_flags(NULL, 1) == ZN_EINVAL);
  CHECK(zn_suggestion_subtype_count(NULL) == 0 && zn_suggestion_subtype(NULL, 0) == NULL);
  CHECK(zn_suggestion_set_subtypes(NULL, one, 1) == ZN_EINVAL);
  CHECK(zn_suggestion_key_tech_count(NULL) == 0);
  CHECK(zn_suggestion_key_tech_name(NULL, 0) == NULL && zn_suggestion_key_tech_description(NULL, 0) == NULL);
  CHECK(zn_suggestion_key_tech_levels(&a, &b, NULL, 0) == ZN_EINVAL && a == 0 && b == 0);
  CHECK(zn_suggestion_add_key_tech(&index, NULL, "x", "y", 1, 2) == ZN_EINVAL && index == 0);
  CHECK(zn_suggestion_set_key_tech(NULL, 0, "x", "y", 1, 2) == ZN_EINVAL);
  CHECK(zn_suggestion_remove_key_tech(NULL, 0) == ZN_EINVAL);

  CHECK(zn_profile_builtin(NULL) == ZN_EINVAL);
  d = (zn_diagnostics *)&d;
  CHECK(zn_profile_from_json(NULL, &d, "{}", 2) == ZN_EINVAL && d == NULL);
  none = (zn_profile *)&none;
  CHECK(zn_profile_from_json(&none, NULL, NULL, 0) == ZN_EINVAL && none == NULL);
  CHECK(zn_profile_from_file(NULL, NULL, "x") == ZN_EINVAL);
  none = (zn_profile *)&none;
  CHECK(zn_profile_from_file(&none, NULL, NULL) == ZN_EINVAL && none == NULL);
  zn_profile_free(NULL);
  CHECK(zn_profile_id(NULL) == NULL && zn_profile_name(NULL) == NULL);
  CHECK(zn_profile_count(NULL, ZN_LIST_REGIONS) == 0);
  CHECK(zn_profile_code(NULL, ZN_LIST_REGIONS, 0) == NULL && zn_profile_label(NULL, ZN_LIST_REGIONS, 0) == NULL);
  CHECK(zn_profile_region_folder(NULL, 0) == NULL);
  a = b = 7;
  CHECK(zn_profile_trl_range(&a, &b, NULL) == ZN_EINVAL && a == 0 && b == 0);
  CHECK(zn_profile_trl_name(NULL, 1) == NULL && zn_profile_trl_criterion(NULL, 1) == NULL);
  CHECK(zn_profile_limits(&a, &b, NULL) == ZN_EINVAL);
  /* Out-parameters that may be NULL may be NULL together, and each alone. */
  CHECK(zn_profile_trl_range(NULL, NULL, p) == ZN_OK);
  a = b = 7;
  CHECK(zn_profile_trl_range(&a, NULL, p) == ZN_OK && a == 1);
  CHECK(zn_profile_trl_range(NULL, &b, p) == ZN_OK && b == 13);
  CHECK(zn_profile_trl_range(NULL, NULL, NULL) == ZN_EINVAL);
  CHECK(zn_profile_limits(NULL, NULL, p) == ZN_OK);
  a = b = 7;
  CHECK(zn_profile_limits(&a, NULL, p) == ZN_OK && a == 5);
  CHECK(zn_profile_limits(NULL, &b, p) == ZN_OK && b == 1000);
  CHECK(zn_profile_limits(NULL, NULL, NULL) == ZN_EINVAL);
  CHECK(zn_version(NULL, NULL, NULL) == ZN_VERSION_NUMBER);
  CHECK(zn_suggestion_add_key_tech(NULL, s, "k", NULL, 1, 2) == ZN_OK); /* index may be NULL */
  CHECK(zn_suggestion_key_tech_levels(NULL, NULL, s, 0) == ZN_OK);
  CHECK(zn_suggestion_remove_key_tech(s, 0) == ZN_OK);

  /* Across suggestions: every handle and out-parameter the header does not let be NULL. */
  {
    zn_batch *batch = (zn_batch *)&batch;
    zn_registry *r = (zn_registry *)&r;
    zn_audit *audit = (zn_audit *)&audit;
    CHECK(zn_validate(NULL, s, NULL, ZN_MODE_SUBMIT) == ZN_EINVAL);
    d = (zn_diagnostics *)&d;
    CHECK(zn_validate(&d, NULL, NULL, ZN_MODE_SUBMIT) == ZN_EINVAL && d == NULL);
    CHECK(zn_batch_new(NULL, NULL) == ZN_EINVAL);
    CHECK(zn_batch_add(NULL, NULL, NULL) == ZN_EINVAL);
    CHECK(zn_batch_count(NULL) == 0 && zn_batch_set_registry(NULL, NULL) == ZN_EINVAL);
    d = (zn_diagnostics *)&d;
    CHECK(zn_batch_check(&d, NULL) == ZN_EINVAL && d == NULL);
    CHECK(zn_package_write(NULL, NULL, NULL, NULL) == ZN_EINVAL);
    CHECK(zn_registry_from_jsonl_file(NULL, NULL, NULL, "x.jsonl") == ZN_EINVAL);
    d = (zn_diagnostics *)&d;
    CHECK(zn_registry_from_jsonl_file(&r, &d, NULL, NULL) == ZN_EINVAL && r == NULL && d == NULL);
    CHECK(zn_registry_save(NULL, "x.idx") == ZN_EINVAL);
    r = (zn_registry *)&r;
    CHECK(zn_registry_load(&r, NULL) == ZN_EINVAL && r == NULL);
    CHECK(zn_registry_load(NULL, "x.idx") == ZN_EINVAL);
    CHECK(zn_registry_count(NULL) == 0);
    zn_registry_free(NULL);
    CHECK(zn_batch_new(&batch, NULL) == ZN_OK);
    CHECK(zn_batch_add(batch, NULL, "x") == ZN_EINVAL && zn_batch_count(batch) == 0);
    zn_batch_free(batch);
    zn_batch_free(NULL);
    CHECK(zn_audit_new(&audit, NULL) == ZN_OK);
    CHECK(zn_audit_write_xlsx(NULL, NULL) == ZN_EINVAL);
    zn_audit_free(audit);
    zn_audit_free(NULL);
  }
  /* Text: text may be NULL only when len is 0. */
  CHECK(zn_fold(&text, &len, NULL, 0) == ZN_OK && len == 0 && text != NULL && text[0] == '\0');
  zn_string_free(text);
  text = (char *)&text;
  CHECK(zn_fold(&text, &len, NULL, 1) == ZN_EINVAL && text == NULL && len == 0);
  CHECK(zn_name_sanitize(NULL, NULL, NULL, "x") == ZN_EINVAL);
  CHECK(zn_rule_id((size_t)-1) == NULL && zn_rule_field((size_t)-1) == NULL && zn_rule_severity((size_t)-1) == -1);
  CHECK(zn_diagnostics_param_count(NULL, 0) == 0 && zn_diagnostics_param_name(NULL, 0, 0) == NULL);
  CHECK(zn_diagnostics_param_value(NULL, 0, 0) == NULL);
  CHECK(zn_diagnostics_file(NULL, 0) == NULL && zn_diagnostics_package(NULL, 0) == NULL);
  CHECK(zn_diagnostics_entry(NULL, 0) == NULL);
  CHECK(zn_diagnostics_count_severity(NULL, ZN_SEVERITY_WARNING) == 0);

  CHECK(zn_diagnostics_count(NULL) == 0 && zn_diagnostics_count_severity(NULL, 0) == 0);
  CHECK(zn_diagnostics_id(NULL, 0) == NULL && zn_diagnostics_severity(NULL, 0) == -1);
  CHECK(zn_diagnostics_path(NULL, 0) == NULL);
  CHECK(zn_diagnostics_message_zh(NULL, 0) == NULL && zn_diagnostics_message_en(NULL, 0) == NULL);
  CHECK(zn_diagnostics_location(NULL, NULL, NULL, 0) == ZN_EINVAL);
  text = (char *)&text;
  CHECK(zn_diagnostics_to_json(&text, &len, NULL) == ZN_EINVAL && text == NULL);
  CHECK(zn_diagnostics_to_json(NULL, NULL, NULL) == ZN_EINVAL);
  zn_diagnostics_free(NULL);
  zn_string_free(NULL);
  CHECK_HAS(zn_error_last(), "argument");

  zn_profile_free(p);
  zn_suggestion_free(s);
}

static void test_empty_diagnostics(void) {
  zn_suggestion *s = NULL;
  zn_diagnostics *d = NULL;
  char *json = NULL;
  size_t len = 99;
  CHECK(parse(&s, &d, "{\"format\": \"zhinan.suggestion/1\"}") == ZN_OK);
  CHECK(zn_diagnostics_count(d) == 0);
  CHECK(zn_diagnostics_id(d, 0) == NULL && zn_diagnostics_severity(d, 0) == -1);
  CHECK(zn_diagnostics_location(NULL, NULL, d, 0) == ZN_EINVAL);
  CHECK_HAS(zn_error_last(), "out of range");
  CHECK(zn_diagnostics_to_json(&json, &len, d) == ZN_OK && len == 2);
  CHECK_STR(json, "[]");
  zn_string_free(json);
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s SAMPLE.json [PROFILE.json]\n", argv[0]);
    return 2;
  }
  test_version();
  test_builtin_profile();
  test_sample(argv[1]);
  test_fields();
  test_choices();
  test_types();
  test_key_technologies();
  test_parse_errors();
  test_profiles(argc > 2 ? argv[2] : NULL);
  test_null_arguments();
  test_empty_diagnostics();
  return check_summary();
}
