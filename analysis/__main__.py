"""Command line: ``python -m analysis build [--corpus DIR] [--out DIR]``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="execute every notebook in a fresh kernel, write figures/ and the HTML reports")
    build.add_argument("--corpus", type=Path, default=paths.SEED_CORPUS,
                       help="folder of articles with a manifest.csv (default: raw/)")
    build.add_argument("--out", type=Path, default=paths.ROOT,
                       help="folder that receives notebooks/, figures/ and reports/ (default: the repository)")
    args = parser.parse_args(argv)

    from .build import BuildError, build_all
    try:
        build_all(args.corpus, args.out)
    except BuildError as err:
        print(f"\nbuild failed: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
