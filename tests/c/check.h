/* check.h — the small CHECK harness the C89 tests share: counts checks and failures,
 * prints each failure with its line and zn_error_last(), and gives the exit status. */
#ifndef ZHINAN_TEST_CHECK_H
#define ZHINAN_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "zhinan.h"

static int checks = 0;
static int failures = 0;

static void check(int ok, const char *what, const char *file, int line) {
  ++checks;
  if (!ok) {
    ++failures;
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, what);
    if (zn_error_last()[0] != '\0') fprintf(stderr, "  zn_error_last: %s\n", zn_error_last());
  }
}

#define CHECK(cond) check((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* Prints the tally; the process's exit status. */
static int check_summary(void) {
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}

#endif
