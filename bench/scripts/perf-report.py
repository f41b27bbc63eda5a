#!/usr/bin/env python3
"""One Markdown table of issue 20's end-to-end figures from the raw outputs of the bench scripts (standard library):

  perf-report.py [--compare RAW.tsv --echo-n N] [--window RAW.tsv] [--memory memory.tsv] [--index index.log ...]
                 [--index-reference index-ref.log ...]

--compare: compare.sh's raw.tsv (figure, repetition, ours ms, reference ms, objects, bytes); --window:
async-window.sh's raw.tsv (repetition, case, objects/s); --memory: scp-memory.sh's memory.tsv; --index: the output
of index-scale.sh (repeated for several runs: the insert-rate rows take their median, C-FIND and size the first run);
--index-reference: index-scale.sh --patients 1 after each of those runs (row 21's bound). Rows whose input is missing are left out. A ratio is taken within each repetition (> 1: ours is
faster) and shown as median (min–max); "ours" and "reference" are the rates of the median times of each side. Where
a target may lie beyond this machine, the last two columns give the physical bound measured in the same run and ours
as a fraction of it (median (min–max) over the same repetitions): the receiver bound of the SCU rows (replaystore.c),
the floor and ceiling of the --no-fsync rows, the ceiling and least ceiling of the durable single association, the disk for 8 at once."""
import argparse
import re
import statistics

HEAD = ("| # | figure | ours | reference | ratio, median (min–max) | target | met? | bound in the same run | ours / bound |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def spread(values, fmt="{:.2f}", note=""):
    return f"{fmt.format(statistics.median(values))}x ({fmt.format(min(values))}–{fmt.format(max(values))}{note})"


class Compare:
    """compare.sh's raw.tsv: per figure, the repetitions' (ours ms, reference ms, objects, bytes)."""

    def __init__(self, path):
        self.rows = {}
        for line in open(path):
            fig, _rep, ours, ref, units, size = line.rstrip("\n").split("\t")
            if not (units.isdigit() and size.isdigit()):
                ours = "fail"  # the script could not count its data: a failed repetition
            self.rows.setdefault(fig, []).append((ours, ref, int(units or 0), int(size or 0)))

    def good(self, fig):
        return [(int(o), int(r), u, b) for o, r, u, b in self.rows.get(fig, [])
                if o.isdigit() and r.isdigit() and int(o) > 0 and int(r) > 0 and u > 0]

    def fails(self, fig):
        reps = self.rows.get(fig, [])
        n = len(reps) - len(self.good(fig))
        return f" ({n} of {len(reps)} repetitions failed)" if n else ""

    @staticmethod
    def rate(ms, units, size, unit):
        return units / (ms / 1000) if unit == "obj" else size / (ms / 1000) / 1e6

    def ratio(self, fig):
        return [r / o for o, r, _, _ in self.good(fig)]

    def medians(self, fig, unit):
        g = self.good(fig)
        u, b = g[0][2], g[0][3]
        return (self.rate(statistics.median(o for o, _, _, _ in g), u, b, unit),
                self.rate(statistics.median(r for _, r, _, _ in g), u, b, unit))


def fmt_rate(v, unit):
    return f"{v:.0f}/s" if unit == "obj" else f"{v:.0f} MB/s"


def over_ceiling(ours, ceil):
    # The ceiling adds the floor's time and the disk's per object, as if nothing overlapped; an object of several
    # PDUs is written while the rest still arrives, so ours can pass it: then it bounds nothing and the row says so.
    return " (ours is above it, so for these objects it is no bound: receiving and writing overlap)" if ours > ceil else ""


def extra_ceiling(c, fig, unit, ours, want, name, beyond_text, what, suffix="-ceiling"):
    """The FIG-ceiling (or FIG+suffix) figure as a further bound in the cell: its rate, what it is, whether the
    target's rate (want) lies beyond it, and ours / it; empty when the run has none."""
    if not c.good(fig + suffix):
        return "", ""
    _, ceil = c.medians(fig + suffix, unit)
    beyond = over_ceiling(ours, ceil) or (f" ({beyond_text})" if want > ceil else "")
    return (f"; {name} {fmt_rate(ceil, unit)} {what}{beyond}",
            f"; {name} " + spread(c.ratio(fig + suffix)) + c.fails(fig + suffix))


LAST = ("startup",)   # context rows put at the end of the table, so the numbers of the target rows stay as they were


def compare_rows(c, echo_n, last=False):
    out = []
    # figure, label, reference name, unit, target (None: context), bound figure, bound description
    spec = [
        ("scu-small", "`dsg store` vs `storescu`, each into `storescp --ignore`, small", "storescu", "obj", 1.5, "receiver"),
        ("scu-ct", "same, CT-like", "storescu", "MB", 1.2, "receiver"),
        ("scu-large", "same, large", "storescu", "MB", 1.2, "receiver"),
        ("raw-large", "`dsg store`, large, vs raw loopback TCP per process (`rawtcp.c`, same bytes, 1 MiB buffers)", "raw TCP", "MB", 0.4, "raw"),
        ("nofsync-small", "`storescu` → `dsg scp --no-fsync` vs → `storescp -od`, small", "storescp -od", "obj", 1.5, "floor"),
        ("nofsync-ct", "same, CT-like", "storescp -od", "MB", 1.5, "floor"),
        ("nofsync-large", "same, large", "storescp -od", "MB", 1.0, "floor"),
        ("bound-small", "`storescu` → `dsg scp` (durable) vs write+fsync+rename (`fsync-bound.py`), small", "bound", "obj", 0.9, "ceiling"),
        ("bound-small-dir", "same, vs the bound with the folder fsync too (`fsync-bound.py --dir-fsync`)", "bound+dir", "obj", None, "ceiling"),
        ("durable-par8", "8 parallel `storescu` → `dsg scp` (durable) vs → `storescp --fork -od`, small", "storescp --fork -od", "obj", 1.0, "bound"),
        ("durable-small", "`storescu` → `dsg scp` (durable) vs → `storescp -od` (no fsync), small", "storescp -od", "obj", None, None),
        ("durable-ct", "same, CT-like", "storescp -od", "MB", None, None),
        ("durable-large", "same, large", "storescp -od", "MB", None, None),
        ("echo", f"`dsg echo -r {echo_n}` vs `echoscu --repeat {echo_n}`, into `storescp --ignore`, whole process", "echoscu", "echo", 1.0, None),
        ("startup", "process start and exit: 20 `dsg --version` in a row vs 20 `storescu --version` (processes/s)", "storescu", "echo", None, None),
    ]
    for fig, label, refname, unit, target, bound in spec:
        if fig not in c.rows or (fig in LAST) != last:
            continue
        unit = "obj" if unit == "echo" else unit
        tgt = f"≥ {target:.1f}x" if target else "(context)"
        if not c.good(fig):
            out.append([label, "failed", "", "", tgt, "no" if target else "", "", ""])
            continue
        ratios = c.ratio(fig)
        ours, ref = c.medians(fig, unit)
        met = ("yes" if statistics.median(ratios) >= target else "no") if target else ""
        bcell = bratio = ""
        if bound == "receiver" and c.good(fig + "-bound"):
            _, rx = c.medians(fig + "-bound", unit)
            at = " (the target is beyond this receiver)" if target * ref > rx else ""
            dcmtk = (f"; `storescu` {spread(c.ratio(fig + '-dcmtkbound'))} of it" + c.fails(fig + "-dcmtkbound")
                     if c.good(fig + "-dcmtkbound") else "")
            bcell = (f"{target:.1f}x target = {fmt_rate(target * ref, unit)}; receiver bound {fmt_rate(rx, unit)} "
                     f"(`replaystore.c`, pre-encoded, into the same receiver){dcmtk}{at}")
            bratio = spread(c.ratio(fig + "-bound")) + c.fails(fig + "-bound")
        elif bound == "raw" and c.good(fig + "-bound") and c.good(fig.replace("raw-", "scu-") + "-bound"):
            # fig-bound holds (replaystore ms, raw ms): the receiver's bound as a fraction of raw TCP
            rx, raw = c.medians(fig + "-bound", unit)
            at = " (the target is beyond this receiver)" if target * raw > rx else ""
            bcell = (f"{target:.1f}x target = {fmt_rate(target * raw, unit)}; receiver bound {fmt_rate(rx, unit)} = "
                     f"{spread(c.ratio(fig + '-bound'))} of raw TCP (`replaystore.c` → `storescp --ignore`){at}")
            bratio = spread(c.ratio(fig.replace("raw-", "scu-") + "-bound")) + c.fails(fig.replace("raw-", "scu-") + "-bound")
        elif bound == "floor" and c.good(fig + "-floor"):
            _, floor = c.medians(fig + "-floor", unit)
            at = " (the target is at or beyond the floor)" if target and target * ref >= 0.9 * floor else ""
            bcell = f"{target:.1f}x target = {fmt_rate(target * ref, unit)}; floor {fmt_rate(floor, unit)} (`storescu` → `storescp --ignore`){at}"
            bratio = "floor " + spread(c.ratio(fig + "-floor")) + c.fails(fig + "-floor")
            cell, ratio = extra_ceiling(c, fig, unit, ours, target * ref, "ceiling", "the target is beyond the ceiling",
                                        "(the floor + create+write+rename without fsync, `fsync-bound.py --no-fsync`, per object)")
            bcell += cell
            bratio += ratio
        elif bound == "ceiling" and c.good(fig + "-ceiling"):
            _, ceil = c.medians(fig + "-ceiling", unit)
            what = "write+fsync+rename+folder fsync" if fig.endswith("-dir") else "write+fsync+rename"
            pre = f"{target:.1f}x bound = {fmt_rate(target * ref, unit)}; " if target else ""
            at = over_ceiling(ours, ceil) or (" (the target is beyond the ceiling)" if target and target * ref > ceil else "")
            bcell = f"{pre}ceiling {fmt_rate(ceil, unit)} (`storescu` → `storescp --ignore` + {what}, per object){at}"
            bratio = spread(c.ratio(fig + "-ceiling")) + c.fails(fig + "-ceiling")
            if target:
                cell, ratio = extra_ceiling(c, fig, unit, ours, target * ref, "least ceiling", "the target is beyond any receiver with this sender",
                                            "(`storescu` → `storescp --ignore` + one write+fdatasync per object into a file written ahead, "
                                            "`fsync-bound.py --append`: the least a receiver that syncs each object before answering it waits for)", "-least")
                bcell += cell
                bratio += ratio
        elif bound == "bound" and c.good(fig + "-bound"):
            _, disk = c.medians(fig + "-bound", unit)
            at = " (the target is beyond the disk for a receiver that fsyncs each file)" if target * ref > disk else ""
            bcell = (f"{target:.1f}x target = {fmt_rate(target * ref, unit)}; disk {fmt_rate(disk, unit)} "
                     f"(8 × write+fsync+rename at once, `fsync-bound.py`){at}")
            bratio = "disk " + spread(c.ratio(fig + "-bound")) + c.fails(fig + "-bound")
            cell, ratio = extra_ceiling(c, fig, unit, ours, target * ref, "estimate for 2 cores", "the target is beyond it",
                                        "(8 `storescu` → `storescp --ignore` at once, plus the disk's time above, per object)")
            bcell += cell
            bratio += ratio.replace("; estimate for 2 cores ", "; estimate ")
        out.append([label, fmt_rate(ours, unit), f"{refname} {fmt_rate(ref, unit)}", spread(ratios) + c.fails(fig), tgt, met, bcell, bratio])
    return out


def window_rows(path):
    rates = {}
    for line in open(path):
        rep, case, v = line.rstrip("\n").split("\t")
        try:
            if float(v) > 0:
                rates.setdefault(int(rep), {})[case] = float(v)
        except ValueError:
            pass
    cases = {c for r in rates.values() for c in r} | {line.split("\t")[1] for line in open(path) if "\t" in line}
    spec = [  # label, numerator, denominator, target
        ("`dsg store --async-ops 8` vs `storescu`, each → `dsg scp --no-fsync --async-ops 8`, small", "fast-w8", "scu-fast", 3.0),
        ("`dsg store --async-ops 8` → `dsg scp --no-fsync --async-ops 8` vs `storescu` → `storescp -od`, small", "fast-w8", "dcmtk", None),
        ("window 8 vs window 1 (`dsg store`), → `dsg scp --no-fsync --async-ops 8`, small", "fast-w8", "fast-w1", None),
        ("window 8 vs window 1 (`dsg store`), → `dsg scp --async-ops 8` (durable), small", "durable-w8", "durable-w1", None),
    ]
    names = {"scu-fast": "storescu", "dcmtk": "storescp -od", "fast-w1": "window 1", "durable-w1": "window 1"}
    out = []
    for label, num, den, target in spec:
        if num not in cases or den not in cases:
            continue
        tgt = f"≥ {target:.1f}x" if target else "(context)"
        rs = [r[num] / r[den] for r in rates.values() if r.get(num) and r.get(den)]
        failed = sum(1 for r in rates.values() if not (r.get(num) and r.get(den)))
        note = f" ({failed} of {len(rates)} repetitions failed)" if failed else ""
        if not rs:
            out.append([label, "failed", "", "", tgt, "no" if target else "", "", ""])
            continue
        med = lambda c: statistics.median(r[c] for r in rates.values() if r.get(c))
        met = ("yes" if statistics.median(rs) >= target else "no") if target else ""
        bcell = bratio = ""
        if target and "replay-w8" in cases:
            # replaystore.c -w 8 into the same receiver: the fastest pipelined sender it can have.
            bs = [r["replay-w8"] / r[den] for r in rates.values() if r.get("replay-w8") and r.get(den)]
            ob = [r[num] / r["replay-w8"] for r in rates.values() if r.get("replay-w8") and r.get(num)]
            if bs and ob:
                rx = med("replay-w8")
                at = " (the target is beyond this receiver)" if target * med(den) > rx else ""
                bcell = (f"{target:.1f}x target = {target * med(den):.0f}/s; receiver bound {rx:.0f}/s (`replaystore.c -w 8`, "
                         f"pre-encoded, into the same receiver) = {spread(bs)} `storescu`{at}")
                bratio = spread(ob)
        out.append([label, f"{med(num):.0f}/s", f"{names[den]} {med(den):.0f}/s", spread(rs) + note, tgt, met, bcell, bratio])
    return out


def memory_rows(path):
    out = []
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "mem-a":
            growth, idle, peak, size, ok = map(int, f[1:6])
            label = f"`dsg scp` (durable), one association receiving one {size} MB object: resident set above idle"
            out.append([label, f"+{growth} MB" if ok else "failed", f"idle {idle} MB, peak {peak} MB" if ok else "", "", "< 64 MB",
                        ("yes" if growth < 64 else "no") if ok else "no", "", ""])
        elif f[0] == "mem-b":
            peak, idle, conc, per, stored, expected, most, fails = map(int, f[1:9])
            ok = stored == expected and fails == 0
            label = f"`dsg scp` (durable), {conc} associations at once × {per} small objects: peak resident set"
            out.append([label, f"{peak} MB" if ok else f"{peak} MB ({stored} of {expected} stored, {fails} storescu failed)",
                        f"idle {idle} MB; {most} open at once", "", "< 256 MB", "yes" if ok and peak < 256 else "no", "", ""])
    return out


def index_rows(paths, references=()):
    """Rows 21-22 from every run (median, min-max when there are several); C-FIND and size from the first run. With
    references (index-scale.sh --patients 1, one per run, in the same order), row 21's bound: the same instances into
    one patient's few series, so that only the random SOP Instance UID key grows at random places."""
    texts = [open(p).read() for p in paths]
    rate = r"first (\d+): (\d+)/s, last \d+: (\d+)/s, last/first ([\d.]+)"
    refs = [float(m.group(4)) for m in (re.search(rate, open(p).read()) for p in references) if m]
    text = texts[0]
    out = []
    head = re.search(r"index-scale: (\w+), (\d+) instances", text)
    n = f"{int(head.group(2)):,}" if head else "?"

    def over_runs(values):
        return f"{values[0]:.2f}x (one run)" if len(values) == 1 else spread(values, note=f", {len(values)} runs")

    runs = [m for m in (re.search(rate, t) for t in texts) if m]
    if runs:
        ratios = [float(m.group(4)) for m in runs]
        med = statistics.median(ratios)
        first = int(statistics.median(int(m.group(2)) for m in runs))
        last = int(statistics.median(int(m.group(3)) for m in runs))
        bound, fraction = "", ""
        if refs:
            beyond = " (the target is beyond it)" if statistics.median(refs) < 0.8 else ""
            bound = (f"reference last/first {over_runs(refs)}: the same {n} instances into one patient's few series "
                     f"(`index-scale.sh --patients 1`), so only the random SOP Instance UID key grows at random places{beyond}")
            # Paired run by run (each reference ran right after its run) where both sides have every run.
            fraction = over_runs([o / r for o, r in zip(ratios, refs)] if len(refs) == len(ratios) else [med / statistics.median(refs)])
        out.append([f"archive index, {n} instances: insert rate of the last {int(runs[0].group(1)):,} vs the first (empty index)",
                    f"{last}/s", f"first {first}/s", over_runs(ratios), "≥ 0.8x", "yes" if med >= 0.8 else "no", bound, fraction])
    cpu = [m for m in (re.search(r"CPU per insert.*?first \d+: (\d+) µs, last \d+: (\d+) µs", t) for t in texts) if m]
    if cpu:
        a = int(statistics.median(int(m.group(1)) for m in cpu))
        b = int(statistics.median(int(m.group(2)) for m in cpu))
        out.append(["same, process CPU per insert, first / last (load-independent)", f"last {b} µs", f"first {a} µs",
                    over_runs([int(m.group(1)) / int(m.group(2)) for m in cpu]), "(context)", "", "", ""])
    for row in re.finditer(r"^\| (.+?) \| (\d+) \| ([\d.]+) \| ([\d.]+–[\d.]+) \| ([\d.]+) \| < 50 \| (\w+) \|", text, re.M):
        name, matches, med, mm, cpu, _met = row.groups()
        out.append([f"STUDY-level C-FIND at {n}: {name}, {matches} {'study' if matches == '1' else 'studies'}", f"{med} ms (CPU {cpu} ms)", "", f"runs {mm} ms",
                    "< 50 ms", "yes" if float(med) < 50 else "no", "", ""])
    m = re.search(r"index size: ([\d.]+) MB, (\d+) bytes per instance", text)
    if m:
        out.append([f"index size at {n}", f"{m.group(2)} bytes per instance ({m.group(1)} MB)", "", "", "(reported)", "", "", ""])
    if not out:
        out.append([f"archive index at {n}", "failed (see the log)", "", "", "", "no", "", ""])
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--compare")
    p.add_argument("--echo-n", default="N")
    p.add_argument("--window")
    p.add_argument("--memory")
    p.add_argument("--index", action="append", help="index-scale.sh output; repeat for several runs")
    p.add_argument("--index-reference", action="append", default=[], help="index-scale.sh --patients 1 output, one per --index run")
    a = p.parse_args()
    rows = []
    if a.compare:
        rows += compare_rows(Compare(a.compare), a.echo_n)
    if a.window:
        rows += window_rows(a.window)
    if a.memory:
        rows += memory_rows(a.memory)
    if a.index:
        rows += index_rows(a.index, a.index_reference)
    if a.compare:
        rows += compare_rows(Compare(a.compare), a.echo_n, last=True)
    print(HEAD)
    for i, r in enumerate(rows, 1):
        print("| " + " | ".join([str(i)] + r) + " |")


if __name__ == "__main__":
    main()
