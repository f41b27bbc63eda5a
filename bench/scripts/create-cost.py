#!/usr/bin/env python3
"""Prints what creating one empty file costs in a folder: "create-cost: N us per file (COUNT files in DIR)".

Every receiver in the benchmarks creates one file per object (storescp -od, dsg scp's staging files, fsync-bound.py),
so this is part of every store row. On ext4 without a journal (this VM's root) a new inode is not taken from those
freed shortly before: the allocator checks each free inode's deletion time, so in block groups where many files were
just deleted a create can cost many times more (here 0.1-0.7 ms instead of 20-30 us, for many minutes after a
benchmark's clean-up deleted tens of thousands of files). The files are left in a new subfolder of DIR: deleting them
would do the same to the next run.

    create-cost.py DIR [COUNT]
"""
import os
import sys
import tempfile
import time


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    folder = tempfile.mkdtemp(prefix="create-cost.", dir=sys.argv[1])
    start = time.perf_counter()
    for i in range(count):
        os.close(os.open(os.path.join(folder, f"f{i}"), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    elapsed = time.perf_counter() - start
    print(f"create-cost: {elapsed * 1e6 / count:.0f} us per file ({count} files in {sys.argv[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
