#!/usr/bin/env python3
"""The ping-pong floor of a C-STORE receiver: a minimal SCU that reads every file of FOLDER first, encodes each C-STORE
request (command PDU + one data PDU) in memory, then on one association sends each and waits for its response,
timing only the association (no process start, no scan). For CT Image Storage files in Explicit VR Little Endian (what
mkdata.py writes); data sets must fit the receiver's PDU limit (16 KiB for storescp: the small set).

    bench/scripts/scu-floor.py 127.0.0.1 PORT FOLDER   # e.g. into storescp --ignore -aet BENCHSCP PORT
"""
import os, socket, struct, sys, time

host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if not f.startswith('.'))
CT = b"1.2.840.10008.5.1.4.1.1.2"
EVRLE = b"1.2.840.10008.1.2.1"


def uid(u):
    return u + (b"\0" if len(u) % 2 else b"")


def item(t, body):
    return struct.pack(">BBH", t, 0, len(body)) + body


def assoc_rq():
    ctx = item(0x10, b"1.2.840.10008.3.1.1.1")
    pc = item(0x20, bytes([1, 0, 0, 0]) + item(0x30, CT) + item(0x40, EVRLE))
    ui = item(0x50, item(0x51, struct.pack(">I", 16384)) + item(0x52, b"1.2.3.4"))
    body = struct.pack(">HH", 1, 0) + b"BENCHSCP".ljust(16) + b"FLOOR".ljust(16) + bytes(32) + ctx + pc + ui
    return struct.pack(">BBI", 1, 0, len(body)) + body


def elem(g, e, v):
    return struct.pack("<HHI", g, e, len(v)) + v


def command(msgid, iuid):
    body = (elem(0, 2, uid(CT)) + elem(0, 0x100, struct.pack("<H", 1)) + elem(0, 0x110, struct.pack("<H", msgid))
            + elem(0, 0x700, struct.pack("<H", 0)) + elem(0, 0x800, struct.pack("<H", 0)) + elem(0, 0x1000, uid(iuid)))
    return elem(0, 0, struct.pack("<I", len(body))) + body


def pdata(pc, hdr, data):
    pdv = struct.pack(">IBB", len(data) + 2, pc, hdr) + data
    return struct.pack(">BBI", 4, 0, len(pdv)) + pdv


def read_pdu(s):
    hdr = b""
    while len(hdr) < 6:
        hdr += s.recv(6 - len(hdr))
    n = struct.unpack(">I", hdr[2:6])[0]
    body = b""
    while len(body) < n:
        body += s.recv(n - len(body))
    return hdr[0], body


def parse_meta(raw):
    # preamble + DICM, then explicit VR LE group 2 with its group length first
    glen = struct.unpack("<I", raw[140:144])[0]
    end = 144 + glen
    p, iuid = 144, None
    while p < end:
        g, e, vr = struct.unpack("<HH2s", raw[p:p + 6])
        if vr in (b"OB", b"OW", b"UN", b"SQ", b"UT"):
            n = struct.unpack("<I", raw[p + 8:p + 12])[0]; v = raw[p + 12:p + 12 + n]; p += 12 + n
        else:
            n = struct.unpack("<H", raw[p + 6:p + 8])[0]; v = raw[p + 8:p + 8 + n]; p += 8 + n
        if (g, e) == (2, 3):
            iuid = v.rstrip(b"\0")
    return iuid, raw[end:]


msgs = []
for i, path in enumerate(files):
    with open(path, "rb") as f:
        iuid, data = parse_meta(f.read())
    msgs.append(pdata(1, 3, command(i + 1, iuid)) + pdata(1, 2, data))
s = socket.create_connection((host, port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
t0 = time.perf_counter()
s.sendall(assoc_rq())
t, _ = read_pdu(s)
assert t == 2, t
for m in msgs:
    s.sendall(m)
    t, body = read_pdu(s)
    assert t == 4
t1 = time.perf_counter()
s.sendall(bytes([5, 0, 0, 0, 0, 4, 0, 0, 0, 0]))
read_pdu(s)
s.close()
print(f"{len(msgs)} objects in {t1 - t0:.3f} s ({len(msgs) / (t1 - t0):.0f}/s)")
