# Installs the C library (libzhinan.so.1), its header, the CLI, the exported CMake target
# zhinan::zhinan and a pkg-config file.
include(CMakePackageConfigHelpers)

# Components, one per Debian package (cmake/Package.cmake): runtime → libzhinan1, dev →
# libzhinan-dev, cli → zhinan; python is installed by cmake --install, not packaged.
install(TARGETS zhinan EXPORT zhinanTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The C header, and the header-only C++17 wrapper over it (zhinan.hpp: the hourglass's top).
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/zhinan.h ${PROJECT_SOURCE_DIR}/capi/include/zhinan.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(TARGETS zhinan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/data/profiles/shandong-2025.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zhinan/profiles COMPONENT cli)

set(ZHINAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/zhinan)
install(EXPORT zhinanTargets NAMESPACE zhinan:: DESTINATION ${ZHINAN_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/zhinanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/zhinanConfig.cmake INSTALL_DESTINATION ${ZHINAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/zhinanConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/zhinanConfig.cmake ${PROJECT_BINARY_DIR}/zhinanConfigVersion.cmake
        DESTINATION ${ZHINAN_CMAKE_DIR} COMPONENT dev)

# Relocatable: the prefix is found from where the .pc file lies.
file(RELATIVE_PATH ZHINAN_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/zhinan.pc.in ${PROJECT_BINARY_DIR}/zhinan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/zhinan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The Python wrapper (component "python", in every full install): the package from
# bindings/python, and zhinan/_install.py naming the prefix, written when installing (so
# `cmake --install --prefix P` and DESTDIR both hold), so that `import zhinan` finds this
# prefix's libzhinan.so.1 without LD_LIBRARY_PATH.
set(ZHINAN_INSTALL_PYTHONDIR "lib/python3/dist-packages" CACHE STRING
    "Where the Python package goes, relative to the prefix (Debian's dist-packages)")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/zhinan DESTINATION ${ZHINAN_INSTALL_PYTHONDIR}
        COMPONENT python FILES_MATCHING PATTERN "*.py" PATTERN "py.typed" PATTERN "__pycache__" EXCLUDE)
install(CODE "
  file(WRITE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${ZHINAN_INSTALL_PYTHONDIR}/zhinan/_install.py\"
       \"\\\"\\\"\\\"Where this copy looks for libzhinan.so.1 after ZHINAN_LIBRARY and its own folder (cmake --install).\\\"\\\"\\\"\\nPREFIX = '\${CMAKE_INSTALL_PREFIX}'\\n\")
  " COMPONENT python)
