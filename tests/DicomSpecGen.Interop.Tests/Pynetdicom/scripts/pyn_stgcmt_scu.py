#!/usr/bin/env python3
"""Storage Commitment Push Model SCU: N-ACTION (Action Type ID 1) for --ref CLASS_UID=INSTANCE_UID items, then
waits up to --wait seconds for the N-EVENT-REPORT: on the same association, or with --listen PORT on a new
association it accepts (the SCP proposes the SCP role; PS3.4 J.3.3.1.3). Prints {"kind":"n-action-rsp",...}
and {"kind":"n-event-report","eventTypeId":...,"dataset":...,"association":"same"|"new"}; exit 0 once reported."""
import argparse
import threading

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE, evt
from pynetdicom.sop_class import StorageCommitmentPushModel

from pyn_workflow_common import emit, status_of, to_json

WELL_KNOWN_INSTANCE = "1.2.840.10008.1.20.1.1"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--called", default="PYNSTGCMT")
    parser.add_argument("--calling", default="PYNSTGCMTSCU")
    parser.add_argument("--ref", action="append", required=True, help="SOPClassUID=SOPInstanceUID")
    parser.add_argument("--listen", type=int, help="accept the N-EVENT-REPORT on a new association on this port")
    parser.add_argument("--wait", type=float, default=20)
    args = parser.parse_args()
    reported = threading.Event()

    def on_report(event, association):
        emit("n-event-report", eventTypeId=int(event.request.EventTypeID), dataset=to_json(event.event_information), association=association)
        reported.set()
        return 0x0000, None

    ae = AE(ae_title=args.calling)
    # Each wait bounded so that the whole script (associate, N-ACTION, the report, release) ends, and says what it saw,
    # before the test's own limit (60 s) kills it.
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = 10
    ae.add_requested_context(StorageCommitmentPushModel)
    server = None
    if args.listen:
        ae.add_supported_context(StorageCommitmentPushModel, scu_role=False, scp_role=True)
        server = ae.start_server(("127.0.0.1", args.listen), block=False,
                                 evt_handlers=[(evt.EVT_N_EVENT_REPORT, lambda e: on_report(e, "new"))])
    assoc = ae.associate("127.0.0.1", args.port, ae_title=args.called,
                         evt_handlers=[(evt.EVT_N_EVENT_REPORT, lambda e: on_report(e, "same"))])
    if not assoc.is_established:
        emit("error", message="association not established")
        raise SystemExit(2)
    ds = Dataset()
    ds.TransactionUID = generate_uid()
    refs = []
    for ref in args.ref:
        cls, inst = ref.split("=", 1)
        item = Dataset()
        item.ReferencedSOPClassUID = cls
        item.ReferencedSOPInstanceUID = inst
        refs.append(item)
    ds.ReferencedSOPSequence = refs
    rsp, _ = assoc.send_n_action(ds, 1, StorageCommitmentPushModel, WELL_KNOWN_INSTANCE)
    emit("n-action-rsp", status=status_of(rsp), transactionUid=str(ds.TransactionUID))
    if not assoc.is_established and not args.listen:
        emit("error", message="the association ended before the report (no N-ACTION response?)")
        raise SystemExit(4)
    if args.listen:
        assoc.release()  # the report comes on a new association
    ok = reported.wait(args.wait)
    if assoc.is_established:
        assoc.release()
    if server is not None:
        server.shutdown()
    raise SystemExit(0 if ok else 3)


if __name__ == "__main__":
    main()
