#!/usr/bin/env python3
"""Modality Performed Procedure Step SCP (127.0.0.1) keeping each instance's attributes and state.

N-CREATE: 0106 unless Performed Procedure Step Status is "IN PROGRESS", 0111 for a known instance.
N-SET: 0112 for an unknown instance; 0110 with Error Comment "Performed Procedure Step Object may no longer be
updated" and Error ID A710 once the status is COMPLETED or DISCONTINUED (PS3.4 F.7.2.2.3, Table F.7.2-2).
Prints {"kind":"n-create"|"n-set","instance":...,"status":...,"dataset":...} per request on stdout.
Stops on SIGTERM or after --max-seconds."""
import argparse
import threading

from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import ModalityPerformedProcedureStep, Verification

from pyn_workflow_common import emit, to_json

instances = {}
lock = threading.Lock()


def on_create(event):
    req = event.request
    ds = event.attribute_list
    uid = req.AffectedSOPInstanceUID
    with lock:
        if uid in instances:
            status = 0x0111
        elif ds.get("PerformedProcedureStepStatus", "") != "IN PROGRESS":
            status = 0x0106
        else:
            instances[uid] = ds
            status = 0x0000
    emit("n-create", instance=uid, status=status, dataset=to_json(ds))
    rsp = Dataset()
    rsp.Status = status
    return rsp, (ds if status == 0 else None)


def on_set(event):
    req = event.request
    mods = event.modification_list
    uid = req.RequestedSOPInstanceUID
    rsp = Dataset()
    with lock:
        have = instances.get(uid)
        if have is None:
            rsp.Status = 0x0112
        elif have.get("PerformedProcedureStepStatus", "") != "IN PROGRESS":
            rsp.Status = 0x0110
            rsp.ErrorComment = "Performed Procedure Step Object may no longer be updated"
            rsp.ErrorID = 0xA710
        else:
            for elem in mods:
                have[elem.tag] = elem
            rsp.Status = 0x0000
    emit("n-set", instance=uid, status=int(rsp.Status), dataset=to_json(mods),
         state=None if have is None else str(have.get("PerformedProcedureStepStatus", "")))
    return rsp, (have if rsp.Status == 0 else None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ae-title", default="PYNMPPS")
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    ae = AE(ae_title=args.ae_title)
    ae.add_supported_context(ModalityPerformedProcedureStep)
    ae.add_supported_context(Verification)
    server = ae.start_server(("127.0.0.1", args.port), block=False,
                             evt_handlers=[(evt.EVT_N_CREATE, on_create), (evt.EVT_N_SET, on_set)])
    threading.Event().wait(args.max_seconds)
    server.shutdown()


if __name__ == "__main__":
    main()
