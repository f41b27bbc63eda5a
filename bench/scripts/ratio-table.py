#!/usr/bin/env python3
"""Markdown table of rate ratios from a raw.tsv of "rep<TAB>case<TAB>rate" lines (one per case and repetition):
ratio-table.py RAW 'label|numerator case|denominator case' ... — each row: the median rates and the median ratio
of the same repetition's rates, with min–max. Used by the bench scripts that rotate cases per repetition."""
import statistics, sys

rates, seen = {}, set()
for line in open(sys.argv[1]):
    rep, case, v = line.rstrip("\n").split("\t")
    seen.add(case)
    try:
        rates.setdefault(int(rep), {})[case] = float(v)
    except ValueError:
        pass  # a failed case prints no rate
print("| figure | rate | against | ratio, median (min–max) |")
print("|---|---|---|---|")
for spec in sys.argv[2:]:
    label, num, den = spec.split("|")
    if num not in seen or den not in seen:
        continue  # a case this run left out
    rs = [r[num] / r[den] for r in rates.values() if r.get(num) and r.get(den)]
    if not rs:
        print(f"| {label} | - | - | (failed) |")
        continue
    med = lambda c: statistics.median(r[c] for r in rates.values() if r.get(c))
    print(f"| {label} | {med(num):.0f}/s | {med(den):.0f}/s | {statistics.median(rs):.2f} ({min(rs):.2f}–{max(rs):.2f}) |")
