#!/usr/bin/python3
"""The peers' side of benchmarks/peers/compare: NetworkX and igraph (and pandas for totals) on the same file and
workloads as TechTies.

  peers.py pick   --graph G --seed S --out W.json         choose the connect pairs and neighbour centres
  peers.py run    --graph G --workload W.json --repeat R  time the peers, print JSON
  peers.py report --techties T.json --peers P.json        check the answers agree, then print times and ratios
  peers.py table DIR...                                   markdown tables of kept runs (compare --keep DIR)

Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph, python3-yaml with libyaml, python3-pandas). Nothing is
installed: a missing module is named and the script exits with status 2.
"""
import argparse
import gc
import json
import os
import random
import re
import subprocess
import sys
import time

# The sections of format v1 and the kinds they hold.
SECTIONS = {
    "sources": "source", "companies": "company", "agencies": "agency", "contracts": "contract",
    "groups": "group", "people": "person", "products": "product", "protests": "protest",
}
# The fields of each kind that are not relationship types (as the TechTies loader reads them).
FIELDS = {
    "company": {"name", "aliases", "description", "sources", "url", "founded", "identifiers"},
    "agency": {"name", "aliases", "description", "sources", "url", "founded", "identifiers"},
    "group": {"name", "aliases", "description", "sources", "url", "founded"},
    "person": {"name", "aliases", "description", "sources"},
    "product": {"name", "aliases", "description", "sources", "url"},
    "contract": {"title", "aliases", "description", "sources", "award_id", "vendor", "agency", "office", "product",
                 "amount", "obligated", "current_value", "potential_value", "currency", "start", "end", "status"},
    "protest": {"name", "aliases", "description", "sources", "kind", "date", "start", "end", "place", "size",
                "organizers", "signatories"},
    "source": {"title", "aliases", "description", "sources", "kind", "publisher", "author", "published", "url"},
}
PATTERN = "(:company) -[hosts_on]-> (:company) -[contracts_with]-> (:agency)"
MAX_HOPS = 4


def need_peers():
    missing = []
    try:
        import yaml
        if not hasattr(yaml, "CSafeLoader"):
            missing.append("PyYAML's C loader yaml.CSafeLoader (Debian: python3-yaml, built with libyaml)")
    except ImportError:
        missing.append("yaml (Debian: python3-yaml)")
    try:
        import networkx  # noqa: F401
    except ImportError:
        missing.append("networkx (Debian: python3-networkx)")
    try:
        import igraph  # noqa: F401
    except ImportError:
        missing.append("igraph (Debian: python3-igraph)")
    if missing:
        print(f"peers.py: {sys.executable} lacks " + "; ".join(missing) + ". Install them (apt-get install "
              "python3-networkx python3-igraph python3-yaml) and run with /usr/bin/python3; nothing was installed.",
              file=sys.stderr)
        sys.exit(2)


def pick(args):
    """Pairs and centres from the ids of the file's entities (sources left out: no tie touches them)."""
    ids = []
    section = None
    for line in open(args.graph, encoding="utf-8"):
        top = re.match(r"^([a-z_]+):", line)
        if top:
            section = top.group(1)
            continue
        entry = re.match(r"^  ([a-z0-9-]+):", line)
        if entry and section in SECTIONS and section != "sources":
            ids.append(entry.group(1))
    rng = random.Random(args.seed)
    pairs = []
    while len(pairs) < args.count:
        a, b = rng.choice(ids), rng.choice(ids)
        if a != b:
            pairs.append([a, b])
    entities = [rng.choice(ids) for _ in range(args.count)]
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"pattern": PATTERN, "max_hops": MAX_HOPS, "pairs": pairs, "entities": entities}, out)


def derive(docs, details=False):
    """Entities and ties exactly as the TechTies loader derives them: (id, kind) and (from, to, type), or with
    details=True (id, kind, fields) and (from, to, type, attributes), where the fields are the entity's YAML mapping
    and the attributes what the tie itself says (its own mapping, or the contract it was made from)."""
    nodes, ties = [], []
    types = set()
    for doc in docs:
        types.update((doc.get("relationship_types") or {}).keys())
    types.update(BUILT_IN_TYPES)

    def node(eid, kind, fields):
        nodes.append((eid, kind, fields) if details else (eid, kind))

    def tie(a, b, t, attrs):
        ties.append((a, b, t, attrs) if details else (a, b, t))

    for doc in docs:
        for section, kind in SECTIONS.items():
            for eid, fields in (doc.get(section) or {}).items():
                node(eid, kind, fields)
                if kind == "contract":
                    vendor, agency, office = fields.get("vendor"), fields.get("agency"), fields.get("office")
                    products = fields.get("product") or []
                    products = products if isinstance(products, list) else [products]
                    made = {"contract": eid}
                    if vendor is not None:
                        tie(eid, vendor, "awarded_to", made)
                        if agency is not None:
                            tie(vendor, agency, "contracts_with", made)
                    for target in (agency, office):
                        if target is not None:
                            tie(eid, target, "awarded_by", made)
                    for product in products:
                        tie(eid, product, "covers", made)
                elif kind == "protest":
                    made = {"protest": eid}
                    for field, tie_type in (("organizers", "organized"), ("signatories", "signed")):
                        who = fields.get(field) or []
                        for w in (who if isinstance(who, list) else [who]):
                            tie(w, eid, tie_type, made)
                for key, value in fields.items():
                    if key in FIELDS[kind] or key not in types:
                        continue
                    for item in (value if isinstance(value, list) else [value]):
                        if isinstance(item, dict):
                            tie(eid, item["to"], key, item)
                        else:
                            tie(eid, item, key, {})
        for t in doc.get("ties") or []:
            tie(t["from"], t["to"], t["type"], t)
    return nodes, ties


BUILT_IN_TYPES = {"hosts_on", "contracts_with", "part_of", "subsidiary_of", "ceo_of", "works_for", "member_of",
                  "organized", "signed", "targets", "made_by", "uses", "uses_data_from", "donated_to", "awarded_to",
                  "awarded_by", "covers"}


def read_docs(path):
    import yaml
    with open(path, "rb") as f:
        return list(yaml.load_all(f, Loader=yaml.CSafeLoader))


def build_networkx(nodes, ties):
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_nodes_from((eid, {"kind": kind}) for eid, kind in nodes)
    g.add_edges_from((a, b, {"type": t}) for a, b, t in ties)
    return g


def build_networkx_full(nodes, ties):
    """The graph a NetworkX user keeps to answer with evidence: every entity's fields and every tie's own fields."""
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_nodes_from((eid, {"kind": kind, **fields}) for eid, kind, fields in nodes)
    g.add_edges_from((a, b, {"type": t, **attrs}) for a, b, t, attrs in ties)
    return g


def build_igraph(nodes, ties):
    import igraph as ig
    index = {eid: i for i, (eid, _) in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b, _ in ties], directed=True,
                 vertex_attrs={"name": [eid for eid, _ in nodes], "kind": [k for _, k in nodes]},
                 edge_attrs={"type": [t for _, _, t in ties]})
    return g, index


def build_igraph_full(nodes, ties):
    """igraph with the same information, the igraph way: one attribute list per field name (None where absent)."""
    import igraph as ig
    index = {eid: i for i, (eid, _, _) in enumerate(nodes)}
    vertex_attrs = {"name": [eid for eid, _, _ in nodes], "kind": [k for _, k, _ in nodes]}
    for i, (_, _, fields) in enumerate(nodes):
        for key, value in fields.items():
            vertex_attrs.setdefault("f_" + key, [None] * len(nodes))[i] = value
    edge_attrs = {"type": [t for _, _, t, _ in ties]}
    for i, (_, _, _, attrs) in enumerate(ties):
        for key, value in attrs.items():
            if key not in ("from", "to", "type"):
                edge_attrs.setdefault("f_" + key, [None] * len(ties))[i] = value
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b, _, _ in ties], directed=True,
                 vertex_attrs=vertex_attrs, edge_attrs=edge_attrs)
    return g, index


def held(build):
    """Bytes still allocated (tracemalloc) after reading the file and building a graph from it, once everything but
    the graph is dropped: what the loaded graph holds, its ids and field values included."""
    import tracemalloc
    gc.collect()
    tracemalloc.start()
    graph = build()
    gc.collect()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return graph, size


def igraph_c_bytes(g):
    """igraph keeps its structure in C, which tracemalloc does not see (and the resident set is no help: the build
    reuses memory freed by the YAML load). Counted from igraph's layout: per edge its two ends and two index vectors
    (four igraph_integer_t of 8 bytes), per vertex two start offsets."""
    return 32 * g.ecount() + 16 * (g.vcount() + 1)


# Workloads. Connect counts shortest connections as TechTies groups them: between two neighbours, one step per
# relationship type and direction (parallel ties of one type are one step).

def nx_steps(g):
    succ, pred = g.succ, g.pred

    def steps(u):
        m = {}
        for v, keyed in succ[u].items():
            m[v] = len({d["type"] for d in keyed.values()})
        for v, keyed in pred[u].items():
            m[v] = m.get(v, 0) + len({d["type"] for d in keyed.values()})
        return m
    return steps


def ig_steps(g):
    edges = g.get_edgelist()
    etype = g.es["type"]

    def steps(u):
        forward, backward = set(), set()
        for e in g.incident(u, mode="out"):
            forward.add((edges[e][1], etype[e]))
        for e in g.incident(u, mode="in"):
            backward.add((edges[e][0], etype[e]))
        m = {}
        for v, _ in forward:
            m[v] = m.get(v, 0) + 1
        for v, _ in backward:
            m[v] = m.get(v, 0) + 1
        return m
    return steps


def shortest(steps, s, t, cap):
    """Breadth-first layers from both ends with the hop cap: (distance, number of shortest paths) or (-1, 0)."""
    seen = ({s: 0}, {t: 0})
    count = ({s: 1}, {t: 1})
    frontier = ([s], [t])
    depth = [0, 0]
    while depth[0] + depth[1] < cap and frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        mine, other = seen[side], seen[1 - side]
        layer = {}
        for u in frontier[side]:
            cu = count[side][u]
            for v, m in steps(u).items():
                if v not in mine:
                    layer[v] = layer.get(v, 0) + cu * m
        depth[side] += 1
        for v, c in layer.items():
            mine[v] = depth[side]
            count[side][v] = c
        frontier = (list(layer), frontier[1]) if side == 0 else (frontier[0], list(layer))
        meet = [v for v in layer if v in other]
        if meet:
            return depth[0] + depth[1], sum(count[0][v] * count[1][v] for v in meet)
    return -1, 0


def nx_pattern(g):
    kind = dict(g.nodes(data="kind"))
    n = 0
    for c, k in kind.items():
        if k != "company":
            continue
        for h, keyed in g.succ[c].items():
            if kind[h] != "company" or not any(d["type"] == "hosts_on" for d in keyed.values()):
                continue
            for a, keyed2 in g.succ[h].items():
                if a != c and kind[a] == "agency" and any(d["type"] == "contracts_with" for d in keyed2.values()):
                    n += 1
    return n


def ig_pattern(g):
    kind = g.vs["kind"]
    hosted = {(e.source, e.target) for e in g.es.select(type_eq="hosts_on")}
    hosted = [(c, h) for c, h in hosted if kind[c] == "company" and kind[h] == "company"]
    agencies = {}
    for h, a in {(e.source, e.target) for e in g.es.select(type_eq="contracts_with")}:
        if kind[a] == "agency":
            agencies.setdefault(h, []).append(a)
    return sum(sum(1 for a in agencies.get(h, ()) if a != c) for c, h in hosted)


def nx_ego(g, center):
    seen = {center}
    frontier = [center]
    for _ in range(2):
        nxt = []
        for u in frontier:
            for v in g.succ[u]:
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
            for v in g.pred[u]:
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        frontier = nxt
    return len(seen)


def amount_cents(text):
    """An amount as the generator writes it ("USD 1234", "USD 5 million", "USD 12.34") in whole cents: exact integers,
    as a careful pandas user sums money (floats would not agree to the cent)."""
    from decimal import Decimal
    parts = str(text).split()
    if parts[0] != "USD":
        raise ValueError(f"peers.py: the generated graph has only USD amounts, not {text!r}")
    value = Decimal(parts[1]) * (Decimal(1_000_000) if len(parts) > 2 and parts[2] == "million" else 1)
    return int(value * 100)


def pandas_frames(nodes, ties):
    """The data a pandas user starts from: one row per contract (vendor, amount in cents), and the subsidiary_of
    ties as a child -> parent map (the first parent by id, as TechTies follows them)."""
    import pandas as pd
    contracts = pd.DataFrame(
        [(fields["vendor"], amount_cents(fields["amount"])) for _, kind, fields in nodes if kind == "contract"],
        columns=["vendor", "cents"])
    parents = {}
    for a, b, t, _ in sorted(ties, key=lambda x: (x[0], x[1])):
        if t == "subsidiary_of":
            parents.setdefault(a, b)
    return contracts, pd.Series(parents, dtype=object)


def pandas_totals(contracts, parents):
    """Totals by parent: each vendor's subsidiary_of chain followed to the top, then groupby().sum()."""
    top = contracts["vendor"]
    while True:
        up = top.map(parents)
        moved = up.notna()
        if not moved.any():
            break
        top = top.where(~moved, up)
    return contracts.groupby(top, sort=False)["cents"].sum()


def best(repeat, fn):
    """The fastest run in CPU time of the process (as TechTies measures), so other work on the machine does not count."""
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def status_bytes(field):
    """A size line of /proc/self/status, such as "VmHWM:  123456 kB", in bytes."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"/proc/self/status has no {field} line")


def peak(args):
    """The most resident memory one load takes, in this fresh process: the peak resident set (VmHWM, which starts
    afresh with the program, unlike ru_maxrss, which keeps the parent's from before exec) after reading the file with
    PyYAML and building the `load` workload's MultiDiGraph, less the resident set before, with yaml and networkx
    already imported (as TechTies' baseline has its loader compiled)."""
    import networkx  # noqa: F401
    import yaml  # noqa: F401
    before = status_bytes("VmRSS:")
    g = build_networkx(*derive(read_docs(args.graph)))
    print(json.dumps({"peak_load_bytes": status_bytes("VmHWM:") - before, "ties": g.number_of_edges()}))


def run(args):
    need_peers()
    work = json.load(open(args.workload, encoding="utf-8"))
    pairs, centers = work["pairs"], work["entities"]
    out = {}
    # The peak of one load, in a fresh process of its own (one load, cheap beside tracemalloc's four).
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "peak", "--graph", args.graph],
                          check=True, capture_output=True, text=True)
    out["peak_load_bytes"] = json.loads(done.stdout)["peak_load_bytes"]

    def load():
        return build_networkx(*derive(read_docs(args.graph)))
    out["load"], g = best(args.repeat, load)
    out["entities"], out["ties"] = g.number_of_nodes(), g.number_of_edges()

    # Memory held by the loaded graph, per tie: everything allocated from reading the file to the finished graph
    # that is still alive once only the graph is kept. "memory" keeps what TechTies keeps (every field of every entity
    # and tie, as the file gives it); "memory-skeleton" only ids, kinds and types, as the load workload builds it.
    del g
    if args.memory:
        g, out["memory_bytes"] = held(lambda: build_networkx_full(*derive(read_docs(args.graph), details=True)))
        del g
        (ig_full, _), python_side = held(lambda: build_igraph_full(*derive(read_docs(args.graph), details=True)))
        out["memory_igraph_bytes"] = python_side + igraph_c_bytes(ig_full)
        del ig_full
    if args.memory and args.skeleton:
        g, out["memory_skeleton_bytes"] = held(lambda: build_networkx(*derive(read_docs(args.graph))))
        (ig_graph, index), python_side = held(lambda: build_igraph(*derive(read_docs(args.graph))))
        out["memory_igraph_skeleton_bytes"] = python_side + igraph_c_bytes(ig_graph)
    else:
        g = build_networkx(*derive(read_docs(args.graph)))
        ig_graph, index = build_igraph(*derive(read_docs(args.graph)))

    out["pattern"], out["pattern_matches"] = best(args.repeat, lambda: nx_pattern(g))
    out["pattern_igraph"], out["pattern_igraph_matches"] = best(args.repeat, lambda: ig_pattern(ig_graph))

    def connect(steps, ids):
        return [shortest(steps, ids(a), ids(b), MAX_HOPS) for a, b in pairs]
    out["connect"], nx_paths = best(args.repeat, lambda: connect(nx_steps(g), lambda x: x))
    out["connect_distances"] = [d for d, _ in nx_paths]
    out["connect_paths"] = [c for _, c in nx_paths]
    out["connect_igraph"], ig_paths = best(args.repeat, lambda: connect(ig_steps(ig_graph), index.__getitem__))
    out["connect_igraph_distances"] = [d for d, _ in ig_paths]
    out["connect_igraph_paths"] = [c for _, c in ig_paths]

    if args.totals:
        contracts, parents = pandas_frames(*derive(read_docs(args.graph), details=True))
        out["totals_pandas"], sums = best(args.repeat, lambda: pandas_totals(contracts, parents))
        out["totals_groups"] = {parent: int(cents) for parent, cents in sums.items()}
        out["totals_contracts"] = len(contracts)

    out["neighbors"], out["neighbors_nodes"] = best(args.repeat, lambda: [nx_ego(g, c) for c in centers])
    out["neighbors_igraph"], sizes = best(
        args.repeat, lambda: [len(h) for h in ig_graph.neighborhood([index[c] for c in centers], order=2, mode="all")])
    out["neighbors_igraph_nodes"] = sizes
    print(json.dumps(out))


def report(args):
    tt = json.load(open(args.techties, encoding="utf-8"))
    cold = {name: tt[name]["cold_seconds"] for name in ("load", "pattern", "connect", "neighbors")}
    for name in cold:
        tt[name] = tt[name]["seconds"]
    peer = json.load(open(args.peers, encoding="utf-8"))
    problems = []

    def same(what, ours, theirs, who):
        if ours != theirs:
            if isinstance(ours, list):
                bad = [i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
                problems.append(f"{what}: TechTies and {who} disagree at {len(bad)} of {len(ours)} items, first at "
                                f"#{bad[0] if bad else '?'}: {ours[bad[0]] if bad else ours} vs {theirs[bad[0]] if bad else theirs}")
            else:
                problems.append(f"{what}: TechTies {ours}, {who} {theirs}")

    same("entities", tt["entities"], peer["entities"], "NetworkX")
    same("ties", tt["ties"], peer["ties"], "NetworkX")
    same("pattern matches", tt["pattern_matches"], peer["pattern_matches"], "NetworkX")
    same("pattern matches", tt["pattern_matches"], peer["pattern_igraph_matches"], "igraph")
    same("connect distances", tt["connect_distances"], peer["connect_distances"], "NetworkX")
    same("connect distances", tt["connect_distances"], peer["connect_igraph_distances"], "igraph")
    same("connect shortest-path counts", tt["connect_paths"], peer["connect_paths"], "NetworkX")
    same("connect shortest-path counts", tt["connect_paths"], peer["connect_igraph_paths"], "igraph")
    same("neighbors node counts", tt["neighbors_nodes"], peer["neighbors_nodes"], "NetworkX")
    same("neighbors node counts", tt["neighbors_nodes"], peer["neighbors_igraph_nodes"], "igraph")
    if "totals" in tt and "totals_pandas" in peer:
        ours = {parent: amount_cents(text) for parent, text in tt["totals_groups"].items()}
        theirs = peer["totals_groups"]
        if ours != theirs:
            bad = sorted(k for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k))
            problems.append(f"totals by parent: TechTies and pandas disagree on {len(bad)} of {len(theirs)} parents, "
                            f"first {bad[0]}: {ours.get(bad[0])} vs {theirs.get(bad[0])} cents")
        same("totals contracts", tt["totals_contracts"], peer["totals_contracts"], "pandas")
    if tt["warnings"]:
        problems.append(f"TechTies loaded the graph with {tt['warnings']} warnings")
    if tt["connect_truncated"]:
        problems.append(f"TechTies truncated {tt['connect_truncated']} connect searches")
    if problems:
        print("compare: the answers differ, so no time is reported:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)

    ties = tt["ties"]
    found = sum(1 for d in tt["connect_distances"] if d >= 0)
    print(f"graph: {tt['entities']} entities, {ties} ties; pattern {PATTERN}: {tt['pattern_matches']} matches; "
          f"connect: {found}/{len(tt['connect_distances'])} pairs within {MAX_HOPS} hops, "
          f"{sum(tt['connect_paths'])} shortest connections; neighbors: {sum(tt['neighbors_nodes'])} nodes in all")
    rows = [
        ("load", "s", tt["load"], peer["load"], None),
        ("pattern", "s", tt["pattern"], peer["pattern"], peer["pattern_igraph"]),
        ("connect", "s", tt["connect"], peer["connect"], peer["connect_igraph"]),
        ("neighbors", "s", tt["neighbors"], peer["neighbors"], peer["neighbors_igraph"]),
    ]
    if "memory_bytes" in peer:
        rows.insert(1, ("memory", "B/tie", tt["memory_bytes"] / ties, peer["memory_bytes"] / ties,
                        peer["memory_igraph_bytes"] / ties))
    if "memory_skeleton_bytes" in peer:
        rows.insert(2, ("memory-skeleton", "B/tie", tt["memory_bytes"] / ties, peer["memory_skeleton_bytes"] / ties,
                        peer["memory_igraph_skeleton_bytes"] / ties))
    if "peak_load_bytes" in peer and "peak_load_bytes" in tt:
        rows.insert(len(rows) - 3, ("peak-load", "B/tie", tt["peak_load_bytes"] / ties, peer["peak_load_bytes"] / ties, None))
    print(f"{'workload':<10} {'unit':<6} {'TechTies':>12} {'NetworkX':>12} {'igraph':>12} {'NX/TT':>9} {'ig/TT':>9}")
    for name, unit, ours, nx_value, ig_value in rows:
        ig_text = f"{ig_value:12.4g}" if ig_value is not None else f"{'-':>12}"
        ig_ratio = f"{ig_value / ours:9.2f}" if ig_value is not None else f"{'-':>9}"
        print(f"{name:<10} {unit:<6} {ours:12.4g} {nx_value:12.4g} {ig_text} {nx_value / ours:9.2f} {ig_ratio}")
    print("times are CPU seconds of each process; TechTies' are after JIT warm-up, and its first, cold runs took "
          + ", ".join(f"{name} {seconds:.4g} s" for name, seconds in cold.items()))
    for name, _, ours, nx_value, ig_value in rows:
        print(f"ratio {name} {nx_value / ours:.3f}")
        if ig_value is not None:
            print(f"ratio {name}-igraph {ig_value / ours:.3f}")
    if "totals" in tt and "totals_pandas" in peer:
        ours = tt["totals"]["seconds"]
        print(f"totals by parent: {len(tt['totals_groups'])} parents, {tt['totals_contracts']} contracts, equal to the cent; "
              f"TechTies {ours:.4g} s (cold {tt['totals']['cold_seconds']:.4g} s), pandas groupby().sum() {peer['totals_pandas']:.4g} s")
        print(f"ratio totals {peer['totals_pandas'] / ours:.3f}")


def table(args):
    """Markdown tables for benchmarks/README.md from the folders of kept runs (compare --keep DIR), smallest first.
    Only runs whose report passed (answers agreed) should be given; the answers are checked again here."""
    runs = []
    for folder in args.runs:
        tt = json.load(open(f"{folder}/techties.json", encoding="utf-8"))
        peer = json.load(open(f"{folder}/peers.json", encoding="utf-8"))
        for key in ("pattern_matches", "connect_distances", "connect_paths", "neighbors_nodes"):
            if tt[key] != peer[key]:
                sys.exit(f"table: {folder}: TechTies and NetworkX disagree on {key}; run compare on it first")
        runs.append((tt, peer))
    runs.sort(key=lambda r: r[0]["ties"])

    def t(x):
        return f"{x * 1000:.3g} ms" if x < 1 else f"{x:.3g} s"

    def ratio(peer_value, ours):
        if peer_value is None:
            return "–"
        r = peer_value / ours
        return f"{r:,.0f}×" if r >= 1000 else f"{r:.3g}×"

    print("| ties | workload | TechTies | NetworkX | igraph | NetworkX / TechTies | igraph / TechTies |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for tt, peer in runs:
        ties = tt["ties"]
        rows = [("load", tt["load"]["seconds"], peer["load"], None, t)]
        b = lambda x: f"{x:.0f} B"  # noqa: E731
        if "memory_bytes" in peer:
            rows.append(("memory per tie", tt["memory_bytes"] / ties, peer["memory_bytes"] / ties,
                         peer["memory_igraph_bytes"] / ties, b))
        if "memory_skeleton_bytes" in peer:
            rows.append(("memory per tie, peers with ids, kinds and types only", tt["memory_bytes"] / ties,
                         peer["memory_skeleton_bytes"] / ties, peer["memory_igraph_skeleton_bytes"] / ties, b))
        if "peak_load_bytes" in peer and "peak_load_bytes" in tt:
            rows.append(("peak resident memory of a load, per tie", tt["peak_load_bytes"] / ties,
                         peer["peak_load_bytes"] / ties, None, b))
        rows += [
            ("pattern", tt["pattern"]["seconds"], peer["pattern"], peer["pattern_igraph"], t),
            ("connect, 100 pairs", tt["connect"]["seconds"], peer["connect"], peer["connect_igraph"], t),
            ("neighbors, 100 centres", tt["neighbors"]["seconds"], peer["neighbors"], peer["neighbors_igraph"], t),
        ]
        for name, ours, nx_value, ig_value, fmt in rows:
            print(f"| {ties:,} | {name} | {fmt(ours)} | {fmt(nx_value)} | {fmt(ig_value) if ig_value is not None else '–'} "
                  f"| {ratio(nx_value, ours)} | {ratio(ig_value, ours)} |")
    print()
    print("| ties | matches | shortest connections (pairs connected) | ego-network nodes "
          "| TechTies cold runs: load / pattern / connect / neighbors | TechTies listing the ego networks in order |")
    print("|---:|---:|---:|---:|---|---:|")
    for tt, _ in runs:
        cold = " / ".join(t(tt[k]["cold_seconds"]) for k in ("load", "pattern", "connect", "neighbors"))
        found = sum(1 for d in tt["connect_distances"] if d >= 0)
        listed = t(tt["neighbors_listed"]["seconds"]) if "neighbors_listed" in tt else "–"
        print(f"| {tt['ties']:,} | {tt['pattern_matches']:,} | {sum(tt['connect_paths']):,} ({found}/"
              f"{len(tt['connect_distances'])}) | {sum(tt['neighbors_nodes']):,} | {cold} | {listed} |")
    print()
    base_tt, base_peer = runs[0]
    print(f"| growth from {base_tt['ties']:,} ties | ties | load | memory | pattern (matches) | connect | neighbors (nodes) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for tt, peer in runs[1:]:
        g = lambda a, b: f"{a / b:.3g}×"  # noqa: E731
        print(f"| TechTies to {tt['ties']:,} | {g(tt['ties'], base_tt['ties'])} "
              f"| {g(tt['load']['seconds'], base_tt['load']['seconds'])} "
              f"| {g(tt['memory_bytes'], base_tt['memory_bytes'])} "
              f"| {g(tt['pattern']['seconds'], base_tt['pattern']['seconds'])} "
              f"({g(tt['pattern_matches'], base_tt['pattern_matches'])}) "
              f"| {g(tt['connect']['seconds'], base_tt['connect']['seconds'])} "
              f"| {g(tt['neighbors']['seconds'], base_tt['neighbors']['seconds'])} "
              f"({g(sum(tt['neighbors_nodes']), sum(base_tt['neighbors_nodes']))}) |")
        mem = lambda key: g(peer[key], base_peer[key]) if key in peer else "not measured"  # noqa: E731
        print(f"| NetworkX to {tt['ties']:,} | | {g(peer['load'], base_peer['load'])} "
              f"| {mem('memory_bytes')} | {g(peer['pattern'], base_peer['pattern'])} "
              f"| {g(peer['connect'], base_peer['connect'])} | {g(peer['neighbors'], base_peer['neighbors'])} |")
        print(f"| igraph to {tt['ties']:,} | | – "
              f"| {mem('memory_igraph_bytes')} "
              f"| {g(peer['pattern_igraph'], base_peer['pattern_igraph'])} "
              f"| {g(peer['connect_igraph'], base_peer['connect_igraph'])} "
              f"| {g(peer['neighbors_igraph'], base_peer['neighbors_igraph'])} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("pick")
    p.add_argument("--graph", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--out", required=True)
    p.set_defaults(func=pick)
    r = verbs.add_parser("run")
    r.add_argument("--graph", required=True)
    r.add_argument("--workload", required=True)
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--no-memory", dest="memory", action="store_false",
                   help="skip the peers' memory measurement (four loads under tracemalloc, slow at a million ties)")
    r.add_argument("--no-totals", dest="totals", action="store_false",
                   help="skip the totals workload (pandas groupby().sum() by parent)")
    r.add_argument("--no-skeleton", dest="skeleton", action="store_false",
                   help="skip measuring the kind-and-type-only graphs' memory (two more loads under tracemalloc)")
    r.set_defaults(func=run)
    c = verbs.add_parser("report")
    c.add_argument("--techties", required=True)
    c.add_argument("--peers", required=True)
    c.set_defaults(func=report)
    pk = verbs.add_parser("peak")
    pk.add_argument("--graph", required=True)
    pk.set_defaults(func=peak)
    tb = verbs.add_parser("table")
    tb.add_argument("runs", nargs="+", help="folders kept by compare --keep")
    tb.set_defaults(func=table)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
