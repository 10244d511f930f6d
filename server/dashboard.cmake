# The supervisor dashboard: read API, exports, supervisor writes and the web files embedded
# into the binary. server/CMakeLists.txt includes this file and calls
# nghedan_add_dashboard(<target>) for the target that holds the routes.

set(NGHEDAN_WEB_FILES
  index.html
  print.html
  receipt.html
  notice.html
  favicon.svg
  css/app.css
  css/print.css
  js/api.js
  js/app.js
  js/chart.js
  js/dom.js
  js/format.js
  js/i18n.js
  js/print.js
  js/document.js
  js/receipt-print.js
  js/notice-print.js
  js/records.js
  js/widgets.js
  js/pages/login.js
  js/pages/overview.js
  js/pages/petitions.js
  js/pages/petition.js
  js/pages/meetings.js
  js/pages/meeting.js
  js/pages/directives.js
  js/pages/directive.js
  js/attachments.js
  js/pages/notice.js
  js/pages/privacy.js
  js/pages/access-log.js
  js/personal-text.js
)

function(nghedan_add_dashboard target)
  set(web_dir ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/web)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/web_assets.cpp)
  set(abs)
  foreach(f IN LISTS NGHEDAN_WEB_FILES)
    list(APPEND abs ${web_dir}/${f})
  endforeach()
  string(REPLACE ";" "|" files "${NGHEDAN_WEB_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DWEB_DIR=${web_dir} -DFILES=${files} -DOUT=${out}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_web.cmake
    DEPENDS ${abs} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_web.cmake
    COMMENT "Embedding the dashboard's web files"
    VERBATIM)
  find_package(ZLIB REQUIRED)
  target_sources(${target} PRIVATE
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/read.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/read_model.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/overview_index.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/petition_query.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/supervise.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/attachments_web.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/results_notice.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/privacy.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/exports.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/xlsx_writer.cpp
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/routes/dashboard.cpp
    ${out})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_FUNCTION_LIST_DIR})
  target_link_libraries(${target} PRIVATE ZLIB::ZLIB)
endfunction()
