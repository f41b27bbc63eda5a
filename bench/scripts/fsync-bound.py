#!/usr/bin/env python3
"""The disk's bound for a durable store: for each file given, write its bytes under a temporary name in DEST,
fsync, close and rename into place, one file after the other (what one association into a durable SCP must wait
for per object). With --dir-fsync, also fsync DEST after each rename (what makes the new name itself survive a
power loss, as `dsg scp` does): two syncs in a row per object. With --no-fsync, no sync at all: create, write, close,
rename (what a `--no-fsync` receiver must at least do per object besides receiving it). With --append, the least a
receiver that makes each object durable before answering it can wait for: one file in DEST, made and synced before
the clock at the size of all objects (so no write changes its size or allocates), then per object one write of its
bytes at the next offset and one fdatasync (no metadata to flush: one flush of the data alone). Prints: files seconds
objects_per_second MB_per_second.

  fsync-bound.py [--dir-fsync | --no-fsync | --append] DEST FILE...
"""
import os
import sys
import time


def main():
    args = sys.argv[1:]
    mode = args[0] if args and args[0] in ("--dir-fsync", "--no-fsync", "--append") else ""
    if mode:
        args = args[1:]
    dir_fsync, fsync = mode == "--dir-fsync", mode != "--no-fsync"
    if not args:
        sys.exit(__doc__)
    dest, files = args[0], args[1:]
    os.makedirs(dest, exist_ok=True)
    dir_fd = os.open(dest, os.O_RDONLY | os.O_DIRECTORY) if dir_fsync else -1
    data_of = []
    for src in files:  # read before the clock: the SCP has the bytes in memory from the network
        with open(src, "rb") as f:
            data_of.append(f.read())
    if mode == "--append":
        return append(dest, data_of)
    total = 0
    start = time.perf_counter()
    for i, data in enumerate(data_of):
        temp = os.path.join(dest, f".staging-{i}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:  # 1 MiB writes: one write of tens of MB was several times slower here (2026-12-07)
                view = view[os.write(fd, view[:1 << 20]):]
            if fsync:
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


def append(dest, data_of):
    size = sum(len(d) for d in data_of)
    fd = os.open(os.path.join(dest, "journal"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        zeros = bytes(1 << 20)
        for offset in range(0, size, len(zeros)):  # written, not just allocated: unwritten extents are converted on write
            os.pwrite(fd, zeros[:min(len(zeros), size - offset)], offset)
        os.fsync(fd)
        dir_fd = os.open(dest, os.O_RDONLY | os.O_DIRECTORY)
        os.fsync(dir_fd)
        os.close(dir_fd)
        offset = 0
        start = time.perf_counter()
        for data in data_of:
            view = memoryview(data)
            while view:
                n = os.pwrite(fd, view[:1 << 20], offset)
                view, offset = view[n:], offset + n
            os.fdatasync(fd)
        seconds = time.perf_counter() - start
    finally:
        os.close(fd)
    print(f"{len(data_of)} {seconds:.4f} {len(data_of) / seconds:.1f} {size / seconds / 1e6:.1f}")


if __name__ == "__main__":
    main()
