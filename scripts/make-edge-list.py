#!/usr/bin/env python3
"""A random edge list for import-table, for measuring large graphs (README: Larger than one
machine): N entities in communities of 50, M relations, 80% of them inside a community.

    scripts/make-edge-list.py N M > edges.csv
    graphwright-cli import-table -p big.gwp edges.csv
    graphwright-cli export -p big.gwp --format neo4j --out big-neo4j
"""
import random
import sys

n, m = int(sys.argv[1]), int(sys.argv[2])
random.seed(7)
relation_types = ["works_for", "located_in", "part_of", "founded", "member_of"]
entity_types = ["PERSON", "ORGANIZATION", "LOCATION"]
print("source,target,type,weight,source_type,target_type")
for i in range(m):
    a = random.randrange(n)
    if random.random() < 0.8:
        b = ((a // 50) * 50 + random.randrange(50)) % n
    else:
        b = random.randrange(n)
    if a == b:
        b = (a + 1) % n
    print(f"Entity {a:06d},Entity {b:06d},{relation_types[i % 5]},1,{entity_types[a % 3]},{entity_types[b % 3]}")
