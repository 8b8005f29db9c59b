#!/usr/bin/python3
"""Complementarity of the LG extractor with Graphwright's own pattern extractor (gold mentions).
Reads the project's test output (GW_EVAL_ERRORS=all tst_extractionquality, relationsOnGoldMentions rows; run it with -maxwarnings 0 or QTest drops output after 2000 lines)
,
keeps ONLY ids of the requested parity, reconstructs the pattern extractor's predictions = gold - FN + FP,
and reports P/R of: patterns, LG, union, LG only in sentences where patterns found nothing, LG only on
entity pairs patterns left unrelated. Prints aggregates only.
usage: python3 complement.py gw_errors_all.txt PARSES.jsonl odd|even NLINK"""
import os
import sys, json, glob, re, collections
import extract as X
errf, parsef, parity, nlink = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
want = 1 if parity == 'odd' else 0
recs = {}
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../tests/extract/data/*.jsonl'))):
    for l in open(f):
        if l.strip():
            r = json.loads(l)
            if r['id'] % 2 == want: recs[r['id']] = r
fp = collections.defaultdict(set); fn = collections.defaultdict(set); unparsed = 0
pat = re.compile(r'relationsOnGoldMentions\(\)\s+#(\d+) (FP|FN) (\w+)\((.*)\)\s*$')
for line in open(errf):
    m = pat.search(line)
    if not m: continue
    i = int(m.group(1))
    if i not in recs: continue
    typ, args = m.group(3), m.group(4)
    surf = set(e[0] for e in recs[i]['entities']) | set(x for g in recs[i]['relations'] for x in (g[0], g[2]))
    cands = [(args[:k], args[k+2:]) for k in range(len(args)) if args[k:k+2] == ', ']
    ok = [c for c in cands if c[0] in surf and c[1] in surf] or cands[:1]
    if not ok: unparsed += 1; continue
    t = X.norm((ok[0][0], typ, ok[0][1]))
    (fp if m.group(2) == 'FP' else fn)[i].add(t)
parses = {r['id']: r for r in map(json.loads, open(parsef))}
def prf(tp, n_pred, n_gold): 
    p = tp / max(1, n_pred); r = tp / max(1, n_gold); return 'P %.3f R %.3f F1 %.3f (tp %d, pred %d, gold %d)' % (p, r, 2*p*r/max(1e-9, p+r), tp, n_pred, n_gold)
S = collections.Counter()
for i, rec in recs.items():
    G = set(X.norm(g) for g in rec['relations'])
    PAT = (G - fn[i]) | fp[i]
    LG = set()
    for L in parses[i]['linkages'][:nlink]: LG |= set(X.norm(t) for t in X.extract(rec, L))
    pairs = set(frozenset((t[0], t[2])) for t in PAT)
    fill_sent = PAT | (LG if not PAT else set())
    fill_pair = PAT | set(t for t in LG if frozenset((t[0], t[2])) not in pairs)
    S['gold'] += len(G)
    for name, P in (('patterns', PAT), ('LG', LG), ('union', PAT | LG), ('LG 2nd stage: sentences w/o pattern match', fill_sent), ('LG 2nd stage: pairs w/o pattern relation', fill_pair)):
        S[name + ':tp'] += len(P & G); S[name + ':pred'] += len(P)
    S['LG-only correct (pattern missed)'] += len((LG & G) - PAT)
    S['LG wrong where patterns silent on pair'] += len(set(t for t in LG - G if frozenset((t[0], t[2])) not in pairs))
print('parity', parity, 'sentences', len(recs), 'unparsed error lines', unparsed)
for name in ('patterns', 'LG', 'union', 'LG 2nd stage: sentences w/o pattern match', 'LG 2nd stage: pairs w/o pattern relation'):
    print('  %-45s %s' % (name, prf(S[name + ':tp'], S[name + ':pred'], S['gold'])))
print('  LG-only correct (pattern missed):', S['LG-only correct (pattern missed)'], ' LG wrong on pairs patterns left unrelated:', S['LG wrong where patterns silent on pair'])
