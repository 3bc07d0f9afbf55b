// Levels over time, exact to the minute: the warning and the response in force, as changes made
// by events. Forecast mode (L2) lets a newer decision supersede what an older one scheduled;
// relay mode (L9) lets each order's level hold from its response start until a later order's.
#pragma once

#include <cstddef>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace aqi::detail {

using boost::posix_time::ptime;

// A level (a warning level of the rule set) taking effect at `time`, set by events[event].
struct Change {
  ptime time;
  int level = 0;
  std::size_t event = 0;
};

// A stretch [from, to) at one level.
struct Segment {
  ptime from, to;
  int level = 0;
  std::size_t event = 0;
};

// Forecast mode: a decision made at `now` replaces every change it scheduled for later (a newer
// forecast supersedes an older one, L2).
class SupersedingTimeline {
 public:
  void decide(ptime now, ptime effective, int level, std::size_t event);
  // In time order; on a tie, the later decision last (it prevails).
  std::vector<Change> changes() const;

 private:
  std::vector<Change> changes_;
};

// Relay mode (L9): `orders` in their sequence, each with its response start; at any time the level
// is that of the latest order (in sequence) whose start has come — so an order holds from its start
// until a later order's start, and a LIFT (start = its issue) ends every response scheduled after it.
std::vector<Change> relay_changes(const std::vector<Change>& orders);

// The changes as segments covering [start, end), level 0 before the first change; later changes
// at the same time prevail.
std::vector<Segment> segments(const std::vector<Change>& changes, ptime start, ptime end);

// Hours of `s` as a fraction (minutes count).
inline double hours_of(const Segment& s) { return static_cast<double>((s.to - s.from).total_seconds()) / 3600.0; }

}  // namespace aqi::detail
