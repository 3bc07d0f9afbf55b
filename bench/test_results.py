"""bench/results.py: one file per run with every ratio, and the comparison that fails a CI run on
a ratio that got worse beyond the noise margin (ctest runs this file: bench.results)."""
import io
import json

import pytest

import results


def write(path, data):
    path.write_text(json.dumps(data))


@pytest.fixture
def run_dir(tmp_path):
    """A run's files as ./scripts/bench leaves them: two comparisons and one Google Benchmark
    file with two repetitions of each benchmark."""
    write(tmp_path / "compare_aqi.json", {"aqi_ms": 4.0, "numpy_ms": 200.0, "stream_ms": 3.2,
                                          "speedup_vs_numpy": 50.0, "ratio_to_stream": 1.25})
    write(tmp_path / "compare_kiln_schedule.json", {"aqi_ms": 6.0, "round_robin_ms": 4.0, "aqi_gap": 1e-9})
    bench = [{"name": "BM_Aqi/2/real_time", "run_name": "BM_Aqi/2/real_time", "run_type": "iteration",
              "real_time": t, "time_unit": "ms"} for t in (5.0, 4.0)]
    bench += [{"name": "BM_StreamSum/real_time", "run_name": "BM_StreamSum/real_time", "run_type": "iteration",
               "real_time": t, "time_unit": "ms"} for t in (3.0, 3.5)]
    bench += [{"name": "BM_Aqi/2/real_time_mean", "run_name": "BM_Aqi/2/real_time", "run_type": "aggregate",
               "real_time": 4.5, "time_unit": "ms"}]
    write(tmp_path / "air_quality_index_bench.json", {"benchmarks": bench})
    write(tmp_path / "archive_memory.json", {"runs": [{"chunk_stations": 10, "peak_mb": 600.0}]})
    return tmp_path


def test_collect_keeps_every_ratio_of_the_run(run_dir):
    run = results.collect(str(run_dir), str(run_dir / "results.json"))
    ratios = {k: v["value"] for k, v in run["ratios"].items()}
    # best repetitions: 4.0 ms / 3.0 ms; kilns 6 ms / 4 ms; the comparison's own ratios as they are
    assert ratios == {"compare_aqi.speedup_vs_numpy": 50.0, "compare_aqi.ratio_to_stream": 1.25,
                      "compare_kiln_schedule.time_to_round_robin": 1.5,
                      "air_quality_index_bench.aqi_2_threads_to_stream": pytest.approx(4.0 / 3.0)}
    assert run["ratios"]["compare_aqi.speedup_vs_numpy"]["better"] == "higher"
    assert run["comparisons"]["compare_aqi"]["aqi_ms"] == 4.0
    assert {b["name"]: b["real_time"] for b in run["benchmarks"]["air_quality_index_bench"]} == {
        "BM_Aqi/2/real_time": 4.0, "BM_StreamSum/real_time": 3.0}
    assert run["archive_memory"]["runs"][0]["peak_mb"] == 600.0  # kept for reading, not judged
    assert json.loads((run_dir / "results.json").read_text())["ratios"] == run["ratios"]


def ratios(**values):
    better = {"speedup": "higher", "to_stream": "lower"}
    return {"ratios": {k: {"value": v, "better": better[k]} for k, v in values.items()}}


def test_compare_fails_beyond_the_margin_and_names_what_got_slower():
    out = io.StringIO()
    # speed-up 50 → 35: 50/35 = 1.43 times worse; to_stream 1.25 → 1.30: 4 % worse
    slower = results.compare(ratios(speedup=50.0, to_stream=1.25), ratios(speedup=35.0, to_stream=1.30), 0.25, out)
    assert slower == ["speedup"]
    text = out.getvalue()
    assert "+42.9 %  SLOWER" in text and "+4.0 %  slower" in text
    assert "1 ratio(s) worse by more than 25 %: speedup" in text


def test_compare_passes_within_the_margin_and_on_improvements():
    out = io.StringIO()
    # to_stream 1.25 → 1.50 is 20 % worse: inside a 25 % margin; the speed-up improved
    assert results.compare(ratios(speedup=50.0, to_stream=1.25), ratios(speedup=60.0, to_stream=1.50), 0.25, out) == []
    assert "no ratio worse by more than 25 %" in out.getvalue()
    assert results.compare(ratios(to_stream=1.25), ratios(to_stream=1.50), 0.10, io.StringIO()) == ["to_stream"]


def test_main_exits_1_on_a_regression(tmp_path):
    write(tmp_path / "old.json", dict(ratios(to_stream=1.0), noise_margin=0.25))
    write(tmp_path / "new.json", ratios(to_stream=1.3))
    assert results.main(["compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 1
    assert results.main(["compare", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--margin", "0.5"]) == 0


def test_command_line_exit_codes_on_hand_made_runs(tmp_path):
    """What ./scripts/bench --compare runs: `results.py compare OLD NEW`, exit 1 on a ratio worse
    beyond the margin, 0 otherwise; a ratio measured in one run only is named, never judged."""
    import subprocess
    import sys
    script = results.__file__
    write(tmp_path / "old.json", dict(ratios(speedup=40.0, to_stream=1.2), noise_margin=0.25))
    write(tmp_path / "same.json", ratios(speedup=38.0, to_stream=1.26))      # 5 % and 5 % worse
    write(tmp_path / "worse.json", ratios(speedup=40.0, to_stream=1.56))     # 30 % worse
    write(tmp_path / "partial.json", ratios(speedup=41.0))                   # to_stream not measured

    def run(new, *extra):
        return subprocess.run([sys.executable, script, "compare", str(tmp_path / "old.json"), str(tmp_path / new),
                               *extra], capture_output=True, text=True)

    same, worse, partial = run("same.json"), run("worse.json"), run("partial.json")
    assert same.returncode == 0 and "no ratio worse by more than 25 %" in same.stdout
    assert worse.returncode == 1 and "1 ratio(s) worse by more than 25 %: to_stream" in worse.stdout
    assert partial.returncode == 0 and "to_stream: in the old run only (not measured now)" in partial.stdout
    assert run("worse.json", "--margin", "0.35").returncode == 0
    assert run("same.json", "--margin", "0.01").returncode == 1
