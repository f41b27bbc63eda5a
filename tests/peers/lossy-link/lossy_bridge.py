#!/usr/bin/python3
"""A userspace netem: forwards Ethernet frames between two interfaces with delay, loss, reordering and outages.

Why it exists: the lossy-network interop tests (tests/DicomSpecGen.Interop.Tests/Reliability/LossyNetwork*.cs) need
`tc qdisc ... netem`, but the kernels we run on have no sch_netem module ("Specified qdisc kind is unknown"). AF_PACKET
sockets work everywhere we run as root, so this program sits in a middle network namespace between two veth ends
and does netem's job on the frames it copies across.

  lossy_bridge.py bridge IF_A IF_B [--delay-ms 200] [--loss 0.01] [--reorder 0.02] [--reorder-ms 10]
                                   [--seed 1] [--max-seconds 900]
      Prints "ready" once both sockets are open, then reads commands on stdin, one a line:
        down SECONDS   drop every frame, both ways, for SECONDS (answers "down", then "up" when the link is back)
        stats          answers "stats forwarded=N lost=N outage=N reordered=N"
        quit           exits (so does end of input, or --max-seconds)
  lossy_bridge.py no-offload IFACE
      Turns off transmit checksum offload, TSO, GSO and GRO on IFACE (what `ethtool -K IFACE tx off tso off gso off
      gro off` does; ethtool is not installed everywhere). Run it on the veth ends the TCP stacks send from: otherwise
      the bridge would see 64 KB GSO frames it cannot send on, and frames whose checksum the veth never filled in,
      which the receiving stack drops.

ARP frames are passed at once (no delay or loss) while the link is up; the tests also set permanent neighbours.
Every loop is bounded: the program exits after --max-seconds whatever happens.
"""
import ctypes
import fcntl
import heapq
import os
import random
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
ETH_P_ARP = 0x0806
PACKET_OUTGOING = 4
SIOCETHTOOL = 0x8946
# include/uapi/linux/ethtool.h: legacy one-feature setters, still served by the kernel's ethtool ioctl
ETHTOOL_STXCSUM = 0x00000017
ETHTOOL_STSO = 0x0000001F
ETHTOOL_SGSO = 0x00000024
ETHTOOL_SGRO = 0x0000002C


def no_offload(iface):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for cmd in (ETHTOOL_SGRO, ETHTOOL_SGSO, ETHTOOL_STSO, ETHTOOL_STXCSUM):
            value = ctypes.create_string_buffer(struct.pack("II", cmd, 0))
            ifreq = struct.pack("16sP", iface.encode(), ctypes.addressof(value))
            try:
                fcntl.ioctl(s.fileno(), SIOCETHTOOL, ifreq)
            except OSError as e:
                print(f"no-offload {iface}: ethtool command {cmd:#x} failed: {e}", file=sys.stderr)
                return 1
    return 0


def open_port(iface):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8 << 20)
    s.bind((iface, 0))
    s.setblocking(False)
    return s


def parse(args):
    opts = {"--delay-ms": 200.0, "--loss": 0.01, "--reorder": 0.02, "--reorder-ms": 10.0, "--seed": 1.0, "--max-seconds": 900.0}
    rest = []
    i = 0
    while i < len(args):
        if args[i] in opts and i + 1 < len(args):
            opts[args[i]] = float(args[i + 1])
            i += 2
        else:
            rest.append(args[i])
            i += 1
    return rest, opts


def bridge(if_a, if_b, opts):
    delay = opts["--delay-ms"] / 1000.0
    loss = opts["--loss"]
    reorder = opts["--reorder"]
    extra = opts["--reorder-ms"] / 1000.0
    rng = random.Random(int(opts["--seed"]))
    deadline = time.monotonic() + opts["--max-seconds"]
    a, b = open_port(if_a), open_port(if_b)
    peer = {a.fileno(): b, b.fileno(): a}
    stdin = sys.stdin.fileno()
    os.set_blocking(stdin, False)
    pending = b""
    line = []  # heap of (due, sequence, socket, frame)
    seq = 0
    down_until = 0.0
    announced_down = False
    stats = {"forwarded": 0, "lost": 0, "outage": 0, "reordered": 0, "send_errors": 0}
    print("ready", flush=True)
    while True:
        now = time.monotonic()
        if now >= deadline:
            print("max-seconds reached", file=sys.stderr, flush=True)
            return 0
        if announced_down and now >= down_until:
            announced_down = False
            print("up", flush=True)
        wait = 0.2
        if line:
            wait = min(wait, max(0.0, line[0][0] - now))
        if announced_down:
            wait = min(wait, max(0.0, down_until - now))
        readable, _, _ = select.select([a, b, stdin], [], [], wait)
        now = time.monotonic()
        for r in readable:
            if r == stdin:
                chunk = os.read(stdin, 4096)
                if not chunk:
                    return 0
                pending += chunk
                while b"\n" in pending:
                    cmd, pending = pending.split(b"\n", 1)
                    words = cmd.decode().split()
                    if not words:
                        continue
                    if words[0] == "down":
                        down_until = time.monotonic() + float(words[1])
                        announced_down = True
                        print("down", flush=True)
                    elif words[0] == "stats":
                        print("stats " + " ".join(f"{k}={v}" for k, v in stats.items()), flush=True)
                    elif words[0] == "quit":
                        return 0
                continue
            out = peer[r.fileno()]
            # Bounded drain: at most 256 frames per wake-up, so due frames still go out on time.
            for _ in range(256):
                try:
                    frame, address = r.recvfrom(65536)
                except BlockingIOError:
                    break
                if address[2] == PACKET_OUTGOING:
                    continue  # our own transmission on this interface
                if now < down_until:
                    stats["outage"] += 1
                    continue
                if len(frame) >= 14 and struct.unpack_from("!H", frame, 12)[0] == ETH_P_ARP:
                    heapq.heappush(line, (now, seq, out, frame))
                    seq += 1
                    continue
                if rng.random() < loss:
                    stats["lost"] += 1
                    continue
                due = now + delay
                if rng.random() < reorder:
                    due += extra
                    stats["reordered"] += 1
                heapq.heappush(line, (due, seq, out, frame))
                seq += 1
        now = time.monotonic()
        while line and line[0][0] <= now:
            _, _, out, frame = heapq.heappop(line)
            if now < down_until:
                stats["outage"] += 1
                continue
            try:
                out.send(frame)
                stats["forwarded"] += 1
            except OSError:
                stats["send_errors"] += 1


def main(argv):
    rest, opts = parse(argv[1:])
    if len(rest) == 2 and rest[0] == "no-offload":
        return no_offload(rest[1])
    if len(rest) == 3 and rest[0] == "bridge":
        return bridge(rest[1], rest[2], opts)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
