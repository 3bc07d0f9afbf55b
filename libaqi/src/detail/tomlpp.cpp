// toml++ compiled once, here; every other file of the library sees its declarations only
// (TOML_HEADER_ONLY=0 on the library's targets).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
