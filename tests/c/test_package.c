/* test_package.c — the batch rules, the funded registry and the package through the C
 * ABI, from C89. Usage: test_package DATA_DIR SCRATCH_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *data_dir;
static const char *scratch;

static const char *path_in(const char *dir, const char *name) {
  static char path[4][1024];
  static int turn = 0;
  turn = (turn + 1) % 4;
  sprintf(path[turn], "%.900s/%.100s", dir, name);
  return path[turn];
}

static zn_suggestion *load(const char *name) {
  zn_suggestion *s = NULL;
  CHECK(zn_suggestion_from_file(&s, NULL, NULL, path_in(data_dir, name)) == ZN_OK);
  return s;
}

static long find(const zn_diagnostics *d, const char *id) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (strcmp(zn_diagnostics_id(d, i), id) == 0) return (long)i;
  return -1;
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

static void test_batch(void) {
  zn_batch *b = NULL;
  zn_suggestion *s = load("valid-sco.json");
  zn_diagnostics *d = NULL;
  long i;
  CHECK(zn_batch_new(&b, NULL) == ZN_OK);
  CHECK(zn_batch_add(b, s, "a.json") == ZN_OK);
  CHECK(zn_batch_add(b, s, "b.json") == ZN_OK); /* the same suggestion twice */
  CHECK(zn_batch_count(b) == 2);
  CHECK(zn_batch_check(&d, b) == ZN_OK);
  i = find(d, "batch.duplicate");
  CHECK(i >= 0 && strcmp(zn_diagnostics_file(d, (size_t)i), "b.json") == 0);
  CHECK(find(d, "batch.proposer_multiple") >= 0);
  zn_diagnostics_free(d);
  CHECK(zn_batch_add(NULL, s, "x") == ZN_EINVAL);
  CHECK(zn_batch_add(b, s, NULL) == ZN_EINVAL);
  CHECK(zn_batch_check(NULL, b) == ZN_EINVAL);
  zn_batch_free(b);
  zn_suggestion_free(s);
}

static void test_registry(void) {
  const char *jsonl = path_in(scratch, "funded.jsonl");
  const char *saved = path_in(scratch, "funded.idx");
  FILE *f = fopen(jsonl, "wb");
  zn_registry *r = NULL, *again = NULL, *not_an_index = NULL;
  zn_diagnostics *d = NULL;
  zn_batch *b = NULL;
  zn_suggestion *s = load("valid-hk-macao-taiwan.json");
  CHECK(f != NULL);
  if (f == NULL) return;
  /* A funded project with this suggestion's title and overview, and a broken line. */
  fprintf(f, "{\"id\": \"2023-001\", \"year\": 2023, \"title\": \"%s\", \"abstract\": \"%s\", \"unit\": \"X\"}\n",
          zn_suggestion_get(s, ZN_FIELD_TITLE), zn_suggestion_get(s, ZN_FIELD_OVERVIEW));
  fprintf(f, "not json\n");
  fclose(f);
  CHECK(zn_registry_from_jsonl_file(&r, &d, NULL, jsonl) == ZN_OK && r != NULL);
  CHECK(zn_registry_count(r) == 1);
  CHECK(find(d, "registry.line_invalid") >= 0);
  zn_diagnostics_free(d);
  CHECK(zn_registry_save(r, saved) == ZN_OK);
  CHECK(zn_registry_save(r, "/nonexistent-zhinan-dir/funded.idx") == ZN_EIO);
  CHECK(strstr(zn_error_last(), "\n") != NULL); /* Chinese, then English */
  CHECK(zn_registry_save(r, NULL) == ZN_EINVAL);
  CHECK(zn_registry_load(&again, saved) == ZN_OK && zn_registry_count(again) == 1);
  CHECK(zn_registry_load(&not_an_index, jsonl) == ZN_EPARSE && not_an_index == NULL);
  CHECK(zn_batch_new(&b, NULL) == ZN_OK);
  CHECK(zn_batch_add(b, s, "hk.json") == ZN_OK);
  CHECK(zn_batch_set_registry(b, again) == ZN_OK);
  zn_registry_free(again); /* the batch keeps its own reference */
  zn_registry_free(r);
  CHECK(zn_batch_check(&d, b) == ZN_OK);
  CHECK(find(d, "history.similar_funded") >= 0);
  zn_diagnostics_free(d);
  zn_batch_free(b);
  zn_suggestion_free(s);
  CHECK(zn_registry_load(&r, path_in(scratch, "missing.idx")) != ZN_OK && r == NULL);
}

static int calls = 0;
static int count_progress(void *user, size_t done, size_t total) {
  (void)user;
  ++calls;
  return done > total; /* never cancels */
}
static int cancel_at_once(void *user, size_t done, size_t total) {
  (void)user;
  (void)done;
  (void)total;
  return 1;
}

static void test_package(void) {
  static const char *valid[] = {"valid-sco.json", "valid-multilateral.json", "valid-belt-and-road.json",
                                "valid-hk-macao-taiwan.json", "valid-innovation-leaders.json"};
  zn_package_options options = ZN_PACKAGE_OPTIONS_INIT;
  zn_batch *b = NULL;
  zn_diagnostics *d = NULL;
  size_t i;
  CHECK(zn_batch_new(&b, NULL) == ZN_OK);
  for (i = 0; i < sizeof valid / sizeof valid[0]; ++i) {
    zn_suggestion *s = load(valid[i]);
    CHECK(zn_batch_add(b, s, path_in(data_dir, valid[i])) == ZN_OK);
    zn_suggestion_free(s);
  }
  options.department = "青岛市科学技术局";
  options.progress = count_progress;
  CHECK(zn_package_write(&d, b, path_in(scratch, "package.zip"), &options) == ZN_OK);
  CHECK(calls > 0);
  CHECK(file_exists(path_in(scratch, "package.zip")));
  CHECK(file_exists(path_in(scratch, "package-汇总表.xlsx")));
  CHECK(file_exists(path_in(scratch, "package-汇总表.csv")));
  zn_diagnostics_free(d);

  options.progress = cancel_at_once;
  CHECK(zn_package_write(NULL, b, path_in(scratch, "cancelled.zip"), &options) == ZN_ECANCELED);
  CHECK(!file_exists(path_in(scratch, "cancelled.zip")));
  CHECK(zn_package_write(NULL, b, path_in(scratch, "defaults.zip"), NULL) == ZN_OK);

  { /* A faulty suggestion: refused, with the reasons. */
    zn_suggestion *faulty = load("faulty-many-mistakes.json");
    CHECK(zn_batch_add(b, faulty, "faulty.json") == ZN_OK);
    zn_suggestion_free(faulty);
  }
  CHECK(zn_package_write(&d, b, path_in(scratch, "refused.zip"), NULL) == ZN_EREFUSED);
  CHECK(find(d, "package.refused") >= 0 && find(d, "overview.too_long") >= 0);
  CHECK(!file_exists(path_in(scratch, "refused.zip")));
  CHECK(strstr(zn_error_last(), "package") != NULL || strstr(zn_error_last(), "\xE6\x89\x93\xE5\x8C\x85") != NULL);
  zn_diagnostics_free(d);

  options.version = 0;
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  CHECK(zn_package_write(NULL, NULL, "x.zip", NULL) == ZN_EINVAL);
  CHECK(zn_package_write(NULL, b, NULL, NULL) == ZN_EINVAL);
  zn_batch_free(b);
}

/* zn_package_options as version 1 declared it, for a caller built against that header. */
typedef struct package_options_v1 {
  int version, numbering, all_regions, gbk_names;
  const char *department, *contact, *phone, *date;
  int threads;
  zn_progress_fn progress;
  void *progress_user;
  int year, month, day, hour, minute, second;
} package_options_v1;

/* A suggestion whose 电子版 lies outside the folder of its file: refused unless the options
 * name a folder it may lie in (document_roots, version 2); a version-1 struct still works. */
static void test_document_roots(void) {
  /* The file is named in the scratch folder; its document is a file of the data folder. */
  char document[1100];
  const char *roots[1];
  const char *bad_roots[2];
  zn_package_options options = ZN_PACKAGE_OPTIONS_INIT;
  struct {
    package_options_v1 v1;
    unsigned char after[64]; /* what a version-1 caller has after its struct: anything */
  } old;
  zn_suggestion *s = load("valid-sco.json");
  zn_batch *b = NULL, *plain = NULL;
  zn_diagnostics *d = NULL;
  long i;
  sprintf(document, "%.1000s/faulty-many-mistakes.expected.txt", data_dir);
  CHECK(zn_suggestion_set(s, ZN_FIELD_DOCUMENT, document) == ZN_OK);
  CHECK(zn_batch_new(&b, NULL) == ZN_OK);
  CHECK(zn_batch_add(b, s, path_in(scratch, "unit.json")) == ZN_OK);

  CHECK(options.version == 2 && ZN_PACKAGE_OPTIONS_VERSION == 2);
  CHECK(options.document_roots == NULL && options.document_root_count == 0);
  CHECK(zn_package_write(&d, b, path_in(scratch, "outside.zip"), &options) == ZN_EREFUSED);
  i = find(d, "package.document_outside");
  CHECK(i >= 0 && zn_diagnostics_severity(d, (size_t)i) == ZN_SEVERITY_ERROR);
  CHECK(i >= 0 && strcmp(zn_diagnostics_path(d, (size_t)i), "/document") == 0);
  CHECK(strcmp(zn_error_last_id(), "package.refused") == 0);
  CHECK(!file_exists(path_in(scratch, "outside.zip")));
  zn_diagnostics_free(d);

  roots[0] = data_dir;
  options.document_roots = roots;
  options.document_root_count = 1;
  CHECK(zn_package_write(&d, b, path_in(scratch, "allowed.zip"), &options) == ZN_OK);
  CHECK(find(d, "package.document_outside") < 0);
  CHECK(file_exists(path_in(scratch, "allowed.zip")));
  zn_diagnostics_free(d);

  /* Roots that are no paths are refused before anything is written. */
  options.document_roots = NULL;
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  CHECK(strstr(zn_error_last(), "document_roots") != NULL);
  bad_roots[0] = data_dir;
  bad_roots[1] = NULL;
  options.document_roots = bad_roots;
  options.document_root_count = 2;
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  CHECK(strstr(zn_error_last(), "document_roots[1]") != NULL);
  bad_roots[1] = "";
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  bad_roots[1] = "\xFF";
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  options.document_root_count = 1;
  options.version = 3; /* a version this library does not know */
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  CHECK(strstr(zn_error_last(), "version") != NULL);
  options.version = -1;
  CHECK(zn_package_write(NULL, b, path_in(scratch, "x.zip"), &options) == ZN_EINVAL);
  CHECK(!file_exists(path_in(scratch, "x.zip")));

  /* Version 1: read up to `second` and no further (what follows is garbage); no roots. */
  memset(&old, 0xFF, sizeof old);
  memset(&old.v1, 0, sizeof old.v1);
  old.v1.version = 1;
  old.v1.department = "\xE9\x9D\x92\xE5\xB2\x9B"; /* 青岛 */
  CHECK(sizeof old.v1 <= sizeof options);
  CHECK(zn_package_write(&d, b, path_in(scratch, "v1.zip"), (const zn_package_options *)(const void *)&old.v1) ==
        ZN_EREFUSED);
  CHECK(find(d, "package.document_outside") >= 0);
  zn_diagnostics_free(d);
  CHECK(zn_batch_new(&plain, NULL) == ZN_OK);
  CHECK(zn_suggestion_set(s, ZN_FIELD_DOCUMENT, NULL) == ZN_OK);
  CHECK(zn_batch_add(plain, s, path_in(data_dir, "valid-sco.json")) == ZN_OK);
  CHECK(zn_package_write(&d, plain, path_in(scratch, "v1.zip"), (const zn_package_options *)(const void *)&old.v1) ==
        ZN_OK);
  CHECK(file_exists(path_in(scratch, "v1.zip")) && file_exists(path_in(scratch, "v1-\xE6\xB1\x87\xE6\x80\xBB\xE8\xA1\xA8.csv")));
  zn_diagnostics_free(d);

  zn_batch_free(plain);
  zn_batch_free(b);
  zn_suggestion_free(s);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_package DATA_DIR SCRATCH_DIR\n");
    return 2;
  }
  data_dir = argv[1];
  scratch = argv[2];
  test_batch();
  test_registry();
  test_package();
  test_document_roots();
  return check_summary();
}
