"""Write a folder of article text files as JSON Lines on standard output,
one article a line (`id` the file name without extension, `text` the file),
the input of `quotetrack extract --input jsonl` and of the Spark stage.

    python3 examples/spark/articles_jsonl.py ../shared/eval/polnear/train/text > train.jsonl
    python3 examples/spark/articles_jsonl.py DIR --repeat 330 | quotetrack extract --input jsonl - > /dev/null

--repeat N writes the folder N times over (ids suffixed ~1, ~2, ...): a long
stream for measuring throughput and memory.
"""

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".text", ".md"))
    lines = [
        (p.stem, json.dumps({"text": p.read_text(encoding="utf-8")}, ensure_ascii=False)[1:])
        for p in files
    ]
    out = sys.stdout
    for n in range(args.repeat):
        suffix = "" if args.repeat == 1 else f"~{n + 1}"
        for doc, rest in lines:
            out.write(f'{{"id": {json.dumps(doc + suffix)}, {rest}\n')
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
