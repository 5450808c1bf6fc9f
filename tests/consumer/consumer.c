/* Reads a suggestion through the installed library and prints its title. */
#include <stdio.h>
#include <zhinan.h>

int main(int argc, char **argv) {
  zn_suggestion *s = NULL;
  int rc;
  if (argc != 2) return 2;
  if (zn_version(NULL, NULL, NULL) / 1000000 != ZN_VERSION_MAJOR) return 3;
  rc = zn_suggestion_from_file(&s, NULL, NULL, argv[1]);
  if (rc != ZN_OK) {
    fprintf(stderr, "%s\n", zn_error_last());
    return 1;
  }
  printf("%s\n", zn_suggestion_get(s, ZN_FIELD_TITLE));
  zn_suggestion_free(s);
  return 0;
}
