#!/usr/bin/env python3
"""pynetdicom Storage and Verification SCP for the interop tests (listens on 127.0.0.1 by default).

Accepts every storage SOP Class pynetdicom knows. With --out DIR each received object is written to
DIR/<SOPInstanceUID>.dcm as Part 10 (the data set bytes as received, not re-encoded); without it C-STOREs are
acknowledged and dropped. Runs until SIGTERM/SIGINT or --max-seconds.
"""
import argparse
import os
import signal
import sys
import threading

from pydicom.filewriter import write_file_meta_info
from pynetdicom import AE, AllStoragePresentationContexts, evt
from pynetdicom.sop_class import Verification

from pyn_common import connection_handlers


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--aet", default="PYNSCP")
    parser.add_argument("--out", help="folder for received objects")
    parser.add_argument("--max-pdu", type=int, default=16382, help="maximum PDU length we receive (0: no limit)")
    parser.add_argument("--max-seconds", type=float, default=600, help="stop after this long")
    parser.add_argument("--nodelay", action="store_true", help="set TCP_NODELAY")
    args = parser.parse_args()

    def store(event):
        if args.out:
            target = os.path.join(args.out, str(event.request.AffectedSOPInstanceUID) + ".dcm")
            with open(target, "wb") as f:
                f.write(bytes(128) + b"DICM")
                write_file_meta_info(f, event.file_meta)
                f.write(event.request.DataSet.getvalue())
        return 0x0000

    if args.out:
        os.makedirs(args.out, exist_ok=True)
    ae = AE(ae_title=args.aet)
    ae.maximum_pdu_size = args.max_pdu
    ae.supported_contexts = AllStoragePresentationContexts
    ae.add_supported_context(Verification)
    handlers = [(evt.EVT_C_STORE, store)] + connection_handlers(args.nodelay)
    server = ae.start_server((args.host, args.port), block=False, evt_handlers=handlers)
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    done.wait(args.max_seconds)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
