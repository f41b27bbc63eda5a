#!/usr/bin/env python3
"""Instance Availability Notification SCP (127.0.0.1): accepts every N-CREATE of the IAN SOP class (PS3.4 R.3.2.1).
Prints {"kind":"n-create","instance":...,"calling":...,"status":0,"dataset":...} per request on stdout.
Stops on SIGTERM or after --max-seconds."""
import argparse
import threading

from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import InstanceAvailabilityNotification

from pyn_workflow_common import emit, to_json


def on_create(event):
    ds = event.attribute_list
    emit("n-create", instance=event.request.AffectedSOPInstanceUID, calling=event.assoc.requestor.ae_title.strip(),
         status=0, dataset=to_json(ds))
    rsp = Dataset()
    rsp.Status = 0x0000
    return rsp, ds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ae-title", default="PYNIAN")
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    ae = AE(ae_title=args.ae_title)
    ae.add_supported_context(InstanceAvailabilityNotification)
    server = ae.start_server(("127.0.0.1", args.port), block=False, evt_handlers=[(evt.EVT_N_CREATE, on_create)])
    threading.Event().wait(args.max_seconds)
    server.shutdown()


if __name__ == "__main__":
    main()
