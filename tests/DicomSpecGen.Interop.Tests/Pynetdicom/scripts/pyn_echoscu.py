#!/usr/bin/env python3
"""pynetdicom Verification SCU for the interop tests: COUNT C-ECHOs on one association.

Prints "pynetdicom echo: OK/COUNT ok" on stdout; exit 0 only if every C-ECHO returned Success (0000).
With --async-ops INVOKED PERFORMED it proposes an Asynchronous Operations Window and prints what the acceptor answered
("pynetdicom async ops: INVOKED/PERFORMED"; 1/1 when it left the item out).
"""
import argparse
import sys

from pynetdicom import AE
from pynetdicom.pdu_primitives import AsynchronousOperationsWindowNegotiation
from pynetdicom.sop_class import Verification

from pyn_common import connection_handlers, reactor_resumed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("-n", "--count", type=int, default=1)
    parser.add_argument("--aet", default="PYNSCU", help="calling AE title")
    parser.add_argument("--aec", default="ANY-SCP", help="called AE title")
    parser.add_argument("--timeout", type=float, default=30, help="ACSE/DIMSE/network timeout in seconds")
    parser.add_argument("--nodelay", action="store_true", help="set TCP_NODELAY")
    parser.add_argument("--async-ops", type=int, nargs=2, metavar=("INVOKED", "PERFORMED"), help="propose this window")
    args = parser.parse_args()
    ext_neg = []
    if args.async_ops:
        item = AsynchronousOperationsWindowNegotiation()
        item.maximum_number_operations_invoked, item.maximum_number_operations_performed = args.async_ops
        ext_neg.append(item)

    ae = AE(ae_title=args.aet)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = args.timeout
    ae.add_requested_context(Verification)
    assoc = ae.associate(args.host, args.port, ae_title=args.aec, ext_neg=ext_neg or None, evt_handlers=connection_handlers(args.nodelay))
    if not assoc.is_established:
        print("pynetdicom echo: association not established", file=sys.stderr)
        return 2
    if args.async_ops:
        invoked, performed = assoc.acceptor.asynchronous_operations
        print(f"pynetdicom async ops: {invoked}/{performed}")
    ok = 0
    for _ in range(args.count):
        rsp = assoc.send_c_echo()
        reactor_resumed(assoc)
        if rsp and rsp.Status == 0x0000:
            ok += 1
    assoc.release()
    print(f"pynetdicom echo: {ok}/{args.count} ok")
    return 0 if ok == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
