#!/usr/bin/env python3
"""Raw loopback TCP between two processes: the reference for large C-STOREs (issue 20: dsg store of large objects at
>= 40 % of it). One sender process writes TOTAL MiB in CHUNK-byte sendall calls (TCP_NODELAY), one receiver process
reads into a RECV-byte buffer and answers one byte at the end; prints the wall time from the first byte sent to the
answer, MB/s, and each side's CPU time. Repeats REPS times and prints the median.

    bench/scripts/raw-tcp.py [TOTAL_MiB=191] [CHUNK=1048576] [RECV=1048576] [REPS=5]
"""
import os, resource, socket, statistics, sys, time

total_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 191
chunk = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
recvsz = int(sys.argv[3]) if len(sys.argv) > 3 else 1 << 20
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 5
total = total_mb << 20


def cpu():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def once():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        conn, _ = listener.accept()
        buf, got, c0 = bytearray(recvsz), 0, cpu()
        while got < total:
            n = conn.recv_into(buf)
            if n == 0:
                break
            got += n
        conn.sendall(b"k")
        os.write(w, f"{cpu() - c0:.3f}".encode())
        os._exit(0)
    s = socket.create_connection(listener.getsockname())
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    data, sent = b"\x5a" * chunk, 0
    c0, t0 = cpu(), time.perf_counter()
    while sent < total:
        s.sendall(data)
        sent += chunk
    s.recv(1)
    t1, c1 = time.perf_counter(), cpu()
    os.waitpid(pid, 0)
    rcpu = float(os.read(r, 64).decode())
    s.close(); listener.close(); os.close(r); os.close(w)
    return t1 - t0, c1 - c0, rcpu


runs = [once() for _ in range(reps)]
for wall, scpu, rcpu in runs:
    print(f"# {total_mb} MiB in {wall:.3f} s: {total_mb / wall:.0f} MiB/s; sender CPU {scpu:.3f} s, receiver CPU {rcpu:.3f} s")
walls = sorted(r[0] for r in runs)
print(f"raw loopback TCP, {chunk}-byte sends, {recvsz}-byte reads: median {total_mb / statistics.median(walls):.0f} MiB/s "
      f"(min {total_mb / walls[-1]:.0f}, max {total_mb / walls[0]:.0f}, n={reps}); load average {os.getloadavg()[0]:.1f}")
