#!/usr/bin/env python3
"""pynetdicom Storage SCU for the interop tests: sends Part 10 files over one association.

PATHS are files or folders (a folder's files, not recursed, in name order). One presentation context is
proposed per SOP Class found, with the transfer syntaxes of its files. Files go out as stored (no re-encoding).
Prints "sent OK/TOTAL" on stderr; exit 0 only if every C-STORE returned Success (0000).
"""
import argparse
import os
import sys

from pydicom.filereader import read_file_meta_info
from pynetdicom import AE

from pyn_common import connection_handlers, reactor_resumed


def files_of(paths):
    result = []
    for path in paths:
        if os.path.isdir(path):
            result += [os.path.join(path, n) for n in sorted(os.listdir(path)) if os.path.isfile(os.path.join(path, n))]
        else:
            result.append(path)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--aet", default="PYNSCU", help="calling AE title")
    parser.add_argument("--aec", default="ANY-SCP", help="called AE title")
    parser.add_argument("--max-pdu", type=int, default=16382, help="maximum PDU length we receive (0: no limit)")
    parser.add_argument("--timeout", type=float, default=60, help="ACSE/DIMSE/network timeout in seconds")
    parser.add_argument("--nodelay", action="store_true", help="set TCP_NODELAY")
    args = parser.parse_args()

    files = files_of(args.paths)
    syntaxes = {}
    for f in files:
        meta = read_file_meta_info(f)
        syntaxes.setdefault(str(meta.MediaStorageSOPClassUID), set()).add(str(meta.TransferSyntaxUID))
    if len(syntaxes) > 128:
        print("more SOP Classes than presentation contexts (128)", file=sys.stderr)
        return 2

    ae = AE(ae_title=args.aet)
    ae.maximum_pdu_size = args.max_pdu
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = args.timeout
    for sop_class in sorted(syntaxes):
        ae.add_requested_context(sop_class, sorted(syntaxes[sop_class]))
    assoc = ae.associate(args.host, args.port, ae_title=args.aec, evt_handlers=connection_handlers(args.nodelay))
    if not assoc.is_established:
        print("association not established", file=sys.stderr)
        return 2
    ok = 0
    for f in files:
        rsp = assoc.send_c_store(f)
        reactor_resumed(assoc)
        if rsp and rsp.Status == 0x0000:
            ok += 1
        else:
            print(f"{f}: C-STORE status {rsp.Status if rsp else 'none'}", file=sys.stderr)
    assoc.release()
    print(f"sent {ok}/{len(files)}", file=sys.stderr)
    return 0 if ok == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
