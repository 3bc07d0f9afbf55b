"""What every bench/compare_*.py shares: the command line, best-of timing, the machine line,
and the JSON that ./scripts/bench keeps under build/bench/."""
import argparse
import json
import os
import platform
import time

import numpy as np


def parser(description, repeat):
    """--repeat, --quick (a small run that checks agreement; timings meaningless), --json PATH."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--repeat", type=int, default=repeat)
    ap.add_argument("--quick", action="store_true", help="small run: checks agreement, timings meaningless")
    ap.add_argument("--json", help="write the figures to this file")
    return ap


def best_of(fn, repeat):
    """The fastest of `repeat` runs of fn(), in seconds (the least disturbed by other work)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def best_of_each(fns, repeat):
    """The fastest of `repeat` runs of each of fns (a dict name → function), in seconds, taken in
    turns (each round runs every function once) so that a ratio of two of them compares runs
    that saw the same moments of a shared machine."""
    best = {name: float("inf") for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def machine():
    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}"


def write_json(path, result):
    if path:
        with open(path, "w") as f:
            json.dump(dict(result, machine=machine()), f, indent=2)
