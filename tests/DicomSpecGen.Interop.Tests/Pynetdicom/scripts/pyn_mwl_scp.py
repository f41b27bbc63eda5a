#!/usr/bin/env python3
"""Modality Worklist C-FIND SCP (127.0.0.1) serving the .wl files of --folder.

Matching: a top-level key or a key in the first Scheduled Procedure Step Sequence item with a value matches by
single value or '*'/'?' wild card; other keys are returned. Prints {"kind":"find","identifier":...} per query.
Stops on SIGTERM or after --max-seconds."""
import argparse
import fnmatch
import glob
import os
import threading

from pydicom import dcmread
from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import ModalityWorklistInformationFind, Verification

from pyn_workflow_common import emit, to_json

SPS = "ScheduledProcedureStepSequence"


def matches(query, item):
    for elem in query:
        if elem.keyword == SPS:
            if elem.VR == "SQ" and len(elem.value) and SPS in item and len(item[SPS].value):
                if not matches(elem.value[0], item[SPS].value[0]):
                    return False
            continue
        if elem.keyword in ("SpecificCharacterSet", "QueryRetrieveLevel") or elem.VR == "SQ" or elem.value in (None, ""):
            continue
        have = str(item.get(elem.keyword, ""))
        if not fnmatch.fnmatchcase(have, str(elem.value)):
            return False
    return True


def answer(query, item):
    out = Dataset()
    for elem in query:
        if elem.keyword == SPS and elem.VR == "SQ":
            sub = Dataset()
            have = item[SPS].value[0] if SPS in item and len(item[SPS].value) else Dataset()
            for e in (elem.value[0] if len(elem.value) else Dataset()):
                setattr(sub, e.keyword, have.get(e.keyword, "")) if e.keyword in have else setattr(sub, e.keyword, "")
            out.ScheduledProcedureStepSequence = [sub]
        elif elem.keyword in item:
            out[elem.tag] = item[elem.tag]
        else:
            out[elem.tag] = elem
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--ae-title", default="PYNMWL")
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    items = [dcmread(p) for p in sorted(glob.glob(os.path.join(args.folder, "*.wl")))]

    def on_find(event):
        query = event.identifier
        emit("find", identifier=to_json(query))
        for item in items:
            if matches(query, item):
                yield 0xFF00, answer(query, item)

    ae = AE(ae_title=args.ae_title)
    ae.add_supported_context(ModalityWorklistInformationFind)
    ae.add_supported_context(Verification)
    server = ae.start_server(("127.0.0.1", args.port), block=False, evt_handlers=[(evt.EVT_C_FIND, on_find)])
    threading.Event().wait(args.max_seconds)
    server.shutdown()


if __name__ == "__main__":
    main()
