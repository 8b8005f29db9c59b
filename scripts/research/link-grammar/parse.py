#!/usr/bin/python3
"""Parse sentences of a given id parity with link-grammar 5.12 (Python binding), dump linkages as JSONL.
usage: nice -n 10 /usr/bin/python3 parse.py odd|even out.jsonl [KEEP_LINKAGES=3]"""
import os
import sys, json, glob, time
import linkgrammar as lg
import linkgrammar.clinkgrammar as clg
parity = sys.argv[1]; out = open(sys.argv[2], 'w')
want = 1 if parity == 'odd' else 0
KEEP = int(sys.argv[3]) if len(sys.argv) > 3 else 3
d = lg.Dictionary('en')
def parse(text):
    po = lg.ParseOptions(verbosity=0, linkage_limit=100, max_parse_time=10, min_null_count=0, max_null_count=0)
    s = lg.Sentence(text, d, po)
    ls = s.parse()
    if len(ls) == 0:
        po = lg.ParseOptions(verbosity=0, linkage_limit=100, max_parse_time=10, min_null_count=1, max_null_count=250)
        s = lg.Sentence(text, d, po)
        ls = s.parse()
    return s, ls
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../tests/extract/data/*.jsonl'))):
    for line in open(f):
        if not line.strip(): continue
        r = json.loads(line)
        if r['id'] % 2 != want: continue
        t0 = time.perf_counter()
        s, ls = parse(r['text'])
        dt = time.perf_counter() - t0
        rec = {'id': r['id'], 'file': f.split('/')[-1], 'time': dt, 'nlink': len(ls), 'null': s.null_count(), 'linkages': []}
        for k, l in enumerate(ls):
            if k >= KEEP: break
            words = [l.word(i) for i in range(l.num_of_words())]
            cs = [l.word_char_start(i) for i in range(l.num_of_words())]
            ce = [l.word_char_end(i) for i in range(l.num_of_words())]
            links = [(clg.linkage_get_link_lword(l._obj, i), clg.linkage_get_link_rword(l._obj, i), clg.linkage_get_link_label(l._obj, i)) for i in range(l.num_of_links())]
            rec['linkages'].append({'words': words, 'cs': cs, 'ce': ce, 'links': links, 'dcost': l.disjunct_cost()})
        out.write(json.dumps(rec) + '\n'); out.flush()
