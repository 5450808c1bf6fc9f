/* read_and_edit.c — what an office system in C does with one 指南建议: read the file,
 * show what the unit filled in, correct a field and print the canonical JSON.
 *
 *   read_and_edit SUGGESTION.json
 */
#include <stdio.h>
#include <string.h>

#include "zhinan.h"

/* The label the form prints for a code ("sco" → 上合组织成员国), or the code itself. */
static const char *label_of(const zn_profile *p, int list, const char *code) {
  size_t i;
  for (i = 0; i < zn_profile_count(p, list); ++i) {
    const char *c = zn_profile_code(p, list, i);
    if (c != NULL && code != NULL && strcmp(c, code) == 0) return zn_profile_label(p, list, i);
  }
  return code;
}

static const char *level_name(const zn_profile *p, int level) {
  const char *name = level == 0 ? NULL : zn_profile_trl_name(p, level);
  return name != NULL ? name : "未填/not given";
}

int main(int argc, char **argv) {
  zn_suggestion *s = NULL;
  zn_diagnostics *d = NULL;
  zn_profile *p = NULL;
  char *json = NULL;
  size_t i;
  int status, current = 0, expected = 0;

  if (argc != 2) {
    fprintf(stderr, "usage: %s SUGGESTION.json\n", argv[0]);
    return 2;
  }
  status = zn_suggestion_from_file(&s, &d, NULL, argv[1]);
  /* What the reader noticed (wrong types, unknown fields …), even when it could read it. */
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    fprintf(stderr, "%s %s: %s\n", zn_diagnostics_id(d, i), zn_diagnostics_path(d, i),
            zn_diagnostics_message_zh(d, i));
  zn_diagnostics_free(d);
  if (status != ZN_OK) {
    fprintf(stderr, "无法读取 / cannot read %s:\n%s\n", argv[1], zn_error_last());
    return 1;
  }
  if (zn_profile_builtin(&p) != ZN_OK) {
    fprintf(stderr, "%s\n", zn_error_last());
    zn_suggestion_free(s);
    return 1;
  }

  printf("项目名称：%s\n", zn_suggestion_get(s, ZN_FIELD_TITLE));
  for (i = 0; i < zn_suggestion_region_count(s); ++i)
    printf("合作国别、地区：%s\n", label_of(p, ZN_LIST_REGIONS, zn_suggestion_region(s, i)));
  for (i = 0; i < zn_suggestion_industry_count(s); ++i)
    printf("产业领域：%s\n", label_of(p, ZN_LIST_INDUSTRIES, zn_suggestion_industry(s, i)));
  for (i = 0; i < zn_suggestion_key_tech_count(s); ++i) {
    zn_suggestion_key_tech_levels(&current, &expected, s, i);
    printf("关键技术%lu：%s（%d %s → %d %s）\n", (unsigned long)(i + 1), zn_suggestion_key_tech_name(s, i),
           current, level_name(p, current), expected, level_name(p, expected));
  }

  /* The department lowered the suggested provincial funding: amounts stay decimal text. */
  status = zn_suggestion_set(s, ZN_FIELD_FUNDING_PROVINCIAL, "280");
  if (status == ZN_OK) status = zn_suggestion_to_json(&json, NULL, s);
  if (status == ZN_OK) fputs(json, stdout);
  else fprintf(stderr, "%s\n", zn_error_last());

  zn_string_free(json);
  zn_profile_free(p);
  zn_suggestion_free(s);
  return status == ZN_OK ? 0 : 1;
}
