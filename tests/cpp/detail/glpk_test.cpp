// GLPK behind a narrow door (aqi/detail/glpk.hpp): its internal errors become aqi::Error.
#include <gtest/gtest.h>

#include "aqi/detail/glpk.hpp"
#include "test_support.hpp"

// GLPK calls abort() after an internal error unless an error hook jumps out; now such an error
// is an aqi::Error naming GLPK's message. (The inputs that did it are refused before GLPK sees them:
// tests/cpp/kilns/kiln_test.cpp, schedule_test.cpp; an invalid control parameter is a direct way
// to make GLPK fail.)
TEST(Glpk, InternalErrorBecomesAnAqiError) {
  const aqi::detail::GlpkEnvironment env("test");
  ASSERT_TRUE(env.owned());
  aqi::detail::GlpkProblemPtr p(glp_create_prob());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.meth = 12345;
  int rc = 0;
  ASSERT_FALSE(aqi::detail::glpk_guarded(env, glp_simplex, p.get(), &parm, &rc));
  p.release();  // the environment frees it
  EXPECT_THROW_MSG(aqi::detail::throw_glpk_failure(env, "a test problem"), aqi::Error,
                   "test: GLPK failed on a test problem (glp_simplex: meth = 12345; invalid parameter Error detected "
                   "in file draft/glpapi06.c at line 388)");
}
