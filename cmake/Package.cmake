# Debian packages with `cpack -G DEB` (from a build configured with
# CMAKE_INSTALL_PREFIX=/usr, as the release preset is): libzhinan1 (the library),
# libzhinan-dev (headers, the C++ wrapper, pkg-config and CMake files; depends on
# libzhinan1 of the same version), zhinan (the command and the call's profile). The
# libraries' dependencies come from dpkg-shlibdeps, not from a hand-kept list.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "zhinan")
set(CPACK_PACKAGE_VENDOR "zhinan")
set(CPACK_PACKAGE_CONTACT "zhinan maintainers <zhinan@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Check, package and audit guideline suggestions (指南建议)")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_COMPONENTS_ALL runtime dev cli)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "libzhinan1")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION "libs")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "zhinan's C library (libzhinan.so.1)\n Reads, checks, packages and audits guideline suggestions for the Shandong\n provincial international S&T cooperation call, through a stable C API.")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "libzhinan-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "zhinan's C header, C++ wrapper and build files\n zhinan.h (the C API), zhinan.hpp (a header-only C++17 wrapper), zhinan.pc\n and the CMake package zhinan::zhinan.")
set(CPACK_DEBIAN_CLI_PACKAGE_NAME "zhinan")
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION "utils")
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "the zhinan command: check, pack and audit 指南建议\n validate, pack (the package and its 汇总表), audit, import (Word forms),\n count, name, format.")
include(CPack)
