"""Reads a TechTies export with NetworkX or igraph and prints what it saw as JSON, for the .NET tests to check.

Usage: /usr/bin/python3 read_graph.py networkx-graphml|networkx-gexf|networkx-nodelink|igraph-graphml FILE
"""
import json
import sys


def networkx_summary(g):
    edges = []
    triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
    for u, v, k, d in triples:
        edges.append({"from": u, "to": v, "key": str(k), "type": d.get("type"), "label": d.get("label"),
                      "since": d.get("since"), "until": d.get("until"), "amount": d.get("amount"),
                      "start": d.get("start"), "end": d.get("end"), "disputed": d.get("disputed")})
    nodes = {n: {"kind": d.get("kind"), "name": d.get("name"), "label": d.get("label"), "amount": d.get("amount"),
                 "disputed": d.get("disputed")}
             for n, d in g.nodes(data=True)}
    return {"directed": g.is_directed(), "multigraph": g.is_multigraph(), "nodes": nodes, "edges": edges}


def main(mode, path):
    if mode == "networkx-graphml":
        import networkx as nx
        summary = networkx_summary(nx.read_graphml(path, force_multigraph=True))
    elif mode == "networkx-gexf":
        import networkx as nx
        from networkx.readwrite.gexf import GEXF
        # NetworkX 2.8 knows the GEXF 1.1 and 1.2 namespaces; 1.3 keeps the same elements under its own namespace.
        GEXF.versions.setdefault("1.3", {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        })
        summary = networkx_summary(nx.read_gexf(path, version="1.3"))
    elif mode == "networkx-nodelink":
        from networkx.readwrite import json_graph
        with open(path, encoding="utf-8") as f:
            summary = networkx_summary(json_graph.node_link_graph(json.load(f)))
    elif mode == "igraph-graphml":
        import igraph
        g = igraph.Graph.Read_GraphML(path)
        summary = {"directed": g.is_directed(), "vertices": g.vcount(), "edges": g.ecount(),
                   "ids": g.vs["id"], "kinds": g.vs["kind"], "types": g.es["type"]}
    else:
        raise SystemExit("unknown mode " + mode)
    json.dump(summary, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
