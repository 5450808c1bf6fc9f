/* test_threads.c — eight threads at once, round after round, each doing through the C ABI
 * what a department's server does for one clerk: validate the samples, batch-check them,
 * write the package (every .docx rendered, the 汇总表 written as .xlsx and .csv) into its
 * own folder, audit that package and write the audit's list (.xlsx), and read a unit's
 * Word form back. Each thread has its own handles (zhinan.h: a handle is used by one
 * thread at a time). Every result is checked against the same work done alone before the
 * threads start: the same findings, and byte for byte the same package, tables and list
 * (the same input gives the same bytes). The tsan preset runs it under ThreadSanitizer.
 * Usage: test_threads DATA_DIR SCRATCH_DIR FORM.docx... (DATA_DIR is examples/data,
 * SCRATCH_DIR an empty folder). POSIX threads. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "check.h"

#define THREADS 8
#define ROUNDS 3
#define DATES 2     /* threads alternate between two 填报日期: two references */
#define MAX_FORMS 16

/* check.h counts into plain statics: one thread at a time. */
static pthread_mutex_t check_lock = PTHREAD_MUTEX_INITIALIZER;
static void locked_check(int ok, const char *what, const char *file, int line) {
  pthread_mutex_lock(&check_lock);
  check(ok, what, file, line);
  pthread_mutex_unlock(&check_lock);
}
#define TCHECK(cond) locked_check((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

static const char *data_dir;
static const char *scratch;
static const char *forms[MAX_FORMS];
static int form_count = 0;

static const char *const valid[] = {"valid-sco.json", "valid-multilateral.json", "valid-belt-and-road.json",
                                    "valid-hk-macao-taiwan.json", "valid-innovation-leaders.json"};
#define VALID_COUNT (sizeof valid / sizeof valid[0])
static const char *const dates[DATES] = {"2025年3月1日", "2025-04-15"};

/* What the work gives when done alone, before the threads: each thread's must be the same. */
static char *faulty_json = NULL;            /* the faulty sample's findings as JSON */
static char *form_json[MAX_FORMS];          /* each form read back, as canonical JSON */
static const char *const written[] = {"package.zip", "package-汇总表.xlsx", "package-汇总表.csv", "清单.xlsx"};
#define WRITTEN_COUNT (sizeof written / sizeof written[0])

/* A barrier of our own (macOS has no pthread_barrier_t): each round starts for all eight
 * threads at once. */
static struct {
  pthread_mutex_t lock;
  pthread_cond_t all_here;
  int waiting, generation;
} start_line = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};

static void wait_for_all(void) {
  int generation;
  pthread_mutex_lock(&start_line.lock);
  generation = start_line.generation;
  if (++start_line.waiting == THREADS) {
    start_line.waiting = 0;
    ++start_line.generation;
    pthread_cond_broadcast(&start_line.all_here);
  } else {
    while (generation == start_line.generation) pthread_cond_wait(&start_line.all_here, &start_line.lock);
  }
  pthread_mutex_unlock(&start_line.lock);
}

static int same(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }

static void join(char *out, const char *dir, const char *name) { sprintf(out, "%.900s/%.100s", dir, name); }

static int make_dir(const char *path) { return mkdir(path, 0777) == 0 || errno == EEXIST; }

static long find(const zn_diagnostics *d, const char *id, const char *path) {
  size_t i;
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (same(zn_diagnostics_id(d, i), id) && (path == NULL || same(zn_diagnostics_path(d, i), path))) return (long)i;
  return -1;
}

/* The whole file (malloc'd, the caller frees it), or NULL. */
static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long size;
  *len = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = (char *)malloc((size_t)size);
    if (data != NULL && fread(data, 1, (size_t)size, f) == (size_t)size) {
      *len = (size_t)size;
    } else {
      free(data);
      data = NULL;
    }
  }
  fclose(f);
  return data;
}

/* Whether the two files hold the same bytes (and are not empty). */
static int same_file(const char *a, const char *b) {
  size_t len_a = 0, len_b = 0;
  char *data_a = read_all(a, &len_a), *data_b = read_all(b, &len_b);
  int same_bytes = data_a != NULL && data_b != NULL && len_a == len_b && memcmp(data_a, data_b, len_a) == 0;
  free(data_a);
  free(data_b);
  return same_bytes;
}

static zn_suggestion *load(const zn_profile *profile, const char *name) {
  char path[1024];
  zn_suggestion *s = NULL;
  join(path, data_dir, name);
  TCHECK(zn_suggestion_from_file(&s, NULL, profile, path) == ZN_OK && s != NULL);
  return s;
}

/* The faulty sample's findings as JSON (the caller frees it with zn_string_free): exactly
 * the mistakes it was written with (tests/c/test_validate.c checks each). */
static char *validate_faulty(const zn_profile *profile) {
  zn_suggestion *s = load(profile, "faulty-many-mistakes.json");
  zn_diagnostics *d = NULL;
  char *json = NULL;
  TCHECK(zn_validate(&d, s, profile, ZN_MODE_SUBMIT) == ZN_OK && d != NULL);
  TCHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 12);
  TCHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_WARNING) == 1);
  TCHECK(find(d, "overview.too_long", "/overview") >= 0);
  TCHECK(find(d, "source.phone_invalid", "/source/phone") >= 0);
  TCHECK(zn_diagnostics_to_json(&json, NULL, d) == ZN_OK && json != NULL);
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
  return json;
}

/* A form read back (the caller frees the JSON): a 信息表 with a title, only import.*
 * findings and none of them an error. */
static char *import_form(const zn_profile *profile, const char *path) {
  zn_suggestion *s = NULL;
  zn_diagnostics *d = NULL;
  char *json = NULL;
  size_t i;
  TCHECK(zn_suggestion_from_docx_file(&s, &d, profile, path) == ZN_OK && s != NULL && d != NULL);
  for (i = 0; i < zn_diagnostics_count(d); ++i) {
    TCHECK(strncmp(zn_diagnostics_id(d, i), "import.", 7) == 0);
    TCHECK(zn_diagnostics_severity(d, i) != ZN_SEVERITY_ERROR);
  }
  if (s != NULL) {
    TCHECK(zn_suggestion_get(s, ZN_FIELD_TITLE) != NULL && zn_suggestion_get(s, ZN_FIELD_TITLE)[0] != '\0');
    TCHECK(zn_suggestion_to_json(&json, NULL, s) == ZN_OK && json != NULL);
  }
  zn_diagnostics_free(d);
  zn_suggestion_free(s);
  return json;
}

/* Every valid sample passes the submit check; the batch of them plus one of them again
 * (under another name) is a batch.duplicate about the copy. */
static void validate_and_batch_check(const zn_profile *profile) {
  zn_batch *b = NULL;
  zn_diagnostics *d = NULL;
  size_t i;
  long dup;
  TCHECK(zn_batch_new(&b, profile) == ZN_OK);
  for (i = 0; i < VALID_COUNT; ++i) {
    zn_suggestion *s = load(profile, valid[i]);
    TCHECK(zn_validate(&d, s, profile, ZN_MODE_SUBMIT) == ZN_OK && d != NULL);
    TCHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
    zn_diagnostics_free(d);
    TCHECK(zn_batch_add(b, s, valid[i]) == ZN_OK);
    if (i == 0) TCHECK(zn_batch_add(b, s, "copy.json") == ZN_OK);
    zn_suggestion_free(s);
  }
  TCHECK(zn_batch_check(&d, b) == ZN_OK && d != NULL);
  dup = find(d, "batch.duplicate", NULL);
  TCHECK(dup >= 0 && same(zn_diagnostics_file(d, (size_t)dup), "copy.json"));
  zn_diagnostics_free(d);
  zn_batch_free(b);
}

static int count_progress(void *user, size_t done, size_t total) {
  size_t *calls = (size_t *)user;
  ++*calls;
  return done > total; /* never cancels */
}

/* The package of the valid samples written into dir (with its 汇总表 dated dates[date])
 * and audited there, the audit's list written beside it: no errors anywhere. */
static void package_and_audit(const zn_profile *profile, const char *dir, int date) {
  zn_package_options options = ZN_PACKAGE_OPTIONS_INIT;
  zn_batch *b = NULL;
  zn_audit *a = NULL;
  zn_diagnostics *d = NULL;
  size_t i, calls = 0;
  char zip[1024], list[1024];
  char *report = NULL;
  join(zip, dir, "package.zip");
  join(list, dir, "清单.xlsx");
  TCHECK(zn_batch_new(&b, profile) == ZN_OK);
  for (i = 0; i < VALID_COUNT; ++i) {
    char path[1024];
    zn_suggestion *s = load(profile, valid[i]);
    join(path, data_dir, valid[i]);
    TCHECK(zn_batch_add(b, s, path) == ZN_OK);
    zn_suggestion_free(s);
  }
  options.department = "青岛市科学技术局";
  options.contact = "张三";
  options.phone = "0532-12345678";
  options.date = dates[date];
  options.threads = 2; /* the package's own compressing threads, inside each of ours */
  options.progress = count_progress;
  options.progress_user = &calls;
  TCHECK(zn_package_write(&d, b, zip, &options) == ZN_OK && d != NULL);
  TCHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  TCHECK(calls > 0);
  zn_diagnostics_free(d);
  zn_batch_free(b);

  /* The package as the province reads it: its folders, names, documents and 汇总表. */
  TCHECK(zn_audit_new(&a, profile) == ZN_OK && a != NULL);
  TCHECK(zn_audit_add_package_file(a, zip) == ZN_OK);
  d = NULL;
  TCHECK(zn_audit_run(&d, a, NULL) == ZN_OK && d != NULL);
  TCHECK(zn_diagnostics_count_severity(d, ZN_SEVERITY_ERROR) == 0);
  for (i = 0; i < zn_diagnostics_count(d); ++i)
    if (zn_diagnostics_severity(d, i) == ZN_SEVERITY_ERROR)
      fprintf(stderr, "  audit of %s: %s %s\n", zip, zn_diagnostics_id(d, i), zn_diagnostics_entry(d, i));
  zn_diagnostics_free(d);
  TCHECK(zn_audit_report(&report, NULL, a, ZN_AUDIT_JSON) == ZN_OK && report != NULL);
  TCHECK(report != NULL && strstr(report, "\"zhinan.audit/1\"") != NULL);
  zn_string_free(report);
  TCHECK(zn_audit_write_xlsx(a, list) == ZN_OK);
  zn_audit_free(a);
}

struct worker {
  int index;
  pthread_t thread;
};

static void *work(void *arg) {
  const struct worker *w = (const struct worker *)arg;
  zn_profile *profile = NULL;
  char mine[1024], missing[1024];
  int round;
  TCHECK(zn_profile_builtin(&profile) == ZN_OK && profile != NULL);
  sprintf(mine, "%.900s/thread-%d", scratch, w->index);
  TCHECK(make_dir(mine));
  sprintf(missing, "%.900s/missing-%d.json", mine, w->index);
  for (round = 0; round < ROUNDS; ++round) {
    char dir[1024], reference[1024];
    const int date = w->index % DATES;
    const int form = (w->index + round) % form_count;
    char *json;
    size_t i;
    sprintf(dir, "%.900s/round-%d", mine, round);
    sprintf(reference, "%.900s/reference-%d", scratch, date);
    TCHECK(make_dir(dir));
    wait_for_all();

    json = validate_faulty(profile);
    TCHECK(same(json, faulty_json));
    zn_string_free(json);
    validate_and_batch_check(profile);
    package_and_audit(profile, dir, date);
    for (i = 0; i < WRITTEN_COUNT; ++i) {
      char ours[1024], theirs[1024];
      join(ours, dir, written[i]);
      join(theirs, reference, written[i]);
      locked_check(same_file(ours, theirs), written[i], __FILE__, __LINE__);
    }
    json = import_form(profile, forms[form]);
    TCHECK(same(json, form_json[form]));
    zn_string_free(json);

    /* The last error is this thread's own, whatever the others do meanwhile. */
    {
      zn_suggestion *none = NULL;
      TCHECK(zn_suggestion_from_file(&none, NULL, profile, missing) == ZN_EIO && none == NULL);
      TCHECK(strstr(zn_error_last(), missing) != NULL);
    }
  }
  zn_profile_free(profile);
  return NULL;
}

int main(int argc, char **argv) {
  struct worker workers[THREADS];
  zn_profile *profile = NULL;
  int i, started = 0;
  if (argc < 4 || argc - 3 > MAX_FORMS) {
    fprintf(stderr, "usage: test_threads DATA_DIR SCRATCH_DIR FORM.docx... (at most %d forms)\n", MAX_FORMS);
    return 2;
  }
  data_dir = argv[1];
  scratch = argv[2];
  for (i = 3; i < argc; ++i) forms[form_count++] = argv[i];

  /* The references, written by this thread alone. */
  CHECK(zn_profile_builtin(&profile) == ZN_OK);
  faulty_json = validate_faulty(profile);
  for (i = 0; i < form_count; ++i) form_json[i] = import_form(profile, forms[i]);
  for (i = 0; i < DATES; ++i) {
    char reference[1024];
    sprintf(reference, "%.900s/reference-%d", scratch, i);
    CHECK(make_dir(reference));
    package_and_audit(profile, reference, i);
  }
  zn_profile_free(profile);
  if (failures != 0) return check_summary(); /* no use racing from a broken start */

  for (i = 0; i < THREADS; ++i) {
    workers[i].index = i;
    if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0) break;
    ++started;
  }
  TCHECK(started == THREADS); /* the threads are counting too */
  if (started != THREADS) {
    fprintf(stderr, "cannot start %d threads (the barrier waits for all): giving up\n", THREADS);
    return 1;
  }
  for (i = 0; i < started; ++i) pthread_join(workers[i].thread, NULL);

  zn_string_free(faulty_json);
  for (i = 0; i < form_count; ++i) zn_string_free(form_json[i]);
  printf("%d threads, %d rounds each\n", THREADS, ROUNDS);
  return check_summary();
}
