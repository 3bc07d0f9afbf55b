#include "warning/timeline.hpp"

#include <algorithm>

namespace aqi::detail {

void SupersedingTimeline::decide(ptime now, ptime effective, int level, std::size_t event) {
  changes_.erase(std::remove_if(changes_.begin(), changes_.end(), [&](const Change& c) { return c.time > now; }),
                 changes_.end());
  changes_.push_back({std::max(now, effective), level, event});
}

std::vector<Change> SupersedingTimeline::changes() const {
  std::vector<Change> c = changes_;
  std::stable_sort(c.begin(), c.end(), [](const Change& a, const Change& b) { return a.time < b.time; });
  return c;
}

std::vector<Change> relay_changes(const std::vector<Change>& orders) {
  std::vector<std::size_t> by_start(orders.size());
  for (std::size_t i = 0; i < orders.size(); ++i) by_start[i] = i;
  std::stable_sort(by_start.begin(), by_start.end(),
                   [&](std::size_t a, std::size_t b) { return orders[a].time < orders[b].time; });
  // Sweep the starts in time: the level in force is that of the latest order started so far.
  std::vector<Change> out;
  std::size_t latest = 0;
  bool any = false;
  for (std::size_t k : by_start) {
    if (any && k < latest) continue;  // an older order starting later: a newer one already holds
    latest = k;
    any = true;
    out.push_back(orders[k]);
  }
  return out;
}

std::vector<Segment> segments(const std::vector<Change>& changes, ptime start, ptime end) {
  std::vector<Segment> out;
  Segment cur{start, end, 0, 0};
  for (const Change& c : changes) {
    if (c.time >= end) break;
    if (c.time > cur.from) {
      cur.to = c.time;
      out.push_back(cur);
      cur.from = c.time;
    }
    cur.level = c.level;  // a later change at the same time prevails
    cur.event = c.event;
  }
  cur.to = end;
  if (cur.to > cur.from) out.push_back(cur);
  return out;
}

}  // namespace aqi::detail
