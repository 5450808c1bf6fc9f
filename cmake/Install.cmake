# Installs the C library (libzhinan.so.1), its header, the CLI, the exported CMake target
# zhinan::zhinan and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS zhinan EXPORT zhinanTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/zhinan.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS zhinan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/data/profiles/shandong-2025.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zhinan/profiles)

set(ZHINAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/zhinan)
install(EXPORT zhinanTargets NAMESPACE zhinan:: DESTINATION ${ZHINAN_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/zhinanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/zhinanConfig.cmake INSTALL_DESTINATION ${ZHINAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/zhinanConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/zhinanConfig.cmake ${PROJECT_BINARY_DIR}/zhinanConfigVersion.cmake
        DESTINATION ${ZHINAN_CMAKE_DIR})

# Relocatable: the prefix is found from where the .pc file lies.
file(RELATIVE_PATH ZHINAN_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/zhinan.pc.in ${PROJECT_BINARY_DIR}/zhinan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/zhinan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
