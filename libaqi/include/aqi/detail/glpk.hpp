// GLPK behind a narrow door (SPEC E10 top-up, K5 bound): one environment per call, GLPK's
// internal errors as aqi::Error instead of abort(), and the thread-safety argument in one place.
//
// Threads. Debian's GLPK 5.0 is built reentrant: its environment pointer is thread-local (the
// library has a .tbss section; env/tls.c: `static thread_local void *tls`), so every thread has
// its own environment, and libaqi never shares a problem object between calls. The one mutable
// global state left in libglpk is the MT1 knapsack solver's static locals (misc/mt1.c, a Fortran
// translation), reached only from the cover-cut generator of glp_intopt; libaqi keeps cover cuts
// off (GLPK's default, set explicitly where glp_intopt is called). Concurrent calls of top_up and
// schedule_kilns are therefore safe without a lock (tests/cpp/threads_test.cpp runs them from 8
// threads under ThreadSanitizer; docs/errors.md, "Threads").
#pragma once

#include <glpk.h>

#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "aqi/error.hpp"

namespace aqi::detail {

// GLPK never frees a thread's environment by itself: a thread that used GLPK and ends leaks it.
// This guard frees it at the end of the call when — and only when — the call created it, so a
// caller's own GLPK objects on the same thread are never touched. While it owns the environment
// it also silences GLPK's terminal output (an error's message is kept for the exception).
class GlpkEnvironment {
 public:
  explicit GlpkEnvironment(const char* who) : who_(who) {
    const int rc = glp_init_env();  // 0 created, 1 already there, 2/3 failed
    if (rc > 1)
      throw Error(std::string(who_) + ": GLPK could not initialise (glp_init_env returned " + std::to_string(rc) + ")");
    created_ = rc == 0;
    if (created_) glp_term_hook(&GlpkEnvironment::keep_output, this);
  }
  ~GlpkEnvironment() {
    if (created_) glp_free_env();  // frees every GLPK object of the call, even after an error
  }
  GlpkEnvironment(const GlpkEnvironment&) = delete;
  GlpkEnvironment& operator=(const GlpkEnvironment&) = delete;

  // Whether GLPK errors can be caught: only in an environment of our own, because after one
  // GLPK requires the environment to be freed — which would destroy a caller's objects.
  bool owned() const noexcept { return created_; }

  // The end of GLPK's last message ("Assertion failed: q != 0 … Error detected in file …").
  std::string last_output() const {
    std::string s(output_);
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    for (char& c : s)
      if (c == '\n') c = ' ';
    return s;
  }

  const char* who() const noexcept { return who_; }

 private:
  // A C callback inside GLPK: no allocation, no exception.
  static int keep_output(void* self, const char* text) {
    auto* env = static_cast<GlpkEnvironment*>(self);
    const std::size_t have = std::strlen(env->output_), add = std::strlen(text);
    if (have + add >= sizeof env->output_) env->output_[0] = '\0';
    std::strncat(env->output_, text, sizeof env->output_ - std::strlen(env->output_) - 1);
    return 1;  // nothing reaches the terminal
  }

  const char* who_;
  bool created_ = false;
  char output_[512] = {};
};

struct GlpkJump {
  std::jmp_buf buffer;
};

extern "C" inline void aqi_glpk_error_hook(void* jump) { std::longjmp(static_cast<GlpkJump*>(jump)->buffer, 1); }

// Runs one GLPK solver call with GLPK's error hook set, when the environment is ours: GLPK calls
// abort() after an internal error (an assertion on badly scaled numbers) unless the hook jumps
// out. Returns false after such an error; the caller must then drop its problem objects without
// deleting them (the environment's destructor frees them). Nothing with a destructor lives
// between the setjmp and the jump.
template <class Parm>
inline bool glpk_guarded(const GlpkEnvironment& env, int (*solver)(glp_prob*, const Parm*), glp_prob* p,
                         const Parm* parm, int* rc) noexcept {
  if (!env.owned()) {
    *rc = solver(p, parm);
    return true;
  }
  GlpkJump jump;
  if (setjmp(jump.buffer) != 0) return false;
  glp_error_hook(aqi_glpk_error_hook, &jump);
  *rc = solver(p, parm);
  glp_error_hook(nullptr, nullptr);
  return true;
}

[[noreturn]] inline void throw_glpk_failure(const GlpkEnvironment& env, const std::string& what) {
  throw Error(std::string(env.who()) + ": GLPK failed on " + what + " (" + env.last_output() + ")");
}

// The sparse matrix of a GLPK problem, 1-based as glp_load_matrix takes it.
struct GlpkMatrix {
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  void put(int row, int col, double v) {
    ia.push_back(row);
    ja.push_back(col);
    ar.push_back(v);
  }
  void load(glp_prob* p) { glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data()); }
};

struct GlpkProblemDelete {
  void operator()(glp_prob* p) const noexcept { glp_delete_prob(p); }
};
using GlpkProblemPtr = std::unique_ptr<glp_prob, GlpkProblemDelete>;

}  // namespace aqi::detail
