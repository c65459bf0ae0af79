# Debian packages with CPack: `blog-server` (component server) and `blog-desktop` (component desktop).
# `./dev package` configures a Release build with the /usr prefix and runs cpack; the install rules live
# next to the targets in server/ and app/.

set(BLOG_PACKAGE_MAINTAINER "Blog maintainers <maintainers@example.org>"
    CACHE STRING "Maintainer field of the Debian packages (name <e-mail>)")
set(BLOG_DEBIAN_DIR "${PROJECT_SOURCE_DIR}/resources/debian")

# /usr/lib/systemd/system, not /lib: Debian 12 (merged /usr) and its lintian take both, Debian 13 wants
# /usr/lib, and moving files from /lib to /usr/lib in a later version is what DEP 17 warns against.
set(BLOG_SYSTEMD_UNIT_DIR "lib/systemd/system")
# Whatever the builder's umask, packaged directories are world-readable.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The changelog's newest entry is the release: its version must be the project's, and its date is the
# release date in the AppStream metainfo.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${BLOG_DEBIAN_DIR}/changelog")
file(STRINGS "${BLOG_DEBIAN_DIR}/changelog" BLOG_CHANGELOG_HEAD LIMIT_COUNT 1)
if(NOT BLOG_CHANGELOG_HEAD MATCHES "^blog \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "resources/debian/changelog: the newest entry is not version ${PROJECT_VERSION} "
                        "(${BLOG_CHANGELOG_HEAD}); add an entry for this version")
endif()
file(STRINGS "${BLOG_DEBIAN_DIR}/changelog" BLOG_CHANGELOG_TRAILER REGEX "^ -- " LIMIT_COUNT 1)
if(NOT BLOG_CHANGELOG_TRAILER MATCHES ", ([0-9][0-9]) ([A-Z][a-z][a-z]) ([0-9][0-9][0-9][0-9]) ")
    message(FATAL_ERROR "resources/debian/changelog: no date in '${BLOG_CHANGELOG_TRAILER}'")
endif()
set(BLOG_RELEASE_DAY ${CMAKE_MATCH_1})
set(BLOG_RELEASE_YEAR ${CMAKE_MATCH_3})
set(BLOG_MONTHS Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND BLOG_MONTHS ${CMAKE_MATCH_2} BLOG_RELEASE_MONTH)
math(EXPR BLOG_RELEASE_MONTH "${BLOG_RELEASE_MONTH} + 1" OUTPUT_FORMAT DECIMAL)
string(LENGTH "${BLOG_RELEASE_MONTH}" BLOG_MONTH_DIGITS)
if(BLOG_MONTH_DIGITS EQUAL 1)
    set(BLOG_RELEASE_MONTH "0${BLOG_RELEASE_MONTH}")
endif()
set(BLOG_RELEASE_DATE "${BLOG_RELEASE_YEAR}-${BLOG_RELEASE_MONTH}-${BLOG_RELEASE_DAY}")

# Debian wants the changelog compressed with gzip -9n (no name, no time stamp: reproducible). The version
# has no Debian revision (the packages are native), so it is changelog.gz, not changelog.Debian.gz.
set(BLOG_CHANGELOG_GZ "${PROJECT_BINARY_DIR}/debian/changelog.gz")
file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/debian")
execute_process(COMMAND gzip -9nc INPUT_FILE "${BLOG_DEBIAN_DIR}/changelog" OUTPUT_FILE "${BLOG_CHANGELOG_GZ}"
                COMMAND_ERROR_IS_FATAL ANY)

# blog_install_package_docs(<component> <package>): the copyright and changelog every package carries, and
# the lintian overrides in resources/debian/<package>/lintian-overrides if there are any.
function(blog_install_package_docs component package)
    install(FILES "${BLOG_DEBIAN_DIR}/copyright" "${BLOG_CHANGELOG_GZ}"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT ${component})
    if(EXISTS "${BLOG_DEBIAN_DIR}/${package}/lintian-overrides")
        install(FILES "${BLOG_DEBIAN_DIR}/${package}/lintian-overrides" RENAME ${package}
                DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" COMPONENT ${component})
    endif()
endfunction()

# blog_install_manual(<target> <component> <summary>): a man page made by help2man from the program's
# --help and --version, so it cannot drift from them. Only with BLOG_MANUALS (./dev package sets it).
option(BLOG_MANUALS "Make and install man pages with help2man (the packages carry them)" OFF)
if(BLOG_MANUALS)
    find_program(BLOG_HELP2MAN help2man REQUIRED)
endif()
function(blog_install_manual target component summary)
    if(NOT BLOG_MANUALS)
        return()
    endif()
    set(page "${CMAKE_CURRENT_BINARY_DIR}/${target}.1")
    # The desktop client needs a platform plugin even to print its help.
    add_custom_command(OUTPUT "${page}.gz"
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                "${BLOG_HELP2MAN}" --no-info "--name=${summary}" "--output=${page}" "$<TARGET_FILE:${target}>"
        COMMAND gzip -9nf "${page}"
        DEPENDS ${target} VERBATIM)
    add_custom_target(${target}-manual ALL DEPENDS "${page}.gz")
    install(FILES "${page}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT ${component})
endfunction()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME blog)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${BLOG_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL server desktop)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SOURCE blog)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps turns the libraries the binaries link into Depends; plugins Qt loads at run time are
# named below.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME blog-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${BLOG_DEBIAN_DIR}/blog-server/conffiles"
    "${BLOG_DEBIAN_DIR}/blog-server/postinst" "${BLOG_DEBIAN_DIR}/blog-server/prerm"
    "${BLOG_DEBIAN_DIR}/blog-server/postrm")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "REST API server of the blog platform
blog-server serves the blog's JSON REST API over HTTP: users with argon2id
password hashes and JWT sign-in, articles with tags, comments, and a cached
listing. It keeps its data in SQLite or PostgreSQL.
.
The package runs it as a hardened systemd service with a dynamic user; the
database and the token key live in /var/lib/blog-server.")

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME blog-desktop)
# Drafts are kept in SQLite through Qt's plugin, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# The sign-in token lives in a Secret Service (QtKeychain over libsecret).
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc | libkf5wallet-bin, hunspell-en-us | hunspell-dictionary")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION "desktop client for blog-server
blog-desktop is the authors' app for a blog-server: browse the articles page
by page, read them with their comments, comment, and write, edit or delete
your own articles in Markdown with a preview. What you write is kept as a
local draft until the server has it, also while the server is unreachable.
The sign-in token is kept in the system keychain. English, German and French.")

include(CPack)
