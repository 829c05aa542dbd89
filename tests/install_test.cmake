# Installs pindex into a staging directory and runs the installed binary; builds the .deb, checks
# what it holds and its Depends, unpacks it and runs the packaged binary.
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DSTATIC=ON|OFF -DVERSION=x.y.z -P install_test.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

function(expect_in text fragment what)
  string(FIND "${text}" "${fragment}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: '${fragment}' not found in:\n${text}")
  endif()
endfunction()

set(installed
  bin/pindex
  share/pindex/rubrics/personalization-index.yaml
  share/pindex/rubrics/personalization-index.answers.schema.json
  share/pindex/rubrics/rubric.schema.json
  share/man/man1/pindex.1.gz
  share/bash-completion/completions/pindex
  share/zsh/site-functions/_pindex
  share/doc/pindex/README.md
  share/doc/pindex/copyright
  share/doc/pindex/changelog.gz
  share/doc/pindex/docs/cli.md
  share/doc/pindex/docs/report.schema.json
  share/doc/pindex/examples/typical.yaml)

# 1. cmake --install into a staging prefix, then use what was installed.
set(stage ${WORK_DIR}/stage)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage})
foreach(path IN LISTS installed)
  if(NOT EXISTS ${stage}/${path})
    message(FATAL_ERROR "cmake --install did not install ${path}")
  endif()
endforeach()
run(${stage}/bin/pindex score ${stage}/share/doc/pindex/examples/typical.yaml --format json
    --rubric ${stage}/share/pindex/rubrics/personalization-index.yaml)
string(JSON installed_index GET "${out}" index)
run(${BUILD_DIR}/pindex score ${SOURCE_DIR}/examples/typical.yaml --format json)
string(JSON built_index GET "${out}" index)
if(NOT installed_index STREQUAL built_index)
  message(FATAL_ERROR "the installed pindex with the installed example and rubric scores ${installed_index}, "
                      "the built one with the source tree's ${built_index}")
endif()
# Installed stripped, as Debian strips: no debug information, no compiler .comment.
run(readelf --section-headers --wide ${stage}/bin/pindex)
foreach(section .debug_info .symtab .comment)
  string(FIND "${out}" " ${section} " at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "cmake --install left the ${section} section in bin/pindex: not stripped")
  endif()
endforeach()
# The changelog's latest entry is this version.
run(gzip -dc ${stage}/share/doc/pindex/changelog.gz)
expect_in("${out}" "pindex (${VERSION}) " "the first line of changelog.gz")

# 2. cpack -G DEB, then what the package holds and needs.
run(${CMAKE_COMMAND} -E chdir ${BUILD_DIR} cpack -G DEB -B ${WORK_DIR}/deb)
file(GLOB packages ${WORK_DIR}/deb/pindex_*.deb)
list(LENGTH packages count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${WORK_DIR}/deb, found: ${packages}")
endif()
run(dpkg-deb --contents ${packages})
foreach(path IN LISTS installed)
  expect_in("${out}" "./usr/${path}" "the .deb's contents")
endforeach()
run(dpkg-deb --field ${packages} Description)
string(REPLACE "\n" ";" description_lines "${out}")
foreach(line IN LISTS description_lines)
  string(LENGTH "${line}" length)
  if(length GREATER 80)
    message(FATAL_ERROR "a line of the .deb's Description is ${length} columns, more than lintian's 80:\n${line}")
  endif()
endforeach()
run(dpkg-deb --field ${packages} Package Version Architecture Depends Section)
expect_in("${out}" "Package: pindex" "the .deb's control fields")
expect_in("${out}" "Section: utils" "the .deb's control fields")
# libxlsxwriter and libc are shared in every build (Debian has no static libxlsxwriter); the
# default build links the rest in, so only a PINDEX_STATIC=OFF build needs libyaml-cpp.
expect_in("${out}" "libxlsxwriter" "the Depends of pindex")
expect_in("${out}" "libc6" "the Depends of pindex")
string(FIND "${out}" "libyaml-cpp" yaml_depends)
string(FIND "${out}" "libstdc++" libstdcxx_depends)
if(STATIC AND NOT (yaml_depends EQUAL -1 AND libstdcxx_depends EQUAL -1))
  message(FATAL_ERROR "pindex links libstdc++ and yaml-cpp in, but the .deb depends on them:\n${out}")
elseif(NOT STATIC AND yaml_depends EQUAL -1)
  message(FATAL_ERROR "a dynamically linked pindex needs libyaml-cpp, but the .deb says:\n${out}")
endif()
run(dpkg-deb --extract ${packages} ${WORK_DIR}/root)
run(${WORK_DIR}/root/usr/bin/pindex --version)
expect_in("${out}" "pindex " "the packaged pindex --version")
run(gzip -t ${WORK_DIR}/root/usr/share/man/man1/pindex.1.gz)
message(STATUS "installed and packaged pindex both run")
