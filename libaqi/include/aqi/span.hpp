// A non-owning view of contiguous elements: std::span for C++17 embedders.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace aqi {

template <class T>
class span {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using size_type = std::size_t;
  using iterator = T*;

  constexpr span() noexcept = default;
  constexpr span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}

  // Any contiguous container with data() and size() (std::vector, std::array, Eigen vectors).
  template <class Container,
            class = std::enable_if_t<!std::is_same_v<std::decay_t<Container>, span> &&
                                     std::is_convertible_v<decltype(std::declval<Container&>().data()), T*>>>
  constexpr span(Container& c) noexcept  // NOLINT(google-explicit-constructor)
      : data_(c.data()), size_(static_cast<std::size_t>(c.size())) {}

  // A read-only view of any contiguous container, temporaries included: a call such as
  // classify_daily(std::vector<double>{…}) reads it before the temporary dies.
  template <class Container, class U = T,
            class = std::enable_if_t<std::is_const_v<U> && !std::is_same_v<std::decay_t<Container>, span> &&
                                     std::is_convertible_v<decltype(std::declval<const Container&>().data()), T*>>>
  constexpr span(const Container& c, int = 0) noexcept  // NOLINT(google-explicit-constructor)
      : data_(c.data()), size_(static_cast<std::size_t>(c.size())) {}

  // span<T> converts to span<const T>.
  template <class U, class = std::enable_if_t<std::is_convertible_v<U (*)[], T (*)[]>>>
  constexpr span(span<U> other) noexcept  // NOLINT(google-explicit-constructor)
      : data_(other.data()), size_(other.size()) {}

  constexpr T* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }
  constexpr T* begin() const noexcept { return data_; }
  constexpr T* end() const noexcept { return data_ + size_; }
  constexpr span subspan(std::size_t offset, std::size_t count) const noexcept { return {data_ + offset, count}; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace aqi
