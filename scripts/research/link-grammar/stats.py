#!/usr/bin/python3
import json,sys,statistics
R=[json.loads(l) for l in open(sys.argv[1])]
t=sorted(r['time'] for r in R)
n=len(t)
print('n',n,'median ms %.1f'%(1000*statistics.median(t)),'p95 ms %.1f'%(1000*t[int(0.95*n)-1]),'max ms %.1f'%(1000*t[-1]),'mean ms %.1f'%(1000*sum(t)/n))
print('complete (null=0):',sum(1 for r in R if r['null']==0 and r['nlink']>0),'/',n)
print('no linkage at all:',sum(1 for r in R if r['nlink']==0))
