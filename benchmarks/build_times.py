"""Wall time of the README's commands on a fresh clone, against the floor of an empty notebook.

    python benchmarks/build_times.py [--keep]

Clones the committed HEAD into a temporary folder, then times, in one run on this machine:
a fresh `make` (virtualenv, install, every notebook, figures, HTML), a repeat `make`, `make test`,
and the execution of an empty notebook in a fresh kernel (the least any notebook costs). Also
checks that the repeat build left `git status` clean. Prints a table; asserts nothing about speed.
"""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMPTY_NOTEBOOK = """
import nbformat, time
from nbclient import NotebookClient
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
start = time.perf_counter()
NotebookClient(nb, kernel_name="python3", record_timing=False).execute()
print(time.perf_counter() - start)
"""


def timed(command: list[str], cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANALYSIS_")}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def main() -> None:
    keep = "--keep" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="build-times-"))
    clone = work / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    rows = [("make (fresh clone)", timed(["make"], clone))]
    rows.append(("make (repeat, nothing changed)", timed(["make"], clone)))
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
    rows.append(("make test", timed(["make", "test"], clone)))
    floor = subprocess.run([str(clone / ".venv/bin/python"), "-c", EMPTY_NOTEBOOK], cwd=clone,
                           capture_output=True, text=True, check=True)
    rows.append(("empty notebook, fresh kernel (floor)", float(floor.stdout.strip().splitlines()[-1])))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'step':<40}{'wall time':>12}")
    for step, seconds in rows:
        print(f"{step:<40}{seconds:>10.1f} s")
    print("git status after the repeat build:", "clean" if not dirty else f"DIRTY\n{dirty}")
    if keep:
        print(f"clone kept in {clone}")
    else:
        subprocess.run(["rm", "-rf", str(work)], check=True)


if __name__ == "__main__":
    main()
