#!/usr/bin/python3
"""cli-oneshot: one process per question, as a journalist's shell loop runs them.

  oneshot.py --techties BIN --repeat R

Asks `BIN connect A B` for 20 fixed pairs of the built-in graph, and /usr/bin/python3 with NetworkX the same 20
questions from the graph's node-link JSON export (written once by `BIN export --format node-link`): a new process
per question on both sides. The answers are checked first (the length of the shortest connection, direction
ignored, must agree), then the median wall time of each side and their ratio are printed:

  ratio cli-oneshot 9.512
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PAIRS = [
    ("salesforce", "ice"), ("palantir", "ice"), ("amazon", "ice"), ("microsoft", "ice"), ("google", "ice"),
    ("comcast", "ice"), ("four-points-technology", "ice"), ("west-publishing", "ice"), ("palantir", "dhs"),
    ("amazon", "dhs"), ("microsoft", "cbp"), ("salesforce", "dhs"), ("palantir", "fbi"), ("mijente", "palantir"),
    ("tech-workers-coalition", "amazon"), ("alex-karp", "ice"), ("satya-nadella", "ice"), ("jeff-bezos", "ice"),
    ("marc-benioff", "cbp"), ("lapd", "palantir"),
]

# The peer's whole program, run as a new process per question: load the export, answer, print.
PEER = r"""
import json, sys
import networkx as nx
from networkx.readwrite import json_graph
graph = json_graph.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
undirected = nx.Graph(graph)
a, b = sys.argv[2], sys.argv[3]
try:
    paths = nx.all_shortest_paths(undirected, a, b)
    first = next(paths)
    names = nx.get_node_attributes(graph, "name")
    print(len(first) - 1)
    print(" -> ".join(names.get(n, n) for n in first))
except nx.NetworkXNoPath:
    print(-1)
"""


def run(argv):
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"oneshot.py: {' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return elapsed, done.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--techties", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        export = os.path.join(work, "built-in.json")
        with open(export, "w", encoding="utf-8") as out:
            subprocess.run([args.techties, "export", "--format", "node-link"], stdout=out, check=True)
        peer = os.path.join(work, "peer.py")
        with open(peer, "w", encoding="utf-8") as out:
            out.write(PEER)

        for a, b in PAIRS:
            _, ours = run([args.techties, "connect", a, b, "--format", "json", "--count", "1"])
            paths = json.loads(ours)["paths"]
            ours_length = len(paths[0]["steps"]) if paths else -1
            _, theirs = run([sys.executable, peer, export, a, b])
            if int(theirs.split("\n")[0]) != ours_length:
                sys.exit(f"oneshot.py: {a} to {b}: TechTies' shortest connection has {ours_length} steps, NetworkX's {theirs.split()[0]}")

        ours_times, peer_times = [], []
        for _ in range(args.repeat):
            for a, b in PAIRS:
                ours_times.append(run([args.techties, "connect", a, b])[0])
                peer_times.append(run([sys.executable, peer, export, a, b])[0])

    ours, theirs = statistics.median(ours_times), statistics.median(peer_times)
    print(f"cli-oneshot: {len(PAIRS)} pairs x {args.repeat}, one process per question; median wall time "
          f"TechTies {ours * 1000:.1f} ms, python3 + NetworkX {theirs * 1000:.1f} ms")
    print(f"ratio cli-oneshot {theirs / ours:.3f}")


if __name__ == "__main__":
    main()
