#!/usr/bin/env python3
"""The disk's bound for a durable store: for each file given, write its bytes under a temporary name in DEST,
fsync, close and rename into place, one file after the other (what one association into a durable SCP must wait
for per object). Prints: files seconds objects_per_second MB_per_second.

  fsync-bound.py DEST FILE...
"""
import os
import sys
import time


def main():
    dest, files = sys.argv[1], sys.argv[2:]
    os.makedirs(dest, exist_ok=True)
    total = 0
    start = time.perf_counter()
    for i, src in enumerate(files):
        with open(src, "rb") as f:  # the SCP has the bytes in memory from the network; the page cache stands in
            data = f.read()
        temp = os.path.join(dest, f".staging-{i}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(temp, os.path.join(dest, f"{i}.dcm"))
        total += len(data)
    seconds = time.perf_counter() - start
    print(f"{len(files)} {seconds:.4f} {len(files) / seconds:.1f} {total / seconds / 1e6:.1f}")


if __name__ == "__main__":
    main()
