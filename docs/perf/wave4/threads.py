import subprocess,os,time,sys,collections,json
# Per-thread CPU of one fresh `train` JVM (issue 19, fourth session), from /proc/PID/task.
# usage (from the checkout's root): python3 docs/perf/wave4/threads.py OUT_PREFIX [JVM flags...]
# needs JAVA (a JDK 25 java) and oneneuron-cli/target/oneneuron.jar
J=os.environ.get('JAVA','java')
args=[J,'--add-modules','jdk.incubator.vector','-XX:+UseSerialGC','-Xms32m']+sys.argv[2:]+['-jar','oneneuron-cli/target/oneneuron.jar','train','.bench-data/mnist','--classes','4,9','--hidden','64','--optimizer','adam','--lr','0.001','--steps','2000','--batch','256','--dtype','float32','--threads','1','--scaffold','keep','--json']
env=dict(os.environ,OPENBLAS_NUM_THREADS='1')
t0=time.time()
p=subprocess.Popen(args,stdout=open(sys.argv[1]+'.json','w'),stderr=subprocess.DEVNULL,env=env)
hz=os.sysconf('SC_CLK_TCK'); last={}
while p.poll() is None:
    try:
        for tid in os.listdir(f'/proc/{p.pid}/task'):
            try:
                s=open(f'/proc/{p.pid}/task/{tid}/stat').read()
                comm=s[s.index('(')+1:s.rindex(')')]; f=s[s.rindex(')')+2:].split()
                last[tid]=(comm,(int(f[11])+int(f[12]))/hz)
            except Exception: pass
    except Exception: pass
    time.sleep(0.2)
wall=time.time()-t0
by=collections.Counter()
for tid,(comm,cpu) in last.items():
    k=comm
    for pre in ['C2 CompilerThre','C1 CompilerThre','GC Thread','VM Thread']:
        if comm.startswith(pre): k=pre
    by[k]+=cpu
res={'wall':round(wall,2),'threads_cpu':{k:round(v,2) for k,v in by.most_common() if v>=0.01},'sum':round(sum(by.values()),2)}
print(json.dumps(res))
