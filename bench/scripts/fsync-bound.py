#!/usr/bin/env python3
"""The disk's bound for a durable store: for each file given, write its bytes under a temporary name in DEST,
fsync, close and rename into place, one file after the other (what one association into a durable SCP must wait
for per object). With --dir-fsync, also fsync DEST after each rename (what makes the new name itself survive a
power loss, as `dsg scp` does): two syncs in a row per object. Prints: files seconds objects_per_second MB_per_second.

  fsync-bound.py [--dir-fsync] DEST FILE...
"""
import os
import sys
import time


def main():
    args = sys.argv[1:]
    dir_fsync = bool(args) and args[0] == "--dir-fsync"
    if dir_fsync:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    dest, files = args[0], args[1:]
    os.makedirs(dest, exist_ok=True)
    dir_fd = os.open(dest, os.O_RDONLY | os.O_DIRECTORY) if dir_fsync else -1
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
        if dir_fsync:
            os.fsync(dir_fd)
        total += len(data)
    seconds = time.perf_counter() - start
    if dir_fsync:
        os.close(dir_fd)
    print(f"{len(files)} {seconds:.4f} {len(files) / seconds:.1f} {total / seconds / 1e6:.1f}")


if __name__ == "__main__":
    main()
