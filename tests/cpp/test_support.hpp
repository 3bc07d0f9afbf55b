// Helpers shared by the C++ tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

// Checks the exact message: a message is part of the API an analyst reads.
#define EXPECT_THROW_MSG(statement, exception_type, expected_message) \
  do {                                                                \
    std::string aqi_test_message_;                                    \
    try {                                                             \
      statement;                                                      \
      ADD_FAILURE() << "no exception thrown by: " #statement;         \
    } catch (const exception_type& aqi_test_e_) {                     \
      aqi_test_message_ = aqi_test_e_.what();                         \
    }                                                                 \
    EXPECT_EQ(aqi_test_message_, expected_message);                   \
  } while (false)
