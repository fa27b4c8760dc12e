"""Run every benchmark module and print their figures (``--json``: one JSON object)."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import time
import traceback
from pathlib import Path

import scripts.benchlib as benchlib


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only", action="append", default=[], help="run only these benchmark modules (repeatable)"
    )
    args = parser.parse_args(argv)
    figures: dict[str, float | int] = {}
    failures: dict[str, str] = {}
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(benchlib.__file__).parent)])
        if not m.name.startswith("_")
    )
    for name in names:
        if args.only and name not in args.only:
            continue
        started = time.monotonic()
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"scripts.benchlib.{name}")
            figures.update(module.run())
        except Exception as error:  # one failing benchmark must not hide the others' figures
            failures[name] = f"{type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
        print(f"bench: {name} done in {time.monotonic() - started:.1f} s", file=sys.stderr)
    if failures:
        figures_out: dict[str, object] = {**figures, "failures": failures}
    else:
        figures_out = dict(figures)
    if args.json:
        print(json.dumps(figures_out, sort_keys=True))
    else:
        for key, value in sorted(figures_out.items()):
            print(f"{key}: {value}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
