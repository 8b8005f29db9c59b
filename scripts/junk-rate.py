#!/usr/bin/env python3
"""Share of common-word entities in a project (issue 11's junk measure).

A junk entity is a one-word entity whose lower-case form is in the system dictionary
(wamerican's /usr/share/dict/american-english) and whose capitalised form is not.
Usage: graphwright-cli export -p P.gwp --format csv --out DIR && scripts/junk-rate.py DIR/nodes.csv [--top N]
"""
import csv
import sys

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[sys.argv.index('--top') + 1]) if '--top' in sys.argv else 0
    words = set(open('/usr/share/dict/american-english', encoding='utf-8').read().split('\n'))
    name_types = {'PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'}
    entities = mentions = junk_entities = junk_mentions = 0
    junk = []
    for row in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
        if row['type'] not in name_types:
            continue
        n = int(row['mentions'])
        entities += 1
        mentions += n
        name = row['name']
        lower = name.lower()
        if ' ' not in name and lower in words and lower.capitalize() not in words:
            junk_entities += 1
            junk_mentions += n
            junk.append((n, name, row['type']))
    print(f'entities {entities}, junk {junk_entities} ({100.0 * junk_entities / max(entities, 1):.1f}%); '
          f'mentions {mentions}, junk {junk_mentions} ({100.0 * junk_mentions / max(mentions, 1):.1f}%)')
    for n, name, kind in sorted(junk, reverse=True)[:top]:
        print(f'  {n:7d} {name} {kind}')

main()
