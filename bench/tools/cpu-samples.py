# CPU samples per frame of a dotnet-trace profile: dotnet-trace collect -p PID --profile dotnet-sampled-thread-time,
# dotnet-trace convert --format speedscope, then: python3 cpu-samples.py X.speedscope.json [frame-filter] [rows].
# Counts only the samples whose leaf is CPU_TIME (a thread on a core), each frame once per sample (inclusive).
import json,sys,collections
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
incl=collections.Counter(); total=0
for p in d['profiles']:
    stack=[]; last=None
    for e in p['events']:
        t=e['at']
        if last is not None and stack and t>last:
            names=[frames[i] for i in stack]
            if names[-1]=='CPU_TIME':
                w=t-last; total+=w
                for n in set(names): incl[n]+=w
        last=t
        if e['type']=='O': stack.append(e['frame'])
        else:
            if stack: stack.pop()
print('cpu ms',round(total))
key=sys.argv[2] if len(sys.argv)>2 else ''
n=0
for name,w in incl.most_common():
    if key and key not in name: continue
    print(f"{100*w/total:5.1f}% {name[:170]}"); n+=1
    if n>=int(sys.argv[3] if len(sys.argv)>3 else 60): break
