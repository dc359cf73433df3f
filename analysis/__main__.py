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
    scorer = commands.add_parser("score", help="score the annotators on a corpus against a hand-coded gold")
    scorer.add_argument("--corpus", type=Path, required=True, help="corpus folder (articles + manifest.csv)")
    scorer.add_argument("--gold", type=Path, required=True, help="gold JSON in the format of tests/gold/gold.json")
    args = parser.parse_args(argv)

    if args.command == "score":
        import pandas as pd

        from .corpus import CorpusError, load_corpus
        from .scoring import load_gold, score
        try:
            summary = score(load_corpus(args.corpus), load_gold(args.gold))["summary"]
        except CorpusError as err:
            print(f"score failed: {err}", file=sys.stderr)
            return 1
        with pd.option_context("display.width", 200):
            print(summary.to_string(index=False))
        return 0

    from .build import BuildError, build_all
    try:
        build_all(args.corpus, args.out)
    except BuildError as err:
        print(f"\nbuild failed: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
