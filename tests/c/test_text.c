/* test_text.c — counting 字, folding and file names through the C ABI, from C89. */
#include <stdio.h>
#include <string.h>

#include "check.h"

static size_t count(const char *text, int mode) {
  size_t n = 99999;
  CHECK(zn_count(&n, text, strlen(text), mode) == ZN_OK);
  return n;
}

static void test_count(void) {
  size_t n = 0;
  /* SPEC: 東京2024オリンピック is 9 (2 Han + one run "2024" + 6 kana); Hello、World。 is 4. */
  CHECK(count("\xE6\x9D\xB1\xE4\xBA\xAC" "2024" "\xE3\x82\xAA\xE3\x83\xAA\xE3\x83\xB3\xE3\x83\x94\xE3\x83\x83\xE3\x82\xAF",
              ZN_COUNT_WORD) == 9);
  CHECK(count("Hello\xE3\x80\x81World\xE3\x80\x82", ZN_COUNT_WORD) == 4);
  CHECK(count("a b", ZN_COUNT_CHARS) == 2);
  CHECK(count("a b", ZN_COUNT_CHARS_WITH_SPACES) == 3);
  CHECK(count("", ZN_COUNT_GRAPHEMES) == 0);
  /* A family emoji (man ZWJ woman ZWJ girl) is one grapheme. */
  CHECK(count("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", ZN_COUNT_GRAPHEMES) == 1);
  /* Bytes that are not UTF-8 still count, one each; never a failure. */
  CHECK(zn_count(&n, "\xFF\xFE", 2, ZN_COUNT_CHARS) == ZN_OK && n == 2);
  CHECK(zn_count(&n, NULL, 0, ZN_COUNT_WORD) == ZN_OK && n == 0);
  CHECK(zn_count(&n, NULL, 3, ZN_COUNT_WORD) == ZN_EINVAL);
  CHECK(zn_count(NULL, "x", 1, ZN_COUNT_WORD) == ZN_EINVAL);
  CHECK(zn_count(&n, "x", 1, 4) == ZN_EINVAL && n == 0);
}

static void test_fold(void) {
  char *out = NULL;
  size_t len = 0;
  /* 國際 (Traditional) folds like 国际; full-width ＡＢ like ab; punctuation goes. */
  const char *text = "\xE5\x9C\x8B\xE9\x9A\x9B\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x82";
  CHECK(zn_fold(&out, &len, text, strlen(text)) == ZN_OK);
  CHECK(out != NULL && strcmp(out, "\xE5\x9B\xBD\xE9\x99\x85" "ab") == 0 && len == strlen(out));
  zn_string_free(out);
  CHECK(zn_fold(NULL, NULL, "x", 1) == ZN_EINVAL);
}

static void test_names(void) {
  char *out = NULL;
  size_t len = 0;
  zn_diagnostics *changes = NULL;
  CHECK(zn_name_sanitize(&out, &len, &changes, "a:b") == ZN_OK);
  CHECK(out != NULL && strcmp(out, "a\xEF\xBC\x9A" "b") == 0); /* full-width colon */
  CHECK(changes != NULL && zn_diagnostics_count(changes) == 1);
  CHECK(strcmp(zn_diagnostics_id(changes, 0), "name.replaced_char") == 0);
  CHECK(zn_diagnostics_severity(changes, 0) == ZN_SEVERITY_INFO);
  zn_string_free(out);
  zn_diagnostics_free(changes);

  CHECK(zn_name_sanitize(&out, NULL, NULL, "NUL.txt") == ZN_OK && strcmp(out, "NUL\xEF\xBC\xBF.txt") == 0);
  zn_string_free(out);
  CHECK(zn_name_sanitize(&out, NULL, NULL, "\xC0") == ZN_EINVAL && out == NULL);
  CHECK(zn_name_sanitize(&out, NULL, NULL, NULL) == ZN_EINVAL);

  /* The call's own example: 1.项目名称-建议单位 */
  CHECK(zn_name_entry(&out, &len, &changes, NULL, 1, "\xE9\xA1\xB9\xE7\x9B\xAE\xE5\x90\x8D\xE7\xA7\xB0",
                      "\xE5\xBB\xBA\xE8\xAE\xAE\xE5\x8D\x95\xE4\xBD\x8D", "docx", NULL) == ZN_OK);
  CHECK(out != NULL && strcmp(out, "1.\xE9\xA1\xB9\xE7\x9B\xAE\xE5\x90\x8D\xE7\xA7\xB0-"
                                   "\xE5\xBB\xBA\xE8\xAE\xAE\xE5\x8D\x95\xE4\xBD\x8D.docx") == 0);
  CHECK(changes != NULL && zn_diagnostics_count(changes) == 0);
  zn_string_free(out);
  zn_diagnostics_free(changes);
  CHECK(zn_name_entry(&out, &len, NULL, NULL, -1, "t", "u", "docx", NULL) == ZN_EINVAL);

  /* folder and pattern may be NULL; title, unit and extension may be "" but not NULL. */
  CHECK(zn_name_entry(&out, &len, NULL, NULL, 2, "", "", "", NULL) == ZN_OK && out != NULL);
  zn_string_free(out);
  zn_error_clear();
  out = (char *)&out;
  len = 7;
  changes = (zn_diagnostics *)&changes;
  CHECK(zn_name_entry(&out, &len, &changes, NULL, 1, NULL, "u", "docx", NULL) == ZN_EINVAL);
  CHECK(out == NULL && len == 0 && changes == NULL);
  CHECK(strstr(zn_error_last(), "zn_name_entry") != NULL && strstr(zn_error_last(), "title") != NULL);
  CHECK(strstr(zn_error_last(), "NULL") != NULL && strchr(zn_error_last(), '\n') != NULL);
  CHECK(zn_name_entry(&out, &len, NULL, NULL, 1, "t", NULL, "docx", NULL) == ZN_EINVAL && out == NULL);
  CHECK(strstr(zn_error_last(), "unit") != NULL);
  CHECK(zn_name_entry(&out, &len, NULL, NULL, 1, "t", "u", NULL, NULL) == ZN_EINVAL && out == NULL);
  CHECK(strstr(zn_error_last(), "extension") != NULL);
  CHECK(zn_name_entry(&out, &len, NULL, "folder", 1, NULL, NULL, NULL, "{number}") == ZN_EINVAL && out == NULL);
  CHECK(zn_name_entry(NULL, NULL, NULL, NULL, 1, "t", "u", "docx", NULL) == ZN_EINVAL);
}

/* A title of 300 Han characters is cut to fit 255 bytes, keeping number, unit and extension. */
static void test_long_title(void) {
  char title[301 * 3];
  char *out = NULL;
  size_t len = 0;
  zn_diagnostics *changes = NULL;
  int i;
  for (i = 0; i < 300; ++i) memcpy(title + 3 * i, "\xE6\xB0\xA2", 3); /* 氢 */
  title[900] = '\0';
  CHECK(zn_name_entry(&out, &len, &changes, NULL, 12, title, "\xE5\xB1\xB1\xE4\xB8\x9C", "pdf", NULL) == ZN_OK);
  CHECK(out != NULL && len <= 255 && strncmp(out, "12.", 3) == 0);
  CHECK(out != NULL && len > 4 && strcmp(out + len - 4, ".pdf") == 0);
  CHECK(out != NULL && strstr(out, "-\xE5\xB1\xB1\xE4\xB8\x9C.pdf") != NULL); /* -山东.pdf */
  CHECK(changes != NULL && zn_diagnostics_count(changes) >= 1);
  CHECK(strcmp(zn_diagnostics_id(changes, 0), "name.shortened_title") == 0);
  zn_string_free(out);
  zn_diagnostics_free(changes);
}

int main(void) {
  test_count();
  test_fold();
  test_names();
  test_long_title();
  return check_summary();
}
