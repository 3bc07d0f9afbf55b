# Runs one fuzz target for SECONDS, starting from its seed corpus CORPUS (left untouched: new
# inputs go to WORK/corpus, a crashing input to WORK/). A hang is an input that runs over 10 s.
# cmake -DFUZZER=… -DCORPUS=… -DWORK=… -DSECONDS=… -P run_fuzzer.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus")
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          "-artifact_prefix=${WORK}/" "${WORK}/corpus" "${CORPUS}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${rc}); the input that did it is in ${WORK}/")
endif()
