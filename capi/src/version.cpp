// zn_version: the library actually loaded, to compare with the header's macros.
#include "handles.hpp"
#include "zhinan/version.hpp"

// The header and the C++ core must describe the same release.
static_assert(ZN_VERSION_MAJOR == zhinan::kVersionMajor && ZN_VERSION_MINOR == zhinan::kVersionMinor &&
                  ZN_VERSION_PATCH == zhinan::kVersionPatch,
              "zhinan.h and zhinan/version.hpp disagree on the version");

extern "C" {

int zn_version(int* major, int* minor, int* patch) {
  if (major) *major = zhinan::kVersionMajor;
  if (minor) *minor = zhinan::kVersionMinor;
  if (patch) *patch = zhinan::kVersionPatch;
  return zhinan::kVersionMajor * 1000000 + zhinan::kVersionMinor * 1000 + zhinan::kVersionPatch;
}

const char* zn_version_string(void) {
  // ZHINAN_VERSION_STRING comes from CMake's project(VERSION); a literal, so nothing can throw.
  return ZHINAN_VERSION_STRING;
}

}  // extern "C"
