#!/usr/bin/env python3
"""Instance Availability Notification SCU: one N-CREATE (PS3.4 Table R.3.2-1 attributes) naming --count instances of
one series of a new study. --omit KEYWORD drops a top-level attribute, --availability sets Instance Availability,
--empty-sops sends an empty Referenced SOP Sequence. Prints {"kind":"n-create-rsp","instance":...,"study":...,
"status":...}."""
import argparse

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE
from pynetdicom.sop_class import InstanceAvailabilityNotification

from pyn_workflow_common import emit, status_of


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--called", default="DSGSCP")
    parser.add_argument("--calling", default="PYNIANSCU")
    parser.add_argument("--count", type=int, default=2)
    parser.add_argument("--availability", default="ONLINE")
    parser.add_argument("--omit", action="append", default=[])
    parser.add_argument("--empty-sops", action="store_true")
    args = parser.parse_args()
    study = generate_uid()
    ds = Dataset()
    ds.ReferencedPerformedProcedureStepSequence = []
    ds.StudyInstanceUID = study
    series = Dataset()
    series.SeriesInstanceUID = generate_uid()
    sops = []
    for _ in range(0 if args.empty_sops else args.count):
        item = Dataset()
        item.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        item.ReferencedSOPInstanceUID = generate_uid()
        item.InstanceAvailability = args.availability
        item.RetrieveAETitle = "PYNARCHIVE"
        sops.append(item)
    series.ReferencedSOPSequence = sops
    ds.ReferencedSeriesSequence = [series]
    for keyword in args.omit:
        delattr(ds, keyword)
    ae = AE(ae_title=args.calling)
    ae.add_requested_context(InstanceAvailabilityNotification)
    assoc = ae.associate("127.0.0.1", args.port, ae_title=args.called)
    if not assoc.is_established:
        emit("error", message="association not established")
        raise SystemExit(2)
    uid = generate_uid()
    rsp, _ = assoc.send_n_create(ds, InstanceAvailabilityNotification, uid)
    emit("n-create-rsp", instance=uid, study=study, status=status_of(rsp))
    assoc.release()


if __name__ == "__main__":
    main()
