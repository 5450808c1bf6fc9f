/* test_import.c — a unit's Word form read back into a suggestion through the C ABI, from
 * C89, as a department's office system in C takes in what units filled in with Word or WPS.
 * Usage: test_import DATA_DIR SCRATCH_DIR FORM.docx... (DATA_DIR is examples/data, the
 * forms the .docx files of examples/data/forms, SCRATCH_DIR an empty folder for files
 * made here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define CHECK_STR(a, b) check(same((a), (b)), #a " == " #b, __FILE__, __LINE__)

static const char *data_dir;
static const char *scratch;

static int same(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }

/* The index of the first finding with this id, or -1. */
static long find_id(const zn_diagnostics *d, const char *id) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (same(zn_diagnostics_id(d, i), id)) return (long)i;
  return -1;
}

static const char *path_in(const char *dir, const char *name) {
  static char path[4][1024];
  static int turn = 0;
  turn = (turn + 1) % 4;
  sprintf(path[turn], "%.900s/%.100s", dir, name);
  return path[turn];
}

/* A whole file (the caller frees it); NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  *len = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (char *)malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
      *len = (size_t)size;
    } else {
      free(buf);
      buf = NULL;
    }
  }
  fclose(f);
  return buf;
}

static int spill(const char *path, const char *bytes, size_t len) {
  FILE *f = fopen(path, "wb");
  int ok;
  if (f == NULL) return 0;
  ok = fwrite(bytes, 1, len, f) == len;
  return fclose(f) == 0 && ok;
}

/* The canonical JSON of a suggestion (the caller frees it with zn_string_free). */
static char *json_of(const zn_suggestion *s) {
  char *json = NULL;
  CHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK && json != NULL);
  return json;
}

/* The samples of examples/data a committed form may be the Word form of. */
static const char *const typed_samples[] = {"valid-belt-and-road.json", "valid-hk-macao-taiwan.json",
                                            "valid-innovation-leaders.json", "valid-multilateral.json",
                                            "valid-other-industry.json", "valid-sco.json"};
static int twins_found = 0;

/* The sample with this title, or NULL (the caller frees it). */
static zn_suggestion *sample_titled(const char *title) {
  size_t i;
  for (i = 0; i < sizeof typed_samples / sizeof typed_samples[0]; ++i) {
    zn_suggestion *s = NULL;
    if (zn_suggestion_from_file(&s, NULL, NULL, path_in(data_dir, typed_samples[i])) == ZN_OK &&
        same(zn_suggestion_get(s, ZN_FIELD_TITLE), title))
      return s;
    zn_suggestion_free(s);
  }
  return NULL;
}

/* A form filled in from a sample gives back what the unit typed: every field the 信息表
 * has (the 主管部门 is not on it), the choices and the key technologies. */
static void check_as_typed(const zn_suggestion *form, const zn_suggestion *typed) {
  int field, current = 0, expected = 0, current2 = 0, expected2 = 0;
  size_t i;
  for (field = ZN_FIELD_TITLE; field <= ZN_FIELD_DOCUMENT; ++field)
    if (field != ZN_FIELD_DEPARTMENT) CHECK_STR(zn_suggestion_get(form, field), zn_suggestion_get(typed, field));
  CHECK(zn_suggestion_industry_count(form) == zn_suggestion_industry_count(typed));
  for (i = 0; i < zn_suggestion_industry_count(typed); ++i)
    CHECK_STR(zn_suggestion_industry(form, i), zn_suggestion_industry(typed, i));
  CHECK(zn_suggestion_region_count(form) == zn_suggestion_region_count(typed));
  for (i = 0; i < zn_suggestion_region_count(typed); ++i)
    CHECK_STR(zn_suggestion_region(form, i), zn_suggestion_region(typed, i));
  CHECK(zn_suggestion_type_flags(form) == zn_suggestion_type_flags(typed));
  CHECK(zn_suggestion_subtype_count(form) == zn_suggestion_subtype_count(typed));
  for (i = 0; i < zn_suggestion_subtype_count(typed); ++i)
    CHECK_STR(zn_suggestion_subtype(form, i), zn_suggestion_subtype(typed, i));
  CHECK(zn_suggestion_key_tech_count(form) == zn_suggestion_key_tech_count(typed));
  for (i = 0; i < zn_suggestion_key_tech_count(typed); ++i) {
    CHECK_STR(zn_suggestion_key_tech_name(form, i), zn_suggestion_key_tech_name(typed, i));
    CHECK_STR(zn_suggestion_key_tech_description(form, i), zn_suggestion_key_tech_description(typed, i));
    CHECK(zn_suggestion_key_tech_levels(&current, &expected, form, i) == ZN_OK);
    CHECK(zn_suggestion_key_tech_levels(&current2, &expected2, typed, i) == ZN_OK);
    CHECK(current == current2 && expected == expected2);
  }
}

/* One committed form: read from its file and from its bytes, the same suggestion both
 * ways, with a title and only import.* warnings. When it is the form of a sample (the
 * same title), what the unit typed comes back. */
static void test_form(const char *path) {
  zn_suggestion *from_file = NULL, *from_bytes = NULL, *sample = NULL;
  zn_diagnostics *d = NULL, *d2 = NULL;
  char *bytes, *first = NULL, *second = NULL;
  size_t len, i;

  printf("form %s\n", path);
  CHECK(zn_suggestion_from_docx_file(&from_file, &d, NULL, path) == ZN_OK);
  CHECK(from_file != NULL && d != NULL);
  if (from_file == NULL) {
    zn_diagnostics_free(d);
    return;
  }
  for (i = 0; i < zn_diagnostics_count(d); ++i) {
    const char *id = zn_diagnostics_id(d, i);
    CHECK(id != NULL && strncmp(id, "import.", 7) == 0);
    CHECK(zn_diagnostics_severity(d, i) != ZN_SEVERITY_ERROR);
    if (id != NULL) printf("  %s %s\n", id, zn_diagnostics_path(d, i));
  }
  CHECK(zn_suggestion_get(from_file, ZN_FIELD_TITLE) != NULL && zn_suggestion_get(from_file, ZN_FIELD_TITLE)[0]);
  first = json_of(from_file);

  bytes = slurp(path, &len);
  CHECK(bytes != NULL && len > 0);
  if (bytes != NULL) {
    CHECK(zn_suggestion_from_docx(&from_bytes, &d2, NULL, bytes, len) == ZN_OK && from_bytes != NULL);
    CHECK(d2 != NULL && zn_diagnostics_count(d2) == zn_diagnostics_count(d));
    if (from_bytes != NULL) {
      second = json_of(from_bytes);
      CHECK(first != NULL && second != NULL && strcmp(first, second) == 0);
    }
    free(bytes);
  }

  sample = sample_titled(zn_suggestion_get(from_file, ZN_FIELD_TITLE));
  if (sample != NULL) {
    ++twins_found;
    check_as_typed(from_file, sample);
  }

  zn_string_free(first);
  zn_string_free(second);
  zn_suggestion_free(sample);
  zn_suggestion_free(from_bytes);
  zn_suggestion_free(from_file);
  zn_diagnostics_free(d2);
  zn_diagnostics_free(d);
}

/* Under a profile given explicitly, freed before the suggestion (which keeps it alive);
 * without a diagnostics list (NULL is allowed). */
static void test_profile_and_no_diagnostics(const char *path) {
  zn_profile *p = NULL;
  zn_suggestion *s = NULL;
  CHECK(zn_profile_builtin(&p) == ZN_OK);
  CHECK(zn_suggestion_from_docx_file(&s, NULL, p, path) == ZN_OK && s != NULL);
  zn_profile_free(p);
  if (s != NULL) {
    char *json = json_of(s);
    zn_string_free(json);
  }
  zn_suggestion_free(s);
}

/* Bytes that are no Word form: ZN_EPARSE, no suggestion, the finding `id` handed back and
 * recorded as the thread's last error. */
static void expect_not_a_form(const char *bytes, size_t len, const char *id, int line) {
  zn_suggestion *s = (zn_suggestion *)&s; /* anything but NULL: it must be reset */
  zn_diagnostics *d = NULL;
  int status = zn_suggestion_from_docx(&s, &d, NULL, bytes, len);
  check(status == ZN_EPARSE, "status == ZN_EPARSE", __FILE__, line);
  check(s == NULL, "*out == NULL", __FILE__, line);
  check(d != NULL && find_id(d, id) >= 0, id, __FILE__, line);
  check(same(zn_error_last_id(), id), "zn_error_last_id() names it", __FILE__, line);
  check(zn_error_last()[0] != '\0' && strchr(zn_error_last(), '\n') != NULL, "zn_error_last() zh\\nen", __FILE__,
        line);
  zn_diagnostics_free(d);
}

static void test_not_a_form(void) {
  static const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  /* A ZIP with nothing in it: only the end of its central directory. */
  static const char empty_zip[22] = {'P', 'K', 5, 6};
  static const char text[] = "项目名称：盐碱地棉花育种\n";
  static const char empty[1] = {0};
  expect_not_a_form(pdf, sizeof pdf - 1, "import.not_docx", __LINE__);
  expect_not_a_form(empty_zip, sizeof empty_zip, "import.not_docx", __LINE__);
  expect_not_a_form(text, sizeof text - 1, "import.not_docx", __LINE__);
  expect_not_a_form(empty, 0, "import.not_docx", __LINE__); /* not NULL, but nothing */
}

static void test_arguments(const char *path) {
  zn_suggestion *s = (zn_suggestion *)&s;
  zn_diagnostics *d = (zn_diagnostics *)&d;
  static const char pdf[] = "%PDF-1.7";

  CHECK(zn_suggestion_from_docx(NULL, &d, NULL, pdf, sizeof pdf - 1) == ZN_EINVAL);
  CHECK(d == NULL);
  CHECK(strstr(zn_error_last(), "out") != NULL);
  CHECK(zn_suggestion_from_docx(&s, &d, NULL, NULL, 0) == ZN_EINVAL);
  CHECK(s == NULL && d == NULL);
  CHECK(strstr(zn_error_last(), "bytes") != NULL);
  CHECK(zn_suggestion_from_docx(&s, NULL, NULL, NULL, 10) == ZN_EINVAL && s == NULL);

  s = (zn_suggestion *)&s;
  d = (zn_diagnostics *)&d;
  CHECK(zn_suggestion_from_docx_file(NULL, &d, NULL, path) == ZN_EINVAL && d == NULL);
  CHECK(zn_suggestion_from_docx_file(&s, &d, NULL, NULL) == ZN_EINVAL && s == NULL && d == NULL);
  CHECK(zn_suggestion_from_docx_file(&s, &d, NULL, "\xD6\xD0.docx") == ZN_EINVAL); /* GBK, not UTF-8 */
  CHECK(strstr(zn_error_last(), "UTF-8") != NULL);
  CHECK(s == NULL && d == NULL);
}

static void test_files_that_are_no_form(void) {
  zn_suggestion *s = (zn_suggestion *)&s;
  zn_diagnostics *d = NULL;
  /* The start of an OLE compound file, as Word 97-2003 saves a .doc. */
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
  static const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  const char *doc = path_in(scratch, "1.盐碱地项目-东营研究院.doc");
  const char *pdf_path = path_in(scratch, "建议.pdf");

  /* A file that is not there: ZN_EIO, io.read_failed naming it. */
  CHECK(zn_suggestion_from_docx_file(&s, &d, NULL, "/nonexistent/建议.docx") == ZN_EIO);
  CHECK(s == NULL && d != NULL && find_id(d, "io.read_failed") >= 0);
  CHECK(same(zn_error_last_id(), "io.read_failed"));
  CHECK(strstr(zn_error_last(), "建议.docx") != NULL);
  zn_diagnostics_free(d);

  /* A Word 97-2003 file: the reason says how to re-save it. */
  s = (zn_suggestion *)&s;
  d = NULL;
  CHECK(spill(doc, ole, sizeof ole - 1));
  CHECK(zn_suggestion_from_docx_file(&s, &d, NULL, doc) == ZN_EPARSE);
  CHECK(s == NULL && d != NULL && find_id(d, "import.format_unsupported") >= 0);
  zn_diagnostics_free(d);

  /* A PDF saved under any name. */
  s = (zn_suggestion *)&s;
  d = NULL;
  CHECK(spill(pdf_path, pdf, sizeof pdf - 1));
  CHECK(zn_suggestion_from_docx_file(&s, &d, NULL, pdf_path) == ZN_EPARSE);
  CHECK(s == NULL && d != NULL && find_id(d, "import.not_docx") >= 0);
  zn_diagnostics_free(d);
}

int main(int argc, char **argv) {
  int i;
  if (argc < 4) {
    fprintf(stderr, "usage: test_import DATA_DIR SCRATCH_DIR FORM.docx...\n");
    return 2;
  }
  if (argv[3][0] == '\0') { /* a failure, not a skip: under CTest a silent skip would pass */
    fprintf(stderr, "test_import: no forms given (examples/data/forms/*.docx)\n");
    return 1;
  }
  data_dir = argv[1];
  scratch = argv[2];
  for (i = 3; i < argc; ++i) test_form(argv[i]);
  CHECK(twins_found > 0); /* some form is the Word form of a sample */
  test_profile_and_no_diagnostics(argv[3]);
  test_not_a_form();
  test_arguments(argv[3]);
  test_files_that_are_no_form();
  return check_summary();
}
