/* test_validate.c — validation through the C ABI, as a department's office system in C
 * checks the suggestions it collected. Usage: test_validate DATA_DIR (examples/data). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static int same(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }

static long find(const zn_diagnostics *d, const char *id, const char *path) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (same(zn_diagnostics_id(d, i), id) && (path == NULL || same(zn_diagnostics_path(d, i), path))) return (long)i;
  return -1;
}

static const char *param(const zn_diagnostics *d, size_t i, const char *name) {
  size_t k;
  for (k = 0; k < zn_diagnostics_param_count(d, i); ++k)
    if (same(zn_diagnostics_param_name(d, i, k), name)) return zn_diagnostics_param_value(d, i, k);
  return NULL;
}

static zn_suggestion *load(const char *dir, const char *name) {
  char path[1024];
  zn_suggestion *s = NULL;
  sprintf(path, "%.900s/%.100s", dir, name);
  CHECK(zn_suggestion_from_file(&s, NULL, NULL, path) == ZN_OK && s != NULL);
  return s;
}

static void test_valid_sample(const char *dir) {
  zn_suggestion *s = load(dir, "valid-sco.json");
  zn_diagnostics *d = NULL;
  CHECK(zn_validate(&d, s, NULL, ZN_MODE_SUBMIT) == ZN_OK && d != NULL);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
}

/* The faulty sample: exactly the mistakes it was written with, each with its place. */
static void test_faulty_sample(const char *dir) {
  zn_suggestion *s = load(dir, "faulty-many-mistakes.json");
  zn_diagnostics *d = NULL;
  long i;
  char *json = NULL;
  size_t len = 0;
  CHECK(zn_validate(&d, s, NULL, ZN_MODE_SUBMIT) == ZN_OK);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 12);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_WARNING) == 1);
  CHECK(find(d, "industry.multiple", "/industry") >= 0);
  CHECK(find(d, "key_tech.trl_out_of_range", "/key_technologies/2/trl_expected") >= 0);
  CHECK(find(d, "funding.provincial_exceeds_total", "/funding/provincial") >= 0);
  CHECK(find(d, "source.phone_invalid", "/source/phone") >= 0);
  i = find(d, "overview.too_long", "/overview");
  CHECK(i >= 0);
  if (i >= 0) {
    CHECK(same(param(d, (size_t)i, "limit"), "1000"));
    CHECK(strstr(zn_diagnostics_message_zh(d, (size_t)i), "项目概述超过1000字") != NULL);
    CHECK(zn_diagnostics_severity(d, (size_t)i) == ZN_SEVERITY_ERROR);
    CHECK(zn_diagnostics_param_name(d, (size_t)i, 99) == NULL);
  }
  i = find(d, "report.deliverable_unverifiable", NULL);
  CHECK(i >= 0 && zn_diagnostics_severity(d, (size_t)i) == ZN_SEVERITY_WARNING);
  CHECK(zn_diagnostics_to_json(&json, &len, d) == ZN_OK);
  CHECK(json != NULL && strstr(json, "\"key_tech.too_many\"") != NULL && strstr(json, "\"limit\":\"5\"") != NULL);
  zn_string_free(json);
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
}

/* An empty form: in draft mode what is missing only warns; in submit mode it is an error. */
static void test_modes(void) {
  zn_suggestion *s = NULL;
  zn_diagnostics *draft = NULL, *submit = NULL;
  long i;
  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_validate(&submit, s, NULL, ZN_MODE_SUBMIT) == ZN_OK);
  CHECK(zn_validate(&draft, s, NULL, ZN_MODE_DRAFT) == ZN_OK);
  i = find(submit, "title.missing", "/title");
  CHECK(i >= 0 && zn_diagnostics_severity(submit, (size_t)i) == ZN_SEVERITY_ERROR);
  i = find(draft, "title.missing", "/title");
  CHECK(i >= 0 && zn_diagnostics_severity(draft, (size_t)i) == ZN_SEVERITY_WARNING);
  CHECK(zn_diagnostics_count(draft) == zn_diagnostics_count(submit));
  CHECK(find(draft, "type.none", "/project_type") >= 0);
  i = find(draft, "type.none", NULL);
  CHECK(i >= 0 && zn_diagnostics_severity(draft, (size_t)i) == ZN_SEVERITY_ERROR);
  /* Fixing a field through the setters clears its finding. */
  zn_diagnostics_free(submit);
  CHECK(zn_suggestion_set(s, ZN_FIELD_TITLE, "氢能") == ZN_OK);
  CHECK(zn_validate(&submit, s, NULL, ZN_MODE_SUBMIT) == ZN_OK);
  CHECK(find(submit, "title.missing", NULL) < 0);
  zn_diagnostics_free(draft);
  zn_diagnostics_free(submit);
  zn_suggestion_free(s);
}

static void test_registry_and_errors(void) {
  size_t i, n = zn_rule_count();
  int seen = 0;
  zn_diagnostics *d = NULL;
  zn_suggestion *s = NULL;
  CHECK(n > 50);
  for (i = 0; i < n; ++i) {
    if (same(zn_rule_id(i), "key_tech.trl_flat")) {
      seen = 1;
      CHECK(zn_rule_severity(i) == ZN_SEVERITY_WARNING);
      CHECK(same(zn_rule_field(i), "技术成熟度等级"));
    }
    if (same(zn_rule_id(i), "overview.too_long")) {  /* the templates a finding fills in */
      CHECK(zn_rule_message_zh(i) != NULL && strstr(zn_rule_message_zh(i), "{limit}") != NULL);
      CHECK(zn_rule_message_en(i) != NULL && strstr(zn_rule_message_en(i), "{limit}") != NULL);
    }
    CHECK(zn_rule_message_zh(i) != NULL && zn_rule_message_zh(i)[0] != '\0');
    CHECK(zn_rule_message_en(i) != NULL && zn_rule_message_en(i)[0] != '\0');
  }
  CHECK(seen);
  CHECK(zn_rule_id(n) == NULL && zn_rule_severity(n) == -1 && zn_rule_field(n) == NULL);
  CHECK(zn_rule_message_zh(n) == NULL && zn_rule_message_en(n) == NULL);
  CHECK(zn_validate(NULL, NULL, NULL, ZN_MODE_SUBMIT) == ZN_EINVAL);
  CHECK(zn_validate(&d, NULL, NULL, ZN_MODE_SUBMIT) == ZN_EINVAL && d == NULL);
  CHECK(zn_suggestion_new(&s) == ZN_OK);
  CHECK(zn_validate(&d, s, NULL, 7) == ZN_EINVAL && d == NULL);
  CHECK(strstr(zn_error_last(), "mode") != NULL);
  CHECK(zn_diagnostics_param_count(NULL, 0) == 0);
  CHECK(zn_diagnostics_param_value(NULL, 0, 0) == NULL);
  zn_suggestion_free(s);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_validate DATA_DIR\n");
    return 2;
  }
  test_valid_sample(argv[1]);
  test_faulty_sample(argv[1]);
  test_modes();
  test_registry_and_errors();
  return check_summary();
}
