#!/usr/bin/env python3
"""How well a layout shows communities, measured from an export anyone can open.

    scripts/layout-quality.py FILE.graphml [--max-ratio R]
    scripts/layout-quality.py FILE.gexf    [--max-ratio R]

Reads the node positions (GraphML attributes x and y, or GEXF viz:position) and each node's
community (the "community" attribute Graphwright's exports carry), then prints the node and edge
counts, the mean Euclidean length of the edges inside a community and of those between two
communities, and their ratio: below 1 the communities are drawn as groups; the goal on the dev
corpus is at most 0.5. Every edge counts (parallel ones too), self-loops and edges touching a node
without a position or a community do not. With --max-ratio, exits 1 when the ratio is higher.
Python 3 standard library only.
"""
import argparse
import math
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
VIZ_NAMESPACES = ("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz", "http://www.gexf.net/1.1draft/viz")


def read_graphml(root):
    keys = {}
    for key in root.iter(GRAPHML + "key"):
        if key.get("for") in ("node", "all"):
            keys[key.get("id")] = key.get("attr.name")
    nodes = {}
    edges = []
    for graph in root.iter(GRAPHML + "graph"):
        for node in graph.iter(GRAPHML + "node"):
            values = {keys.get(data.get("key")): (data.text or "") for data in node.iter(GRAPHML + "data")}
            nodes[node.get("id")] = values
        for edge in graph.iter(GRAPHML + "edge"):
            edges.append((edge.get("source"), edge.get("target")))
    positions, communities = {}, {}
    for node_id, values in nodes.items():
        try:
            positions[node_id] = (float(values["x"]), float(values["y"]))
        except (KeyError, ValueError):
            pass
        if values.get("community", "") != "":
            communities[node_id] = values["community"]
    return list(nodes), edges, positions, communities


def read_gexf(root):
    namespace = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    titles = {}
    for attributes in root.iter(namespace + "attributes"):
        if attributes.get("class") == "node":
            for attribute in attributes.iter(namespace + "attribute"):
                titles[attribute.get("id")] = attribute.get("title") or attribute.get("id")
    node_ids, positions, communities, edges = [], {}, {}, []
    for node in root.iter(namespace + "node"):
        node_id = node.get("id")
        node_ids.append(node_id)
        for viz in VIZ_NAMESPACES:
            position = node.find("{%s}position" % viz)
            if position is not None:
                positions[node_id] = (float(position.get("x")), float(position.get("y")))
                break
        for value in node.iter(namespace + "attvalue"):
            if titles.get(value.get("for"), value.get("for")) == "community":
                communities[node_id] = value.get("value")
    for edge in root.iter(namespace + "edge"):
        edges.append((edge.get("source"), edge.get("target")))
    return node_ids, edges, positions, communities


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="a GraphML or GEXF export with positions and communities")
    parser.add_argument("--max-ratio", type=float, help="exit 1 when intra/inter is above this")
    args = parser.parse_args()
    try:
        root = ET.parse(args.file).getroot()
    except (OSError, ET.ParseError) as error:
        sys.exit("layout-quality: cannot read %s: %s" % (args.file, error))
    reader = read_gexf if root.tag.endswith("gexf") else read_graphml
    nodes, edges, positions, communities = reader(root)
    if not positions:
        sys.exit("layout-quality: %s has no node positions (export with graphwright-cli export, which lays "
                 "the graph out first)" % args.file)
    if not communities:
        sys.exit("layout-quality: %s has no community attribute" % args.file)

    sums = {True: 0.0, False: 0.0}
    counts = {True: 0, False: 0}
    skipped = 0
    for source, target in edges:
        if source == target:
            continue
        if source not in positions or target not in positions or source not in communities \
                or target not in communities:
            skipped += 1
            continue
        (x1, y1), (x2, y2) = positions[source], positions[target]
        inside = communities[source] == communities[target]
        sums[inside] += math.hypot(x1 - x2, y1 - y2)
        counts[inside] += 1

    print("%s: %d nodes (%d with a position), %d edges, %d communities"
          % (args.file, len(nodes), len(positions), len(edges), len(set(communities.values()))))
    if skipped:
        print("  %d edges skipped (an end without a position or a community)" % skipped)
    intra = sums[True] / counts[True] if counts[True] else float("nan")
    inter = sums[False] / counts[False] if counts[False] else float("nan")
    print("  mean edge length inside communities:  %.4f (%d edges)" % (intra, counts[True]))
    print("  mean edge length between communities: %.4f (%d edges)" % (inter, counts[False]))
    ratio = intra / inter if counts[True] and counts[False] and inter > 0 else float("nan")
    print("  ratio inside / between: %.3f" % ratio)
    if args.max_ratio is not None and not ratio <= args.max_ratio:
        print("  above the goal of %.3f" % args.max_ratio)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
