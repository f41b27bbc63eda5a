#!/usr/bin/env python3
"""Capture real PDUs exchanged by DCMTK peers, for the fuzz corpus and regression tests.

A loopback TCP proxy sits between a DCMTK SCU and a DCMTK SCP and writes every PDU it forwards,
in each direction, to OUT/<scenario>-<n>-<dir>-<type>.bin. Loopback only, bounded by timeouts.
Usage: capture-pdus.py OUT   (needs echoscu, storescu, storescp, dump2dcm on the PATH)
"""
import os, socket, subprocess, sys, tempfile, threading, time

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
ENV = dict(os.environ, TCP_NODELAY="1")

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def pump(src, dst, name, direction, counter):
    buf = b""
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
            buf += data
            while len(buf) >= 6:
                length = int.from_bytes(buf[2:6], "big")
                if len(buf) < 6 + length:
                    break
                pdu, buf = buf[:6 + length], buf[6 + length:]
                counter[0] += 1
                # Keep P-DATA-TF captures small: the first few are enough for a corpus.
                if pdu[0] != 4 or counter[0] < 12:
                    with open(os.path.join(OUT, f"{name}-{counter[0]:02d}-{direction}-{pdu[0]:02x}.bin"), "wb") as f:
                        f.write(pdu)
    except OSError:
        pass
    finally:
        try: dst.shutdown(socket.SHUT_WR)
        except OSError: pass

def scenario(name, scp_cmd, scu_cmd):
    scp_port, proxy_port = free_port(), free_port()
    scp = subprocess.Popen([a.replace("{port}", str(scp_port)) for a in scp_cmd], env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    listener = socket.socket(); listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", proxy_port)); listener.listen(1); listener.settimeout(10)
    scu = subprocess.Popen([a.replace("{port}", str(proxy_port)) for a in scu_cmd], env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client, _ = listener.accept()
    server = socket.create_connection(("127.0.0.1", scp_port), timeout=10)
    counter = [0]
    threads = [threading.Thread(target=pump, args=(client, server, name, "rq", counter)),
               threading.Thread(target=pump, args=(server, client, name, "rp", counter))]
    for t in threads: t.start()
    scu.wait(timeout=30)
    for t in threads: t.join(timeout=10)
    scp.kill(); scp.wait(); listener.close()

tmp = tempfile.mkdtemp()
dump = os.path.join(tmp, "ct.dump")
with open(dump, "w") as f:
    f.write("""(0008,0016) UI =CTImageStorage
(0008,0018) UI [1.2.826.0.1.3680043.9.7433.3.1]
(0010,0010) PN [Corpus^Patient]
(0010,0020) LO [CORPUS1]
(0020,000d) UI [1.2.826.0.1.3680043.9.7433.3.2]
(0020,000e) UI [1.2.826.0.1.3680043.9.7433.3.3]
(0028,0010) US 8
(0028,0011) US 8
(0028,0100) US 16
(7fe0,0010) OW """ + "\\".join(["0000"] * 64) + "\n")
dcm = os.path.join(tmp, "ct.dcm")
subprocess.run(["dump2dcm", "+te", "-g", dump, dcm], check=True)

scenario("echo", ["storescp", "-aet", "CORPUSSCP", "{port}"],
         ["echoscu", "-aet", "CORPUSSCU", "-aec", "CORPUSSCP", "127.0.0.1", "{port}"])
scenario("store", ["storescp", "--ignore", "-aet", "CORPUSSCP", "{port}"],
         ["storescu", "-aet", "CORPUSSCU", "-aec", "CORPUSSCP", "127.0.0.1", "{port}", dcm])
scenario("reject", ["storescp", "-aet", "CORPUSSCP", "--refuse", "{port}"],
         ["echoscu", "-aet", "CORPUSSCU", "-aec", "CORPUSSCP", "127.0.0.1", "{port}"])
print("\n".join(sorted(os.listdir(OUT))))
