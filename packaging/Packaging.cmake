# Installation layout and the Debian package (CPack DEB generator).
# Included last from the top-level CMakeLists.txt, so every target is already defined.
include(GNUInstallDirs)

set(GW_APP_ID io.github.graphwright.Graphwright)

# The desktop app, with its menu entry, AppStream metadata and icon. The option exists to build a
# command-line-only package while the app does not build; a menu entry without its binary would
# be broken, so those files go with the app.
option(GW_PACKAGE_APP "Install the graphwright desktop app (if the target exists)" ON)
if(TARGET graphwright AND GW_PACKAGE_APP)
    set(GW_INSTALL_APP ON)
else()
    set(GW_INSTALL_APP OFF)
endif()

install(TARGETS graphwright-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(GW_INSTALL_APP)
    install(TARGETS graphwright RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/${GW_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/${GW_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/graphwright.svg
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
            RENAME ${GW_APP_ID}.svg)
endif()

# Debian wants the licence as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/graphwright
        RENAME copyright)
# ... and its changelog, compressed at configure time with gzip -9n (no name or time stamp, so the
# package is reproducible; made here so that packaging needs no extra build target).
find_program(GW_GZIP gzip)
if(GW_GZIP)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog COPYONLY)
    execute_process(COMMAND ${GW_GZIP} -9nf ${CMAKE_CURRENT_BINARY_DIR}/changelog
                    COMMAND_ERROR_IS_FATAL ANY)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/graphwright)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME graphwright)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Graphwright developers")
set(CPACK_PACKAGE_CONTACT "Graphwright developers <dev@graphwright.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "knowledge-graph workbench for documents")
# Line breaks are kept: CPack indents each line of the long description for the control file.
set(CPACK_PACKAGE_DESCRIPTION [[
Graphwright is a desktop workbench for turning documents into a knowledge
graph. It ingests files and whole folders in parallel into one project file:
plain text, Markdown, HTML, PDF, DOCX, ODT, EPUB, CSV, TSV and JSON.
Ingestion can be cancelled at any moment without corrupting the project.

graphwright-cli drives the same engine from the command line, for batch runs,
scripts and continuous integration.]])
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo binaries would otherwise ship their debug info

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # graphwright_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Graphwright developers <dev@graphwright.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins Qt loads at run time are invisible to dpkg-shlibdeps: the SQLite driver opens every
# project file; the GUI needs the platform plugins and the SVG icon engine.
set(GW_DEB_DEPENDS "libqt6sql6-sqlite")
if(GW_INSTALL_APP)
    string(APPEND GW_DEB_DEPENDS ", qt6-qpa-plugins, libqt6svg6, qt6-translations-l10n")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${GW_DEB_DEPENDS}")

include(CPack)
