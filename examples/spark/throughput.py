"""Python extract_many against the command line on the same articles, in
one run, alternating, so both see the same machine load.

    python3 examples/spark/throughput.py ../shared/eval/polnear/train/text [--bin target/release/quotetrack] [--rounds 7] [--threads N]

Prints the median wall time of each and the ratio. The command line reads
the files and writes JSON Lines to /dev/null; Python extracts the texts
already read and builds the dicts (the work a notebook pays for). With
--threads N both use N threads (RAYON_NUM_THREADS for the binary).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import quotetrack


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--bin", default=os.environ.get("QUOTETRACK_BIN", "target/release/quotetrack"))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix == ".txt")
    texts = [p.read_text(encoding="utf-8") for p in files]
    docs = [p.stem for p in files]
    env = dict(os.environ)
    if args.threads:
        env["RAYON_NUM_THREADS"] = str(args.threads)
    extractor = quotetrack.Extractor()
    extractor.extract_many(texts[:50], threads=args.threads)  # warm up
    cli_times, py_times, records = [], [], 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run(
                [args.bin, "extract", "--format", "jsonl", str(args.folder)],
                stdout=null, env=env, check=True,
            )
        cli_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        lists = extractor.extract_many(texts, threads=args.threads, docs=docs)
        py_times.append(time.perf_counter() - start)
        records = sum(map(len, lists))
    cli, py = statistics.median(cli_times), statistics.median(py_times)
    n = len(texts)
    print(f"{n} articles, {records} records, {args.rounds} rounds, threads {args.threads or 'all'}")
    print(f"command line: median {cli:.3f} s ({n / cli:.0f} articles/s)")
    print(f"Python extract_many: median {py:.3f} s ({n / py:.0f} articles/s)")
    print(f"Python / command line: {py / cli:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
