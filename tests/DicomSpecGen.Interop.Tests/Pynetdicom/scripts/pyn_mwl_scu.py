#!/usr/bin/env python3
"""Modality Worklist C-FIND SCU: one query on the Modality Worklist Information Model - FIND.

Keys: --key Keyword[=value] for a top-level attribute, --key ScheduledProcedureStepSequence.Keyword[=value] for an
attribute of the (single) Scheduled Procedure Step item; a key without '=' is a return key (empty value).
Prints {"kind":"pending","identifier":{DICOM JSON}} per match and {"kind":"final","status":..,"errorComment":..}."""
import argparse

from pydicom.dataset import Dataset
from pydicom.datadict import dictionary_VR, tag_for_keyword
from pynetdicom import AE
from pynetdicom.sop_class import ModalityWorklistInformationFind

from pyn_workflow_common import emit, log, to_json

SPS = "ScheduledProcedureStepSequence"


def set_key(ds, keyword, value):
    tag = tag_for_keyword(keyword)
    if tag is None:
        raise SystemExit(f"unknown keyword {keyword}")
    ds.add_new(tag, dictionary_VR(tag), value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--called", default="ANY-SCP")
    parser.add_argument("--calling", default="PYNMWLSCU")
    parser.add_argument("--key", action="append", default=[])
    args = parser.parse_args()

    query = Dataset()
    item = None
    for key in args.key:
        path, _, value = key.partition("=")
        if path.startswith(SPS + "."):
            if item is None:
                item = Dataset()
            set_key(item, path[len(SPS) + 1:], value)
        elif path == SPS:
            item = item or Dataset()
        else:
            set_key(query, path, value)
    if item is not None:
        query.ScheduledProcedureStepSequence = [item]

    ae = AE(ae_title=args.calling)
    ae.add_requested_context(ModalityWorklistInformationFind)
    assoc = ae.associate(args.host, args.port, ae_title=args.called)
    if not assoc.is_established:
        log("association not established")
        raise SystemExit(2)
    try:
        for status, identifier in assoc.send_c_find(query, ModalityWorklistInformationFind):
            if status is None:
                log("no response (timeout or abort)")
                raise SystemExit(3)
            if status.Status in (0xFF00, 0xFF01):
                emit("pending", identifier=to_json(identifier))
            else:
                emit("final", status=int(status.Status), errorComment=str(status.get("ErrorComment", "")) or None)
    finally:
        assoc.release()


if __name__ == "__main__":
    main()
