/* zhinan.h alone, as strict C89: a consumer's compiler must accept it with no extensions. */
#include "zhinan.h"

/* Something to compile that uses the header's types and macros. */
int zn_test_header_version_matches(void);
int zn_test_header_version_matches(void) {
  zn_status status = ZN_OK;
  zn_field field = ZN_FIELD_TITLE;
  zn_severity severity = ZN_SEVERITY_INFO;
  zn_profile_list list = ZN_LIST_BRING_IN_SUBTYPES;
  return (int)status + (int)field + (int)severity + (int)list +
         (ZN_VERSION_NUMBER == zn_version((int *)0, (int *)0, (int *)0) ? ZN_TYPE_BRING_IN : 0);
}
