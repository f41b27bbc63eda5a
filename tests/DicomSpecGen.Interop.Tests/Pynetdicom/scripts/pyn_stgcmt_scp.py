#!/usr/bin/env python3
"""Storage Commitment Push Model SCP (127.0.0.1). Commits every referenced instance whose SOP Instance UID is not
in --fail UID[=REASON] (those get Failure Reason REASON, hexadecimal, default 0112; event type 2). The N-EVENT-REPORT goes on the N-ACTION's association
(default; sent from a thread once the N-ACTION response's P-DATA-TF has been written, as the handler's thread must
return first) or,
with --report-port, on a new association to 127.0.0.1:PORT (AE --report-ae) proposing the SCP role (PS3.4 J.3.3.1.2).
Prints {"kind":"n-action",...} and {"kind":"n-event-report-rsp","status":...}. Stops on SIGTERM or --max-seconds."""
import argparse
import threading

from pydicom.dataset import Dataset
from pynetdicom import AE, build_role, evt
from pynetdicom.sop_class import StorageCommitmentPushModel, Verification

from pyn_workflow_common import emit, status_of, to_json

WELL_KNOWN_INSTANCE = "1.2.840.10008.1.20.1.1"


def result(action, failing):
    ds = Dataset()
    ds.TransactionUID = action.TransactionUID
    ok, failed = [], []
    for item in action.ReferencedSOPSequence:
        ref = Dataset()
        ref.ReferencedSOPClassUID = item.ReferencedSOPClassUID
        ref.ReferencedSOPInstanceUID = item.ReferencedSOPInstanceUID
        if str(item.ReferencedSOPInstanceUID) in failing:
            ref.FailureReason = failing[str(item.ReferencedSOPInstanceUID)]
            failed.append(ref)
        else:
            ok.append(ref)
    if ok:
        ds.ReferencedSOPSequence = ok
    if failed:
        ds.FailedSOPSequence = failed
    return (2 if failed else 1), ds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ae-title", default="PYNSTGCMT")
    parser.add_argument("--fail", action="append", default=[])
    parser.add_argument("--report-port", type=int)
    parser.add_argument("--report-ae", default="PYNSTGCMTSCU")
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    ae = AE(ae_title=args.ae_title)
    ae.add_supported_context(StorageCommitmentPushModel)
    ae.add_supported_context(Verification)

    def report(assoc, action):
        failing = dict((f.split("=")[0], int(f.split("=")[1], 16) if "=" in f else 0x0112) for f in args.fail)
        event_type, ds = result(action, failing)
        if assoc is None:
            reporter = AE(ae_title=args.ae_title)
            reporter.add_requested_context(StorageCommitmentPushModel)
            role = build_role(StorageCommitmentPushModel, scu_role=False, scp_role=True)
            assoc = reporter.associate("127.0.0.1", args.report_port, ae_title=args.report_ae, ext_neg=[role])
            if not assoc.is_established:
                emit("error", message="report association not established")
                return
            rsp, _ = assoc.send_n_event_report(ds, event_type, StorageCommitmentPushModel, WELL_KNOWN_INSTANCE)
            emit("n-event-report-rsp", status=status_of(rsp), eventType=event_type, association="new")
            assoc.release()
        else:
            # The response first: a report arriving while pynetdicom's SCU still waits for it is never answered (the
            # SCU hung under load when a fixed 0.2 s sleep was all that ordered them).
            if not action_rsp_sent(assoc).wait(30):
                emit("error", message="N-ACTION response not sent within 30 s")
                return
            rsp, _ = assoc.send_n_event_report(ds, event_type, StorageCommitmentPushModel, WELL_KNOWN_INSTANCE)
            emit("n-event-report-rsp", status=status_of(rsp), eventType=event_type, association="same")

    rsp_sent = {}
    rsp_lock = threading.Lock()

    def action_rsp_sent(assoc):
        with rsp_lock:
            return rsp_sent.setdefault(id(assoc), threading.Event())

    armed = set()

    def on_dimse_sent(event):
        # Triggered before the message's P-DATA-TF is queued: the next P-DATA-TF written on this association is it.
        if type(event.message).__name__ == "N_ACTION_RSP":
            with rsp_lock:
                armed.add(id(event.assoc))

    def on_pdu_sent(event):
        if type(event.pdu).__name__ == "P_DATA_TF":
            with rsp_lock:
                if id(event.assoc) not in armed:
                    return
                armed.discard(id(event.assoc))
            action_rsp_sent(event.assoc).set()

    def on_action(event):
        req = event.request
        action = event.action_information
        emit("n-action", actionTypeId=int(req.ActionTypeID), instance=str(req.RequestedSOPInstanceUID), dataset=to_json(action))
        status = Dataset()
        if req.ActionTypeID != 1:
            status.Status = 0x0123  # No Such Action Type
            return status, None
        threading.Thread(target=report, args=(None if args.report_port else event.assoc, action), daemon=True).start()
        status.Status = 0x0000
        return status, None

    server = ae.start_server(("127.0.0.1", args.port), block=False, evt_handlers=[(evt.EVT_N_ACTION, on_action), (evt.EVT_DIMSE_SENT, on_dimse_sent), (evt.EVT_PDU_SENT, on_pdu_sent)])
    threading.Event().wait(args.max_seconds)
    server.shutdown()


if __name__ == "__main__":
    main()
