#!/usr/bin/env python3
"""Self-check of the response-measure catalogue (SPEC R2). Standard library only (Python >= 3.11).

Usage:
    python3 check_catalogue.py [CATALOGUE.toml] [--plan PLAN.zh.txt]

Without --plan, the plan text is looked for at /work/shared/reference/yiyuan-2019-plan.zh.txt;
if it is not there, the verbatim checks (zh against §5.5.1–3, duties against annex 3) are skipped
with a notice and only the structural checks run. Exit status 0 = all checks passed.
"""
from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CATALOGUE = HERE / "yiyuan-2019.toml"
DEFAULT_PLAN = Path("/work/shared/reference/yiyuan-2019-plan.zh.txt")

TOP_KEYS = {"document", "document_issuer", "document_date", "department", "measure"}
DEPT_KEYS = {"id", "name_zh", "name_en", "duties_zh", "source", "note"}
MEASURE_KEYS = {"id", "response", "class", "sector", "item", "topic", "heading_zh", "zh", "en",
                "departments", "departments_basis", "source", "note"}
LEVELS = ("III", "II", "I")
CLASSES = ("health", "advisory", "mandatory", "procedure")
SECTORS = ("industrial", "dust", "mobile", "other")
SECTOR_ITEM = {"industrial": "①", "dust": "②", "mobile": "③", "other": "④"}
# The plan has no ④ (other) at level III: follow the text exactly.
REQUIRED_SECTORS = {"III": {"industrial", "dust", "mobile"},
                    "II": set(SECTORS), "I": set(SECTORS)}
TERMINATOR = '\x29aqi_data"'  # raw-string terminator, spelled so this file never contains it
WS = re.compile(r"\s+")

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def nows(s: str) -> str:
    return WS.sub("", s)


def check_raw(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("file starts with a UTF-8 BOM")
    if b"\r" in raw:
        err("file contains CR characters (use LF line endings)")
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if TERMINATOR in text:
        err("file contains the raw-string terminator")
    return text


def check_structure(cat: dict) -> None:
    for k in cat:
        if k not in TOP_KEYS:
            err(f"unknown top-level key {k!r}")
    for k in ("document", "department", "measure"):
        if k not in cat:
            err(f"missing top-level key {k!r}")

    depts = cat.get("department", [])
    dept_ids = [d.get("id") for d in depts]
    for d in depts:
        keys = set(d)
        if keys != DEPT_KEYS:
            err(f"department {d.get('id')!r}: keys {sorted(keys ^ DEPT_KEYS)} differ from schema")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(d.get("id", ""))):
            err(f"department id {d.get('id')!r} is not a lower-case ASCII identifier")
        for k in ("name_zh", "name_en", "source"):
            if not d.get(k):
                err(f"department {d.get('id')!r}: empty {k}")
        if not d.get("duties_zh") and not d.get("note"):
            err(f"department {d.get('id')!r}: empty duties_zh needs a note saying why")
    for i, n in Counter(dept_ids).items():
        if n > 1:
            err(f"department id {i!r} used {n} times")
    known = set(dept_ids)

    ms = cat.get("measure", [])
    ids = [m.get("id") for m in ms]
    for i, n in Counter(ids).items():
        if n > 1:
            err(f"measure id {i!r} used {n} times")
    numbers = defaultdict(list)
    for m in ms:
        mid = m.get("id", "?")
        keys = set(m)
        if keys != MEASURE_KEYS:
            err(f"{mid}: keys {sorted(keys ^ MEASURE_KEYS)} differ from schema")
            continue
        lvl, cls, sec, item = m["response"], m["class"], m["sector"], m["item"]
        if lvl not in LEVELS:
            err(f"{mid}: response {lvl!r} not in {LEVELS}")
        if cls not in CLASSES:
            err(f"{mid}: class {cls!r} not in {CLASSES}")
        if cls == "mandatory":
            if sec not in SECTORS:
                err(f"{mid}: mandatory measure with sector {sec!r}")
            elif item != SECTOR_ITEM[sec]:
                err(f"{mid}: sector {sec} must have item {SECTOR_ITEM[sec]}, has {item!r}")
        elif sec != "":
            err(f"{mid}: sector must be empty for class {cls}")
        if cls == "advisory" and item not in ("①", "②", "③", "④"):
            err(f"{mid}: advisory measure needs item ①–④")
        if cls in ("health", "procedure") and (item or m["heading_zh"]):
            err(f"{mid}: {cls} measures have empty item and heading_zh")
        if cls in ("advisory", "mandatory") and not m["heading_zh"]:
            err(f"{mid}: {cls} measures need heading_zh")
        group = sec if cls == "mandatory" else cls
        mm = re.fullmatch(r"(III|II|I)-([a-z]+)-([1-9][0-9]*)", mid)
        if not mm or mm.group(1) != lvl or mm.group(2) != group:
            err(f"{mid}: id must be {lvl}-{group}-<n>")
        else:
            numbers[(lvl, group)].append(int(mm.group(3)))
        if not re.fullmatch(r"[a-z][a-z0-9-]*", m["topic"]):
            err(f"{mid}: topic {m['topic']!r} is not a lower-case ASCII slug")
        z = m["zh"]
        if not z or z != nows(z):
            err(f"{mid}: zh empty or contains whitespace")
        if z and z[-1] in "；。;":
            err(f"{mid}: zh must not end with the clause terminator")
        if not m["en"]:
            err(f"{mid}: empty en")
        if not m["departments"]:
            err(f"{mid}: no departments")
        for d in m["departments"]:
            if d not in known:
                err(f"{mid}: unknown department {d!r}")
        if len(set(m["departments"])) != len(m["departments"]):
            err(f"{mid}: department listed twice")
        if not m["departments_basis"]:
            err(f"{mid}: empty departments_basis")
        if not m["source"].startswith("§"):
            err(f"{mid}: source {m['source']!r} must cite a plan section (§…)")
        if cls in ("health", "advisory", "mandatory"):
            n = {"III": 1, "II": 2, "I": 3}.get(lvl)
            sub = {"health": 1, "advisory": 2, "mandatory": 3}[cls]
            want = f"§5.5.{n}({sub}){item}"
            if m["source"] != want:
                err(f"{mid}: source {m['source']!r}, expected {want!r}")
    for (lvl, group), ns in numbers.items():
        if sorted(ns) != list(range(1, len(ns) + 1)):
            err(f"{lvl}-{group}-*: numbers {sorted(ns)} are not 1..{len(ns)}")

    for lvl in LEVELS:
        at = [m for m in ms if m.get("response") == lvl]
        for cls in ("health", "advisory", "mandatory"):
            if not any(m.get("class") == cls for m in at):
                err(f"level {lvl}: no {cls} measures")
        secs = {m.get("sector") for m in at if m.get("class") == "mandatory"}
        if secs != REQUIRED_SECTORS[lvl]:
            err(f"level {lvl}: mandatory sectors {sorted(secs)}, expected "
                f"{sorted(REQUIRED_SECTORS[lvl])}")
    # Procedures, if present, are the same at every level.
    procs = {lvl: [(m["topic"], m["zh"], tuple(m["departments"])) for m in ms
                   if m.get("class") == "procedure" and m.get("response") == lvl] for lvl in LEVELS}
    if len({tuple(v) for v in procs.values()}) > 1:
        err("procedure entries differ between levels")


def level_sections(plan: str) -> dict[str, str]:
    """§5.5.1–3 of the plan, whitespace removed, one string per level."""
    start = plan.index("1. III级响应措施")
    end = plan.index("（六）响应终止")
    body = nows(plan[start:end])
    i2 = body.index("2.II级响应措施")
    i3 = body.index("3.I级响应措施")
    return {"III": body[:i2], "II": body[i2:i3], "I": body[i3:]}


# Framing text of each level section: titles, lead-ins and class headings. Everything in a level
# section that is neither framing nor the zh/heading_zh of some entry must be one of SEPARATORS.
FRAMING = [r"^[123]\.(III|II|I)级响应措施", r"(III|II|I)级响应时，应当至少采取以下措施：",
           r"[(（][123][)）](健康防护措施|倡议性污染减排措施|强制性污染减排措施)", r"主要包括："]
SEPARATORS = set("；。：①②③④")


def check_coverage(cat: dict, plan: str) -> None:
    secs = level_sections(plan)
    for lvl, text in secs.items():
        covered = [False] * len(text)

        def mark(a: int, b: int) -> None:
            for k in range(a, b):
                covered[k] = True

        for pat in FRAMING:
            for mo in re.finditer(pat, text):
                mark(mo.start(), mo.end())
        cursor = 0
        last_heading = None
        for m in cat["measure"]:
            if m["response"] != lvl or m["class"] == "procedure":
                continue
            if m["heading_zh"] and (m["class"], m["heading_zh"]) != last_heading:
                # a new item (mandatory: "①工业企业减排措施：") or class lead-in (advisory)
                needle = m["heading_zh"]
                if m["class"] == "mandatory":
                    needle = m["item"] + m["heading_zh"] + "："
                pos = text.find(needle, cursor)
                if pos < 0:
                    err(f"{m['id']}: heading {needle!r} not found in order in §5.5 level {lvl}")
                    continue
                mark(pos, pos + len(needle))
                cursor = pos + len(needle)
                last_heading = (m["class"], m["heading_zh"])
            needle = m["zh"]
            if m["class"] == "advisory":
                needle = m["item"] + m["zh"]
            pos = text.find(needle, cursor)
            if pos < 0:
                err(f"{m['id']}: zh not found verbatim (in plan order) in §5.5 level {lvl}")
                continue
            skipped = [ch for ch, c in zip(text[cursor:pos], covered[cursor:pos])
                       if not c and ch not in SEPARATORS]
            if skipped:
                err(f"{m['id']}: plan text skipped before it: {text[cursor:pos]!r}")
            mark(pos, pos + len(needle))
            end = pos + len(needle)
            if end < len(text) and text[end] not in "；。":
                err(f"{m['id']}: zh ends mid-clause (next char {text[end]!r})")
            cursor = end
        residue = "".join(ch for ch, c in zip(text, covered) if not c)
        bad = [ch for ch in residue if ch not in SEPARATORS]
        if bad:
            err(f"level {lvl}: plan text not covered by any measure: {''.join(bad)!r}")
    whole = nows(plan)
    for m in cat["measure"]:
        if m["class"] == "procedure" and m["zh"] not in whole:
            err(f"{m['id']}: procedure zh not found verbatim in the plan")


NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
            "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一"]


def check_duties(cat: dict, plan: str) -> None:
    annex = plan[plan.index("附件 3\n"):]
    blocks = {}
    heads = list(re.finditer(r"^(" + "|".join(sorted(NUMERALS, key=len, reverse=True)) + r")、(.+)$",
                             annex, re.M))
    for k, h in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(annex)
        blocks[h.group(1)] = (h.group(2).strip(), nows(annex[h.end():end]))
    for d in cat["department"]:
        mo = re.fullmatch(r"附件3 (\S+)", d["source"])
        if not mo or mo.group(1) not in blocks:
            err(f"department {d['id']}: source {d['source']!r} names no annex 3 item")
            continue
        name, body = blocks[mo.group(1)]
        if d["name_zh"] != name and d["name_zh"] not in name.split("、"):
            err(f"department {d['id']}: name_zh {d['name_zh']!r} is not annex 3 heading {name!r}")
        if d["duties_zh"] != body:
            err(f"department {d['id']}: duties_zh differs from annex 3 {mo.group(1)}")


def summary(cat: dict) -> None:
    print("measures per level and class (mandatory by sector):")
    for lvl in LEVELS:
        at = [m for m in cat["measure"] if m["response"] == lvl]
        c = Counter(m["class"] for m in at)
        s = Counter(m["sector"] for m in at if m["class"] == "mandatory")
        print(f"  {lvl:>3}: health {c['health']}, advisory {c['advisory']}, mandatory "
              f"{c['mandatory']} ({', '.join(f'{k} {s[k]}' for k in SECTORS if s[k])}), "
              f"procedure {c['procedure']}")
    print(f"departments: {len(cat['department'])}")
    used = {d for m in cat["measure"] for d in m["departments"]}
    unused = [d["id"] for d in cat["department"] if d["id"] not in used]
    if unused:
        print(f"  departments named by no entry: {', '.join(unused)}")


def main(argv: list[str]) -> int:
    args = list(argv)
    plan_path = DEFAULT_PLAN
    if "--plan" in args:
        k = args.index("--plan")
        plan_path = Path(args[k + 1])
        del args[k:k + 2]
    path = Path(args[0]) if args else DEFAULT_CATALOGUE
    check_raw(path)
    with path.open("rb") as f:
        cat = tomllib.load(f)
    check_structure(cat)
    if not errors:
        if plan_path.exists():
            plan = plan_path.read_text(encoding="utf-8")
            check_coverage(cat, plan)
            check_duties(cat, plan)
        else:
            print(f"notice: plan text {plan_path} not found; verbatim checks skipped")
    for e in errors:
        print("ERROR:", e)
    if not errors:
        summary(cat)
        print("OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
