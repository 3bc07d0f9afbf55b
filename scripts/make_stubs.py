#!/usr/bin/python3
"""Writes bindings/aqi/_core.pyi from the compiled module's own signatures (pybind11 puts them in
each docstring), so editors complete the compiled API and say what each call returns. Run after
a build:
    PYTHONPATH=build/python /usr/bin/python3 scripts/make_stubs.py [--check]
--check writes nothing and exits 1 when the file on disk differs. tests/python/test_stubs.py runs
`python3 -m mypy.stubtest aqi._core` against the file."""
import inspect
import pathlib
import re
import sys

from aqi import _core

STUB = pathlib.Path(__file__).resolve().parents[1] / "bindings" / "aqi" / "_core.pyi"

# pybind11's spelling of numpy and typing names → what a type checker reads.
# (aqi::X: a class pybind11 met before it was bound prints its C++ name.)
SIMPLE = [(r"\baqi\._core\.", ""), (r"\baqi::(\w+)", r"\1"),
          (r"\bnumpy\.ndarray\[bool\]", "numpy.typing.NDArray[numpy.bool_]"),
          (r"\bnumpy\.ndarray\[numpy\.(\w+)\]", r"numpy.typing.NDArray[numpy.\1]"),
          (r"\bnumpy\.ndarray\b(?!\[)", "numpy.typing.NDArray[typing.Any]"), (r"\bList\[", "list["),
          (r"\bTuple\[", "tuple["), (r"\bDict\[", "dict["), (r"\bSet\[", "set["),
          (r"\bCallable\[", "typing.Callable["), (r"\bIterator\[", "typing.Iterator["), (r"\bobject\b", "typing.Any"),
          (r"\bhandle\b", "typing.Any"), (r"\bnumpy\.float64\b(?!\])", "float")]


def closing(text, start):
    """Index of the ']' that closes the '[' at text[start]."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"[": 1, "]": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError(f"unbalanced brackets in {text!r}")


def without_optional(text):
    """Optional[X] → X | None, brackets matched (X may hold brackets of its own)."""
    while (m := re.search(r"\bOptional\[", text)):
        end = closing(text, m.end() - 1)
        text = text[:m.start()] + without_optional(text[m.end():end]) + " | None" + text[end + 1:]
    return text


def python_type(text):
    for pattern, repl in SIMPLE:
        text = re.sub(pattern, repl, text)
    return without_optional(text)


def split_top(params):
    """Split a parameter list at its top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in params:
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def signatures(doc, name):
    """The pybind11 signatures of `name` in its docstring: [(params, return type)]."""
    out = []
    for line in (doc or "").splitlines():
        line = re.sub(r"^\d+\. ", "", line.strip())
        if not line.startswith(name + "("):
            continue
        close = line.rfind(") -> ")
        if close < 0:
            continue
        out.append((line[len(name) + 1:close], line[close + 5:]))
    return out


def parameter(p, method):
    if method and re.match(r"^self(: .*)?$", p):
        return "self"
    if ": " not in p:
        return p
    pname, rest = p.split(": ", 1)
    default = ""
    if " = " in rest:
        rest, _ = rest.split(" = ", 1)
        default = " = ..."
    return f"{pname}: {python_type(rest)}{default}"


def function(name, obj, indent="", method=False, static=False):
    sigs = signatures(getattr(obj, "__doc__", ""), name)
    if not sigs and name == "__init__":
        return []  # no constructor bound: made by the module's functions only
    if not sigs:
        self = "self, " if method and not static else ""
        return [f"{indent}def {name}({self}*args: typing.Any, **kwargs: typing.Any) -> typing.Any: ..."]
    lines = []
    for params, ret in sigs:
        ps = ", ".join(parameter(p, method and not static) for p in split_top(params))
        if len(sigs) > 1:
            lines.append(f"{indent}@typing.overload")
        if static:
            lines.append(f"{indent}@staticmethod")
        ret = "None" if name == "__init__" else python_type(ret)
        lines.append(f"{indent}def {name}({ps}) -> {ret}: ...")
    return lines


def prop(name, p, indent):
    sigs = signatures(getattr(p.fget, "__doc__", ""), "") if p.fget else []
    doc = (getattr(p.fget, "__doc__", "") or "").splitlines()
    ret = "typing.Any"
    for line in doc:
        m = re.match(r"^\((?:self|arg0): [^)]*\) -> (.*)$", line.strip())
        if m:
            ret = python_type(m.group(1))
            break
    del sigs
    lines = [f"{indent}@property", f"{indent}def {name}(self) -> {ret}: ..."]
    if p.fset is not None:
        lines += [f"{indent}@{name}.setter", f"{indent}def {name}(self, value: {ret}) -> None: ..."]
    return lines


def klass(name, cls):
    if issubclass(cls, BaseException):
        return [f"class {name}(ValueError): ..."]
    lines = [f"class {name}:"]
    for n, m in sorted(vars(cls).items()):
        if n.startswith("_") and n not in ("__init__", "__len__", "__eq__", "__getitem__", "__iter__",
                                           "__copy__", "__deepcopy__", "__contains__"):
            continue
        if isinstance(m, property):
            lines += prop(n, m, "    ")
        elif isinstance(m, staticmethod):
            lines += function(n, m.__func__, "    ", method=True, static=True)
        elif callable(m):
            lines += function(n, m, "    ", method=True)
        else:
            lines.append(f"    {n}: {type(m).__name__}")
    return lines if len(lines) > 1 else lines + ["    ..."]


def stub_text():
    out = ['"""Type stubs of aqi._core (generated by scripts/make_stubs.py from the module\'s signatures)."""',
           "import typing", "", "import numpy", "import numpy.typing", "", "__version__: str"]
    items = sorted((n, o) for n, o in vars(_core).items() if not n.startswith("__"))
    for name, obj in items:  # classes first: functions refer to them
        if inspect.isclass(obj):
            out += [""] + klass(name, obj)
    out.append("")
    for name, obj in items:
        if not inspect.isclass(obj) and callable(obj):
            out += function(name, obj)
        elif not inspect.isclass(obj):
            out.append(f"{name}: {type(obj).__name__}")
    return "\n".join(out) + "\n"


def main():
    text = stub_text()
    if "--check" in sys.argv:
        sys.exit(0 if STUB.read_text(encoding="utf-8") == text else 1)
    STUB.write_text(text, encoding="utf-8")
    print(f"wrote {STUB}")


if __name__ == "__main__":
    main()
