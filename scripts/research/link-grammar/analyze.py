#!/usr/bin/python3
"""Upper bound + failure classes for gold relations (use on tuning parses; on even ids only aggregate)."""
import os
import sys, json, glob, collections, re
import extract as X
parses = {}
for l in open(sys.argv[1]):
    r = json.loads(l); parses[(r['file'], r['id'])] = r
verbose = '--show' in sys.argv
nlink = int(sys.argv[sys.argv.index('--nlink') + 1]) if '--nlink' in sys.argv else 1
bound_ok = 0
cls = collections.Counter(); ub = 0; tot = 0; examples = collections.defaultdict(list)
alltrig = set().union(*X.VERB.values(), *X.NOUN.values(), *X.PREP.values())
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../tests/extract/data/*.jsonl'))):
    fn_ = f.split('/')[-1]
    for line in open(f):
        if not line.strip(): continue
        rec = json.loads(line)
        if (fn_, rec['id']) not in parses: continue
        pr = parses[(fn_, rec['id'])]; L = pr['linkages'][0]
        preds = set()
        for LL in pr['linkages'][:nlink]: preds |= set(X.norm(t) for t in X.extract(rec, LL))
        words = L['words']; n = len(words); W = [X.base(w).lower() for w in words]
        linked = set()
        adj = collections.defaultdict(list)
        for a, b, lab in L['links']:
            if words[a] in ('LEFT-WALL','RIGHT-WALL') or words[b] in ('LEFT-WALL','RIGHT-WALL'): continue
            linked.add(a); linked.add(b)
            if lab.startswith('X') or lab.startswith('W'): continue
            adj[a].append((lab, b)); adj[b].append((lab, a))
        def headword(surf):
            sp = X.spans(rec['text'], surf)
            if not sp: return None, 'mention not in text'
            s, e = sp[0]
            ws = [i for i in range(1, n-1) if L['cs'][i] < e and L['ce'][i] > s]
            if not ws: return None, 'mention not tokenised'
            h = ws[-1]
            if words[h].startswith('['): return None, 'head word is null (unparsed)'
            return h, (None if (L['cs'][ws[0]] == s and L['ce'][h] == e) else 'boundary')
        for g in rec['relations']:
            tot += 1; g2 = X.norm(g)
            hs, es = headword(g[0]); ho, eo = headword(g[2])
            why = None
            if hs is not None and ho is not None and es is None and eo is None: bound_ok += 1
            P = X.shortest(adj, {hs}, {ho}, maxlen=30) if (hs is not None and ho is not None) else None
            if P is not None: ub += 1
            if g2 in preds: why = 'OK (extracted)'
            elif hs is None or ho is None: why = es if hs is None else eo
            else:
                if P is None: why = 'no path (disconnected/null parse)'
                else:
                    if True:
                        nodes = [P[0][1]] + [s[2] for s in P]
                        tr = [W[k] for k in nodes[1:-1] if W[k] in alltrig]
                        if any(re.sub(r'\..*', '', W[k]).endswith(('-based', '-born')) for k in (nodes[0], nodes[-1])): tr.append('compound')
                        if not tr: why = 'no trigger word on path (len %s)' % ('<=3' if len(P) <= 3 else '>3')
                        else: why = 'trigger on path but role/shape rejected'
                        if verbose and len(examples[why]) < 400:
                            examples[why].append('%s %s -> %s | %s | %s' % (rec['id'], g, ' '.join('%s-%s-%s' % (W[a] if i == 0 else '', l, W[b]) for i, (l, a, b) in enumerate(P)), tr, rec['text'][:150]))
            cls[why] += 1
print('gold relations', tot, ' both mentions = exact LG token spans:', bound_ok, ' upper bound (both head words linked & connected in top linkage):', ub)
for k, v in cls.most_common(): print('  %-45s %d' % (k, v))
if verbose:
    for k, v in examples.items():
        print('==', k)
        for e in v: print('   ', e)
