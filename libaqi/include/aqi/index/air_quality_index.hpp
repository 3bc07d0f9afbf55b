// The AQI of records: the maximum IAQI over the indicators of the report, the primary
// pollutant(s) and the category — SPEC A2, A3, A4, with the HJ 633-2012 substitutions of A1.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "aqi/detail/iaqi_kernel.hpp"
#include "aqi/detail/parallel.hpp"
#include "aqi/error.hpp"
#include "aqi/index/category.hpp"
#include "aqi/index/edition.hpp"
#include "aqi/index/iaqi.hpp"
#include "aqi/index/indicator.hpp"
#include "aqi/index/pollutant.hpp"
#include "aqi/span.hpp"

namespace aqi {

// One input column: the concentrations of one indicator, a value per record (NaN = missing).
struct IndicatorColumn {
  Indicator indicator;
  span<const double> values;
};

// Output columns, one element per record. Python returns these arrays as they are.
struct AqiColumns {
  span<double> aqi;                 // whole number; NaN when nothing could be rated
  span<std::uint8_t> primary_mask;  // PollutantSet bits; 0 when AQI <= 50 (A3) or missing
  span<std::int8_t> category;       // Category, 0 = missing
  span<std::uint8_t> beyond_scale;  // 1 when an indicator was above its top breakpoint (A4)
};

// Which input columns a computation used, and which it left out because the edition's report
// does not rate them (an o3_1h column in a HJ 633-2026 daily computation) — said, not hidden.
struct AqiColumnUse {
  std::vector<Indicator> used;
  std::vector<Indicator> substitutes;  // read only for the 2012 notes (so2_24h for so2_1h > 800)
  std::vector<Indicator> ignored;
};

namespace detail {

struct AqiPlan {
  struct Term {
    const double* values;
    IaqiKernel kernel;
    Indicator indicator;
    std::uint8_t bit;
    bool substitutes = false;  // above-top values are not rated here (HJ 633-2012 notes)
    int substitute_term = -1;  // index into `sources` when that column is given
  };
  std::vector<Term> terms;
  std::vector<Term> sources;  // substitution sources (IAQI only where needed)
  AqiColumnUse use;
};

inline AqiPlan plan_aqi(const Edition& e, span<const IndicatorColumn> columns, Period period, std::size_t n) {
  AqiPlan plan;
  std::array<const double*, indicator_count> by_key{};
  for (const auto& col : columns) {
    e.require_rated(col.indicator);
    if (col.values.size() != n)
      throw InvalidArgument("column " + std::string(key(col.indicator)) + " has " + std::to_string(col.values.size()) +
                            " values, expected " + std::to_string(n));
    auto& slot = by_key[static_cast<std::size_t>(col.indicator)];
    if (slot) throw InvalidArgument("column " + std::string(key(col.indicator)) + " is given twice");
    slot = col.values.data() ? col.values.data() : reinterpret_cast<const double*>(&slot);
  }
  const auto& wanted = e.indicators(period);
  std::array<bool, indicator_count> taken{};
  for (Indicator i : wanted) {
    const double* v = by_key[static_cast<std::size_t>(i)];
    if (!v) continue;
    AqiPlan::Term t{v, IaqiKernel(e, i), i, PollutantSet::bit(pollutant_of(i))};
    const AboveTop& a = e.above_top(i);
    t.substitutes = a.kind == AboveTop::Kind::substitute;
    if (t.substitutes) {
      if (const double* s = by_key[static_cast<std::size_t>(a.substitute)]) {
        t.substitute_term = static_cast<int>(plan.sources.size());
        plan.sources.push_back({s, IaqiKernel(e, a.substitute), a.substitute, 0, false, -1});
        plan.use.substitutes.push_back(a.substitute);
        taken[static_cast<std::size_t>(a.substitute)] = true;
      }
    }
    plan.terms.push_back(t);
    plan.use.used.push_back(i);
    taken[static_cast<std::size_t>(i)] = true;
  }
  for (const auto& col : columns)
    if (!taken[static_cast<std::size_t>(col.indicator)]) plan.use.ignored.push_back(col.indicator);
  // A substitute that is also an indicator is used, not only a substitute.
  auto& subs = plan.use.substitutes;
  subs.erase(std::remove_if(subs.begin(), subs.end(),
                            [&](Indicator s) {
                              return std::find(plan.use.used.begin(), plan.use.used.end(), s) != plan.use.used.end();
                            }),
             subs.end());
  if (plan.terms.empty()) {
    std::string expected;
    for (Indicator i : wanted) expected += (expected.empty() ? "" : ", ") + std::string(key(i));
    throw InvalidArgument("no indicator of the " + std::string(name(period)) + " AQI under " + e.id() +
                          " among the columns; expected some of: " + expected);
  }
  return plan;
}

struct BadCell {
  std::size_t index = npos;
  Indicator indicator = Indicator::so2_24h;
};

// The plan's constants broadcast for pack P.
template <class P>
struct AqiConstants {
  // Fixed arrays, not vectors: vector<__m512d> drops the type's alignment attribute.
  IaqiConstants<P> terms[indicator_count];
  IaqiConstants<P> sources[indicator_count];
  typename P::D pollutant_bit[indicator_count];  // raw bit patterns, OR-ed lane-wise
  explicit AqiConstants(const AqiPlan& plan) {
    for (std::size_t t = 0; t < plan.terms.size(); ++t) {
      terms[t] = IaqiConstants<P>(plan.terms[t].kernel);
      pollutant_bit[t] = P::from_bits(plan.terms[t].bit);
    }
    for (std::size_t t = 0; t < plan.sources.size(); ++t) sources[t] = IaqiConstants<P>(plan.sources[t].kernel);
  }
};

// Per-block state of the pack loop, kept in registers.
template <class P>
struct AqiAccumulators {
  typename P::D low = P::set1(0.0), high = P::set1(0.0);  // min/max input: bad-value check
};

// The AQI of the records [r, r + P::width): every indicator is read once; the running
// maximum and the pollutants reaching it stay in registers. The maximum starts at -1; a missing
// IAQI is NaN, which neither compares equal nor wins a max. Writes the AQI, the primary bits and the beyond-scale flag
// (both as raw bits / 0–1 doubles) into the block buffers at i.
template <class P>
inline void aqi_pack(const AqiPlan& plan, const AqiConstants<P>& k, std::size_t r, std::size_t i, double* aqi,
                     double* primary, double* beyond, AqiAccumulators<P>& acc) noexcept {
  using D = typename P::D;
  using M = typename P::M;
  const D minus_one = P::set1(-1.0), zero = P::set1(0.0);
  D best = minus_one, mask = zero;
  M unknown = P::lt(zero, zero), beyond_lanes = unknown;
  for (std::size_t t = 0; t < plan.terms.size(); ++t) {
    const auto& term = plan.terms[t];
    const auto& kt = k.terms[t];
    const D x = P::load(term.values + r);
    acc.low = P::min(x, acc.low);  // NaN (missing) leaves the accumulators alone
    acc.high = P::max(x, acc.high);
    const M above = P::gt(x, kt.top);
    // A missing x leaves v NaN (min(top, x) keeps NaN, so does the ramp), and the compares and
    // max below pass a NaN over: no select is needed for missing values.
    D v = ramp_ceil<P>(kt, kt.clamp_at_top ? P::min(kt.top, x) : x);
    if (kt.clamp_at_top) {  // the clamped ramp is the value above the top (500, or a note's value)
      if (term.kernel.above_is_beyond_scale) beyond_lanes = P::mor(beyond_lanes, above);
    } else if (term.substitutes) {  // HJ 633-2012 notes: rated from another indicator, or unknown
      if (term.substitute_term >= 0) {
        const auto st = static_cast<std::size_t>(term.substitute_term);
        const D sx = P::load(plan.sources[st].values + r);
        acc.low = P::min(sx, acc.low);
        acc.high = P::max(sx, acc.high);
        v = P::select(above, iaqi_pack<P>(k.sources[st], sx), v);
        unknown = P::mor(unknown, P::mand(above, P::is_nan(sx)));
        if (plan.sources[st].kernel.above_is_beyond_scale)
          beyond_lanes = P::mor(beyond_lanes, P::mand(above, P::gt(sx, k.sources[st].top)));
      } else {
        unknown = P::mor(unknown, above);  // v stays finite; the record's AQI becomes NaN
      }
    } else {
      v = P::select(above, kt.above, v);
      if (term.kernel.above_is_beyond_scale) beyond_lanes = P::mor(beyond_lanes, above);
    }
    const D bit = k.pollutant_bit[t];
    mask = P::select(P::gt(v, best), bit, P::select(P::eq(v, best), P::bor(mask, bit), mask));
    best = P::max(v, best);
  }
  // + 0 turns a -0.0 (ceil of -tolerance at x = 0) into 0.
  const D a = P::select(P::mor(P::lt(best, zero), unknown), P::set1(std::numeric_limits<double>::quiet_NaN()),
                        P::add(best, zero));
  P::store(aqi + i, a);
  P::store(primary + i, mask);
  P::store(beyond + i, P::select(beyond_lanes, P::set1(1.0), zero));
}

inline BadCell first_bad_cell(const AqiPlan& plan, std::size_t b, std::size_t m) {
  BadCell bad;
  auto scan = [&](const AqiPlan::Term& t) {
    const std::size_t at = first_bad(t.values + b, m);
    if (at != npos && (bad.index == npos || b + at < bad.index)) bad = {b + at, t.indicator};
  };
  for (const auto& t : plan.terms) scan(t);
  for (const auto& s : plan.sources) scan(s);
  return bad;
}

// Records [b, e): packs of P in blocks, the tail with the scalar pack, then the byte columns.
template <class P>
inline BadCell aqi_span_with(const AqiPlan& plan, std::size_t b, std::size_t e, const AqiColumns& out) {
  const AqiConstants<P> kp(plan);
  const AqiConstants<simd::Scalar> ks(plan);
  constexpr std::size_t B = block_size;
  alignas(64) double primary[B];
  alignas(64) double beyond[B];
  for (std::size_t blk = b; blk < e; blk += B) {
    const std::size_t m = std::min(B, e - blk);
    double* aqi = out.aqi.data() + blk;
    AqiAccumulators<P> acc;
    AqiAccumulators<simd::Scalar> acc1;
    std::size_t i = 0;
    for (; i + P::width <= m; i += P::width) aqi_pack<P>(plan, kp, blk + i, i, aqi, primary, beyond, acc);
    for (; i < m; ++i) aqi_pack<simd::Scalar>(plan, ks, blk + i, i, aqi, primary, beyond, acc1);
    const typename P::D big = P::set1(std::numeric_limits<double>::max());
    if (P::bits(P::mor(P::lt(acc.low, P::set1(0.0)), P::gt(acc.high, big))) || acc1.low < 0.0 ||
        acc1.high > std::numeric_limits<double>::max())
      return first_bad_cell(plan, blk, m);
    std::int8_t* category = out.category.data() + blk;
    std::uint8_t* primary_out = out.primary_mask.data() + blk;
    std::uint8_t* beyond_out = out.beyond_scale.data() + blk;
    for (std::size_t j = 0; j < m; ++j) {
      // SPEC A3: the categories' bounds; primary pollutants only when AQI > 50. NaN compares
      // false everywhere, so a missing AQI gets category 0 and no primary pollutant.
      const double a = aqi[j];
      const int cat = static_cast<int>(a >= 0.0) + static_cast<int>(a > 50.0) + static_cast<int>(a > 100.0) +
                      static_cast<int>(a > 150.0) + static_cast<int>(a > 200.0) + static_cast<int>(a > 300.0);
      category[j] = static_cast<std::int8_t>(cat);
      std::uint64_t bits;
      std::memcpy(&bits, &primary[j], 8);
      primary_out[j] = static_cast<std::uint8_t>(a > 50.0 ? bits : 0);
      beyond_out[j] = static_cast<std::uint8_t>(beyond[j] != 0.0);
    }
  }
  return {};
}

}  // namespace detail

// AQI of n records given as indicator columns, into `out` (every output column of length n).
// Columns outside the report's indicators are not rated and are listed in the returned use.
// Throws InvalidValue naming the first negative or infinite concentration (lowest record
// index), UnknownName for an indicator the edition does not rate, InvalidArgument for
// mismatched lengths, duplicate columns, or no usable column.
inline AqiColumnUse air_quality_index(const Edition& edition, span<const IndicatorColumn> columns, Period period,
                                      const AqiColumns& out, const IaqiOptions& options = {}) {
  const std::size_t n = out.aqi.size();
  if (out.primary_mask.size() != n || out.category.size() != n || out.beyond_scale.size() != n)
    throw InvalidArgument("air_quality_index: output columns differ in length");
  detail::AqiPlan plan = detail::plan_aqi(edition, columns, period, n);

  std::vector<std::vector<double>> rounded;
  if (options.round_inputs) {
    // Rare path: round copies of the inputs once, after checking them (A6).
    auto round_column = [&](detail::AqiPlan::Term& t) {
      for (std::size_t i = 0; i < n; ++i)
        if (detail::is_bad_concentration(t.values[i])) detail::throw_bad_concentration(t.indicator, i, t.values[i]);
      rounded.emplace_back(n);
      for (std::size_t i = 0; i < n; ++i) rounded.back()[i] = detail::round_to_reporting(t.values[i], t.indicator);
      t.values = rounded.back().data();
    };
    rounded.reserve(plan.terms.size() + plan.sources.size());
    for (auto& t : plan.terms) round_column(t);
    for (auto& s : plan.sources) round_column(s);
  }

  const unsigned chunks = detail::worker_count(n * plan.terms.size(), options.parallelism);
  std::vector<detail::BadCell> bad(std::max(1u, chunks));
  detail::parallel_chunks(n, chunks, detail::block_size, [&](unsigned chunk, std::size_t b, std::size_t e) {
    bad[chunk] = detail::aqi_span_with<detail::simd::Widest>(plan, b, e, out);
  });
  for (const auto& cell : bad)
    if (cell.index != detail::npos) {
      const double* v = nullptr;
      for (const auto& c : columns)
        if (c.indicator == cell.indicator) v = c.values.data();
      detail::throw_bad_concentration(cell.indicator, cell.index, v[cell.index]);
    }
  return std::move(plan.use);
}

// The edition of each record of a table: one byte per record, an index into the editions the
// table shares (built-in editions aliased, others copied: aqi::share). `[i]` is a pointer to the
// record's edition, valid as long as the table (or any copy of it) lives.
class RecordEditions {
 public:
  const Edition* operator[](std::size_t record) const noexcept { return editions_[index_[record]].get(); }
  std::size_t size() const noexcept { return index_.size(); }
  std::uint8_t index(std::size_t record) const noexcept { return index_[record]; }
  const std::vector<std::uint8_t>& indices() const noexcept { return index_; }
  const std::vector<std::shared_ptr<const Edition>>& editions() const noexcept { return editions_; }

  void resize(std::size_t n) { index_.resize(n); }

  // Records [begin, end) are rated by `e`; returns its index among the table's editions.
  std::size_t assign(std::size_t begin, std::size_t end, const Edition& e) {
    std::size_t k = 0;
    while (k < editions_.size() && editions_[k].get() != &e) ++k;
    if (k == editions_.size()) {
      if (k > 255) throw InvalidArgument("an AQI table holds at most 256 editions");
      editions_.push_back(share(e));
    }
    std::fill(index_.begin() + static_cast<std::ptrdiff_t>(begin), index_.begin() + static_cast<std::ptrdiff_t>(end),
              static_cast<std::uint8_t>(k));
    return k;
  }

 private:
  std::vector<std::uint8_t> index_;
  std::vector<std::shared_ptr<const Edition>> editions_;
};

// The AQI table of n records, owning its columns and the editions that rated them. Every record
// says which edition rated it (SPEC A7), and every edition used says which columns it used and
// ignored. A copy shares the editions, never the columns.
struct AqiTable {
  std::vector<double> aqi;
  std::vector<std::uint8_t> primary_mask;
  std::vector<std::int8_t> category;
  std::vector<std::uint8_t> beyond_scale;
  RecordEditions record_edition;
  std::vector<std::pair<std::shared_ptr<const Edition>, AqiColumnUse>> uses;

  std::size_t size() const noexcept { return aqi.size(); }
  PollutantSet primary(std::size_t i) const { return PollutantSet(primary_mask[i]); }

  void resize(std::size_t n) {
    aqi.resize(n);
    primary_mask.resize(n);
    category.resize(n);
    beyond_scale.resize(n);
    record_edition.resize(n);
  }
  AqiColumns columns(std::size_t begin, std::size_t count) {
    return {{aqi.data() + begin, count},
            {primary_mask.data() + begin, count},
            {category.data() + begin, count},
            {beyond_scale.data() + begin, count}};
  }

  // Records [begin, end) were rated by `e`, which used the columns `use` says.
  void rated(std::size_t begin, std::size_t end, const Edition& e, AqiColumnUse use) {
    const std::size_t k = record_edition.assign(begin, end, e);
    if (k == uses.size()) uses.emplace_back(record_edition.editions()[k], std::move(use));
  }
};

// Undated records: one edition for all (SPEC A7: undated calls name their edition).
inline AqiTable air_quality_index(const Edition& edition, span<const IndicatorColumn> columns, Period period,
                                  const IaqiOptions& options = {}) {
  const std::size_t n = columns.empty() ? 0 : columns[0].values.size();
  AqiTable t;
  t.resize(n);
  t.rated(0, n, edition, air_quality_index(edition, columns, period, t.columns(0, n), options));
  return t;
}

// Dated records: each takes the edition in force on its date (SPEC A7). Records are rated in
// runs of equal edition, so sorted dates cost one call per edition.
inline AqiTable air_quality_index(span<const boost::gregorian::date> dates, span<const IndicatorColumn> columns,
                                  Period period, const IaqiOptions& options = {}) {
  const std::size_t n = dates.size();
  for (const auto& c : columns)
    if (c.values.size() != n)
      throw InvalidArgument("column " + std::string(key(c.indicator)) + " has " + std::to_string(c.values.size()) +
                            " values for " + std::to_string(n) + " dates");
  AqiTable t;
  t.resize(n);
  std::vector<IndicatorColumn> part(columns.begin(), columns.end());
  for (std::size_t b = 0; b < n;) {
    const Edition& e = edition_in_force(dates[b]);
    std::size_t end = b + 1;
    while (end < n && &edition_in_force(dates[end]) == &e) ++end;
    for (std::size_t k = 0; k < part.size(); ++k) part[k].values = columns[k].values.subspan(b, end - b);
    try {
      t.rated(b, end, e, air_quality_index(e, part, period, t.columns(b, end - b), options));
    } catch (const InvalidValue& bad) {  // report the index in the whole table, not the run
      const std::size_t at = b + bad.index();
      const double* v = nullptr;
      for (const auto& c : columns)
        if (std::string(key(c.indicator)) == bad.field()) v = c.values.data();
      detail::throw_bad_concentration(parse_indicator(bad.field()), at, v[at]);
    }
    b = end;
  }
  return t;
}

// The concentrations of one record, by indicator (NaN = not measured).
class Concentrations {
 public:
  Concentrations() { values_.fill(std::numeric_limits<double>::quiet_NaN()); }
  Concentrations& set(Indicator i, double value) {
    values_[static_cast<std::size_t>(i)] = value;
    return *this;
  }
  double operator[](Indicator i) const noexcept { return values_[static_cast<std::size_t>(i)]; }
  bool has(Indicator i) const noexcept { return !std::isnan((*this)[i]); }

 private:
  std::array<double, indicator_count> values_;
};

// The AQI of one record, with its explanation.
struct AqiResult {
  double aqi = std::numeric_limits<double>::quiet_NaN();
  PollutantSet primary;
  Category category = Category::missing;
  bool beyond_scale = false;
  std::string edition;
  AqiColumnUse use;
};

inline AqiResult air_quality_index(const Edition& edition, const Concentrations& record, Period period,
                                   const IaqiOptions& options = {}) {
  std::vector<IndicatorColumn> columns;
  std::array<double, indicator_count> values{};
  for (Indicator i : all_indicators) {
    if (!record.has(i)) continue;
    values[static_cast<std::size_t>(i)] = record[i];
    columns.push_back({i, span<const double>(&values[static_cast<std::size_t>(i)], 1)});
  }
  double a;
  std::uint8_t mask, beyond;
  std::int8_t cat;
  AqiResult r;
  r.use =
      air_quality_index(edition, columns, period, AqiColumns{{&a, 1}, {&mask, 1}, {&cat, 1}, {&beyond, 1}}, options);
  r.aqi = a;
  r.primary = PollutantSet(mask);
  r.category = static_cast<Category>(cat);
  r.beyond_scale = beyond != 0;
  r.edition = edition.id();
  return r;
}

}  // namespace aqi
