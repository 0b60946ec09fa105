#!/usr/bin/env python3
"""Summarise a speedscope file from `dotnet-trace convert --format speedscope` (EventPipe CPU samples).

The sample profiler samples every managed thread, running or not. Stacks whose innermost frame is a wait (thread pool
idle, socket polling, monitors, sleeps, timers) are counted as idle and left out; what remains is time spent working
(including time blocked inside native calls such as SQLite's fsync, which shows as the P/Invoke frame).

usage: trace-summary.py FILE.speedscope.json [--top N] [--phases] [--frame SUBSTRING]
"""
import json, sys, collections

PSEUDO = ("Process64 ", "Thread (", "(Activities)", "Activity ")

# Phases of one order, by the first matching frame (inner frames first). Order matters.
PHASES = [
    ("waiting for a GC (PollGC: threads stopped while the GC runs)", ("PollGC",)),
    ("exceptions (throw, unwind, capture)", ("EH.DispatchEx", "ExceptionDispatchInfo", "StackFrameIterator", "StackTrace", "Exception..ctor")),
    ("lock contention (Monitor.Enter slow path, spin waits)", ("Monitor.Enter_Slowpath", "LowLevelSpinWaiter", "SpinWait", "ReaderWriterLockSlim", "Thread.Sleep")),
    ("thread pool (worker wake-up and idle)", ("LowLevelLifoSemaphore", "WaitHandle.Wait", "PortableThreadPool", "SetEvent")),
    ("SQLite (native step/commit/fsync)", ("SQLitePCL", "sqlite3_")),
    ("storage: serialize/deserialize grain state", ("Orleans.Serialization", "OrleansJsonSerializer", "GrainStateSerializer", "RowJson", "StateSerializer")),
    ("storage: write path (group commit, rows, outbox)", ("AgriLink.Storage.",)),
    ("search feed (Lucene)", ("Lucene", "AgriLink.Search")),
    ("live feed / SignalR", ("MarketFeed", "LiveRelay", "SignalR", "AgriLink.Web.Live")),
    ("audit", ("Audit",)),
    ("JSON (System.Text.Json)", ("System.Text.Json",)),
    ("authentication (JWT / data protection)", ("Authentication", "JwtBearer", "IdentityModel", "DataProtection", "Cryptography")),
    ("grains: order/listing/buyer logic", ("AgriLink.Grains.",)),
    ("Orleans runtime (messaging, activation, scheduling)", ("Orleans.",)),
    ("Kestrel/HTTP", ("Kestrel", "System.Net.", "Microsoft.AspNetCore.Server", "Http2", "Http1")),
    ("ASP.NET Core routing/binding/validation", ("Microsoft.AspNetCore.",)),
    ("AgriLink.Web endpoints", ("AgriLink.Web.",)),
    ("GC", ("System.GC", "gc_heap", "WKS::", "SVR::")),
]

def load(path):
    d = json.load(open(path))
    frames = [f["name"] for f in d["shared"]["frames"]]
    stacks = collections.Counter()
    for p in d["profiles"]:
        stack, last = [], None
        for e in p["events"]:
            t = e["at"]
            if last is not None and stack and t > last:
                stacks[tuple(stack)] += t - last
            last = t
            if e["type"] == "O":
                stack.append(e["frame"])
            else:
                # close: pop up to and including the frame
                while stack:
                    if stack.pop() == e["frame"]:
                        break
    return frames, stacks

def clean(frames, stack):
    """The stack without the converter's pseudo frames (process, thread, activities); its last entry says the state."""
    return tuple(f for f in stack if not frames[f].startswith(PSEUDO))

def main():
    args = sys.argv[1:]
    path = args[0]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 15
    frames, stacks = load(path)
    total = sum(stacks.values())
    # dotnet-trace ends each sampled stack with CPU_TIME (running managed code) or UNMANAGED_CODE_TIME (in native code:
    # waiting in epoll or a lock, or working in SQLite); only CPU_TIME stacks are counted as CPU.
    native = collections.Counter()
    busy = collections.Counter()
    for s, v in stacks.items():
        c = clean(frames, s)
        if len(c) < 2:
            continue
        if frames[c[-1]] == "CPU_TIME":
            busy[c[:-1]] += v
        elif frames[c[-1]] == "UNMANAGED_CODE_TIME":
            native[frames[c[-2]]] += v
    work = sum(busy.values())
    print(f"# {path}\n\nthread time sampled {total:.0f} ms; on CPU in managed code {work:.0f} ms; in native code (waiting or working) {sum(native.values()):.0f} ms\n")
    incl, excl = collections.Counter(), collections.Counter()
    for s, v in busy.items():
        for f in set(s):
            incl[frames[f]] += v
        excl[frames[s[-1]]] += v
    if "--frame" in args:
        needle = args[args.index("--frame") + 1]
        callers = collections.Counter()
        for s, v in busy.items():
            names = [frames[f] for f in s]
            for i, n in enumerate(names):
                if needle in n:
                    callers[" <- ".join(reversed(names[max(0, i - 6):i + 1]))] += v
                    break
        for k, v in callers.most_common(top):
            print(f"{100 * v / work:5.1f}%  {k}")
        return
    print("| native call (UNMANAGED_CODE_TIME, by managed caller) | ms |\n| --- | ---: |")
    for name, v in native.most_common(8):
        print(f"| `{name[:110]}` | {v:.0f} |")
    print()
    print(f"| frame (exclusive) | ms | share of CPU |\n| --- | ---: | ---: |")
    for name, v in excl.most_common(top):
        print(f"| `{name[:110]}` | {v:.0f} | {100 * v / work:.1f}% |")
    print(f"\n| frame (inclusive, AgriLink/Orleans/ASP.NET frames) | ms | share |\n| --- | ---: | ---: |")
    shown = 0
    for name, v in incl.most_common():
        if not any(k in name for k in ("AgriLink", "Orleans.", "Microsoft.AspNetCore", "Lucene", "SQLite", "System.Text.Json")):
            continue
        print(f"| `{name[:110]}` | {v:.0f} | {100 * v / work:.1f}% |")
        shown += 1
        if shown >= top * 2:
            break
    if "--phases" in args:
        phases = collections.Counter()
        for s, v in busy.items():
            names = [frames[f] for f in reversed(s)]
            label = "other (runtime, thread pool, BCL)"
            for n in names:
                hit = next((p for p, keys in PHASES if any(k in n for k in keys)), None)
                if hit:
                    label = hit
                    break
            phases[label] += v
        print(f"\n| phase (innermost matching frame) | ms | share |\n| --- | ---: | ---: |")
        for k, v in phases.most_common():
            print(f"| {k} | {v:.0f} | {100 * v / work:.1f}% |")

main()
