# cmake -DMODE=find-package|add-subdirectory -DSOURCE_DIR=… -DBUILD_DIR=… -DWORK_DIR=… -P run_consumer.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(consumer ${SOURCE_DIR}/tests/consumer/${MODE})
if(MODE STREQUAL "find-package")
  set(prefix ${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/build -G Ninja -DCMAKE_PREFIX_PATH=${prefix})
  # The installed Python package imports and computes.
  run(${CMAKE_COMMAND} -E env PYTHONPATH=${prefix}/${PYTHON_DIR}
      ${PYTHON} -c "import aqi; assert aqi.iaqi('pm25_24h', 80, edition='hj633-2012') == 107; print('python ok')")
else()
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/build -G Ninja -DLIBAQI_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer ${SOURCE_DIR}/scenarios/yiyuan-2019)
message(STATUS "${last_output}")
