/* test_audit.c — the audit of received packages through the C ABI, from C89: a package
 * written with zn_package_write from the samples, then audited as two departments'
 * packages (once from its file, once from its bytes under another name).
 * Usage: test_audit SCRATCH_DIR SAMPLE.json… */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *scratch;

static const char *path_in(const char *dir, const char *name) {
  static char path[4][1024];
  static int turn = 0;
  turn = (turn + 1) % 4;
  sprintf(path[turn], "%.900s/%.100s", dir, name);
  return path[turn];
}

static long find(const zn_diagnostics *d, const char *id) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (strcmp(zn_diagnostics_id(d, i), id) == 0) return (long)i;
  return -1;
}

/* The first finding with this id about this package, or -1. */
static long find_in(const zn_diagnostics *d, const char *id, const char *package) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (strcmp(zn_diagnostics_id(d, i), id) == 0 && strcmp(zn_diagnostics_package(d, i), package) == 0)
      return (long)i;
  return -1;
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/* The whole file in memory (malloc'd; the caller frees it), or NULL. */
static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long size;
  *len = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = (char *)malloc((size_t)size);
    if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
      free(data);
      data = NULL;
    }
    if (data != NULL) *len = (size_t)size;
  }
  fclose(f);
  return data;
}

static int ends_with(const char *text, const char *tail) {
  size_t n = strlen(text), m = strlen(tail);
  return n >= m && strcmp(text + n - m, tail) == 0;
}

/* Whether some parameter of finding i names `package` and, in the same value, `entry`. */
static int names_other(const zn_diagnostics *d, size_t i, const char *package, const char *entry) {
  size_t k;
  for (k = 0; k < zn_diagnostics_param_count(d, i); ++k) {
    const char *value = zn_diagnostics_param_value(d, i, k);
    if (strstr(value, package) != NULL && strstr(value, entry) != NULL) return 1;
  }
  return 0;
}

static const char *const first_package = "dept-a.zip";     /* from its file */
static const char *const second_package = "部门乙.zip"; /* from its bytes */

/* The package of every sample given, written to SCRATCH/dept-a.zip with its 汇总表. */
static void write_package(char **samples, int count) {
  zn_package_options options = ZN_PACKAGE_OPTIONS_INIT;
  zn_batch *b = NULL;
  zn_diagnostics *d = NULL;
  int i;
  CHECK(zn_batch_new(&b, NULL) == ZN_OK);
  for (i = 0; i < count; ++i) {
    zn_suggestion *s = NULL;
    CHECK(zn_suggestion_from_file(&s, NULL, NULL, samples[i]) == ZN_OK);
    CHECK(zn_batch_add(b, s, samples[i]) == ZN_OK);
    zn_suggestion_free(s);
  }
  options.department = "青岛市科学技术局";
  CHECK(zn_package_write(&d, b, path_in(scratch, first_package), &options) == ZN_OK);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  zn_diagnostics_free(d);
  zn_batch_free(b);
  CHECK(file_exists(path_in(scratch, first_package)));
}

struct seen {
  int calls;
  size_t packages_done, packages_total, entries_done;
};

static int count_progress(void *user, size_t packages_done, size_t packages_total, size_t entries_done) {
  struct seen *seen = (struct seen *)user;
  ++seen->calls;
  seen->packages_done = packages_done;
  seen->packages_total = packages_total;
  seen->entries_done = entries_done;
  return 0; /* go on */
}

static int cancel_at_once(void *user, size_t packages_done, size_t packages_total, size_t entries_done) {
  (void)user;
  (void)packages_done;
  (void)packages_total;
  (void)entries_done;
  return 1;
}

static int ci_starts_with(const char *text, const char *head) {
  for (; *head != '\0'; ++text, ++head) {
    char a = *text, b = *head;
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    if (a != b) return 0;
  }
  return 1;
}

static void test_two_departments(void) {
  zn_audit *a = NULL;
  zn_diagnostics *d = NULL;
  zn_audit_options options = ZN_AUDIT_OPTIONS_INIT;
  struct seen seen = {0, 0, 0, 0};
  size_t len = 0, report_len = 0;
  char *bytes = read_all(path_in(scratch, first_package), &len);
  char *report = NULL;
  long i;
  CHECK(bytes != NULL && len > 0);
  if (bytes == NULL) return;
  CHECK(zn_audit_new(&a, NULL) == ZN_OK && a != NULL);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_TEXT) == ZN_EINVAL && report == NULL); /* before a run */
  CHECK(zn_audit_write_xlsx(a, path_in(scratch, "early.xlsx")) == ZN_EINVAL);
  CHECK(zn_audit_add_package_file(a, path_in(scratch, first_package)) == ZN_OK);
  CHECK(zn_audit_add_package_bytes(a, second_package, bytes, len) == ZN_OK);
  free(bytes); /* the audit keeps its own copy */

  options.progress = count_progress;
  options.progress_user = &seen;
  CHECK(zn_audit_run(&d, a, &options) == ZN_OK && d != NULL);
  CHECK(seen.calls >= 2 && seen.packages_total == 2 && seen.packages_done == 2 && seen.entries_done > 0);

  /* The same suggestions through two departments: each duplicate is about the later one. */
  i = find_in(d, "batch.duplicate", second_package);
  CHECK(i >= 0);
  CHECK(find_in(d, "batch.duplicate", first_package) < 0);
  if (i >= 0) {
    const char *entry = zn_diagnostics_entry(d, (size_t)i);
    CHECK(ends_with(entry, ".docx"));
    CHECK(strchr(entry, '/') != NULL); /* in its region folder */
    CHECK(names_other(d, (size_t)i, first_package, entry)); /* the same entry of the first package */
    CHECK(strcmp(zn_diagnostics_file(d, (size_t)i), "") == 0);
  }
  CHECK(zn_diagnostics_package(d, zn_diagnostics_count(d)) == NULL); /* out of range */
  CHECK(zn_diagnostics_entry(NULL, 0) == NULL);
  CHECK(zn_diagnostics_package(NULL, 0) == NULL);
  zn_diagnostics_free(d);

  CHECK(zn_audit_report(&report, &report_len, a, ZN_AUDIT_JSON) == ZN_OK && report != NULL);
  CHECK(report != NULL && strstr(report, "\"zhinan.audit/1\"") != NULL && strlen(report) == report_len);
  CHECK(report != NULL && strstr(report, "batch.duplicate") != NULL);
  zn_string_free(report);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_HTML) == ZN_OK && report != NULL);
  CHECK(report != NULL && ci_starts_with(report, "<!DOCTYPE html"));
  zn_string_free(report);
  CHECK(zn_audit_report(&report, &report_len, a, ZN_AUDIT_TEXT) == ZN_OK && report_len > 0);
  CHECK(report != NULL && strncmp(report, "审核结果：", strlen("审核结果：")) == 0 &&
        strstr(report, "audit: 2 packages") != NULL); /* Chinese first, then English */
  zn_string_free(report);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_TEXT_EN) == ZN_OK && report != NULL);
  CHECK(report != NULL && strncmp(report, "audit: 2 packages", 17) == 0 && strstr(report, "审核结果") == NULL &&
        strstr(report, "错误") == NULL && strstr(report, "[batch.duplicate]") != NULL); /* English alone */
  zn_string_free(report);
  CHECK(zn_audit_report(&report, NULL, a, 4) == ZN_EINVAL && report == NULL);
  CHECK(zn_audit_report(NULL, NULL, a, ZN_AUDIT_TEXT) == ZN_EINVAL);
  CHECK(zn_audit_report(&report, NULL, NULL, ZN_AUDIT_TEXT) == ZN_EINVAL);

  CHECK(zn_audit_write_xlsx(a, path_in(scratch, "清单.xlsx")) == ZN_OK);
  CHECK(file_exists(path_in(scratch, "清单.xlsx")));
  CHECK(zn_audit_write_xlsx(a, "/nonexistent-zhinan-dir/list.xlsx") == ZN_EIO);
  CHECK(strstr(zn_error_last(), "\n") != NULL); /* Chinese, then English */
  CHECK(zn_audit_write_xlsx(a, NULL) == ZN_EINVAL);
  CHECK(zn_audit_write_xlsx(NULL, "x.xlsx") == ZN_EINVAL);

  /* Without the findings (only the reports wanted), in draft mode. */
  options.mode = ZN_MODE_DRAFT;
  options.progress = NULL;
  CHECK(zn_audit_run(NULL, a, &options) == ZN_OK);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_JSON) == ZN_OK);
  zn_string_free(report);

  /* Cancelled: no findings, and no result for the reports. */
  options.progress = cancel_at_once;
  d = NULL;
  CHECK(zn_audit_run(&d, a, &options) == ZN_ECANCELED && d == NULL);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_TEXT) == ZN_EINVAL && report == NULL);

  /* Options checked. */
  options.progress = NULL;
  options.mode = 7;
  CHECK(zn_audit_run(&d, a, &options) == ZN_EINVAL && d == NULL);
  options.mode = ZN_MODE_SUBMIT;
  options.version = 0;
  CHECK(zn_audit_run(&d, a, &options) == ZN_EINVAL && d == NULL);
  options.version = ZN_AUDIT_OPTIONS_VERSION + 1; /* a newer caller's struct: refused, not half read */
  CHECK(zn_audit_run(&d, a, &options) == ZN_EINVAL && d == NULL);
  CHECK(strstr(zn_error_last(), "ZN_AUDIT_OPTIONS_VERSION") != NULL);
  options.version = ZN_AUDIT_OPTIONS_VERSION;
  CHECK(zn_audit_run(&d, NULL, NULL) == ZN_EINVAL && d == NULL);

  /* A change drops the result. */
  CHECK(zn_audit_run(NULL, a, NULL) == ZN_OK);
  CHECK(zn_audit_set_registry(a, NULL) == ZN_OK);
  CHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_TEXT) == ZN_EINVAL);
  zn_audit_free(a);
}

static void test_not_packages(void) {
  zn_audit *a = NULL;
  zn_diagnostics *d = NULL;
  long i;
  CHECK(zn_audit_new(&a, NULL) == ZN_OK);
  CHECK(zn_audit_add_package_bytes(a, "not-an-archive.zip", "hello, world", 12) == ZN_OK);
  CHECK(zn_audit_add_package_file(a, path_in(scratch, "missing.zip")) == ZN_OK); /* read only when run */
  CHECK(zn_audit_run(&d, a, NULL) == ZN_OK);
  i = find_in(d, "audit.unreadable", "not-an-archive.zip");
  CHECK(i >= 0 && strcmp(zn_diagnostics_entry(d, (size_t)i), "") == 0);
  CHECK(i >= 0 && zn_diagnostics_severity(d, (size_t)i) == ZN_SEVERITY_ERROR);
  CHECK(find_in(d, "audit.unreadable", "missing.zip") >= 0);
  CHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) >= 2);
  zn_diagnostics_free(d);
  zn_audit_free(a);
}

/* A funded project with the title and overview of one sample: history.similar_funded. */
static void test_registry(const char *sample) {
  const char *jsonl = path_in(scratch, "funded.jsonl");
  FILE *f = fopen(jsonl, "wb");
  zn_suggestion *s = NULL;
  zn_registry *r = NULL;
  zn_profile *p = NULL;
  zn_audit *a = NULL;
  zn_diagnostics *d = NULL;
  long i;
  CHECK(f != NULL);
  if (f == NULL) return;
  CHECK(zn_suggestion_from_file(&s, NULL, NULL, sample) == ZN_OK);
  fprintf(f, "{\"id\": \"2023-001\", \"year\": 2023, \"title\": \"%s\", \"abstract\": \"%s\", \"unit\": \"X\"}\n",
          zn_suggestion_get(s, ZN_FIELD_TITLE), zn_suggestion_get(s, ZN_FIELD_OVERVIEW));
  fclose(f);
  zn_suggestion_free(s);
  CHECK(zn_registry_from_jsonl_file(&r, NULL, NULL, jsonl) == ZN_OK && r != NULL);
  CHECK(zn_profile_builtin(&p) == ZN_OK);
  CHECK(zn_audit_new(&a, p) == ZN_OK);
  zn_profile_free(p); /* the audit keeps its own reference */
  CHECK(zn_audit_add_package_file(a, path_in(scratch, first_package)) == ZN_OK);
  CHECK(zn_audit_set_registry(a, r) == ZN_OK);
  zn_registry_free(r); /* so does it for the registry */
  CHECK(zn_audit_run(&d, a, NULL) == ZN_OK);
  i = find(d, "history.similar_funded");
  CHECK(i >= 0 && strcmp(zn_diagnostics_package(d, (size_t)i), first_package) == 0);
  CHECK(i >= 0 && ends_with(zn_diagnostics_entry(d, (size_t)i), ".docx"));
  zn_diagnostics_free(d);
  zn_audit_free(a);
}

static void test_null_arguments(void) {
  zn_audit *a = NULL;
  CHECK(zn_audit_new(NULL, NULL) == ZN_EINVAL);
  CHECK(zn_audit_add_package_file(NULL, "x.zip") == ZN_EINVAL);
  CHECK(zn_audit_add_package_bytes(NULL, "x.zip", "x", 1) == ZN_EINVAL);
  CHECK(zn_audit_set_registry(NULL, NULL) == ZN_EINVAL);
  CHECK(zn_audit_new(&a, NULL) == ZN_OK);
  CHECK(zn_audit_add_package_file(a, NULL) == ZN_EINVAL);
  CHECK(zn_audit_add_package_file(a, "") == ZN_EINVAL);
  CHECK(zn_audit_add_package_file(a, "\xff.zip") == ZN_EINVAL); /* not UTF-8 */
  CHECK(zn_audit_add_package_bytes(a, NULL, "x", 1) == ZN_EINVAL);
  CHECK(zn_audit_add_package_bytes(a, "", "x", 1) == ZN_EINVAL);
  CHECK(zn_audit_add_package_bytes(a, "x.zip", NULL, 0) == ZN_EINVAL);
  CHECK(strstr(zn_error_last(), "bytes") != NULL);
  zn_audit_free(a);
  zn_audit_free(NULL);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: test_audit SCRATCH_DIR SAMPLE.json...\n");
    return 2;
  }
  scratch = argv[1];
  write_package(argv + 2, argc - 2);
  test_two_departments();
  test_not_packages();
  {
    int k, hk = 2;
    for (k = 2; k < argc; ++k)
      if (strstr(argv[k], "valid-hk-macao-taiwan.json") != NULL) hk = k;
    test_registry(argv[hk]);
  }
  test_null_arguments();
  return check_summary();
}
