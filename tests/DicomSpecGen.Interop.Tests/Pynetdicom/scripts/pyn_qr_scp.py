#!/usr/bin/env python3
"""Small pynetdicom Query/Retrieve SCP for the interop tests (127.0.0.1 only).

Serves the Part 10 files of --folder: Verification, CT Image Storage (received objects are written
to the folder), Study Root C-FIND/C-MOVE/C-GET and Patient Root C-FIND at STUDY and IMAGE level.
Matching is single-value or '*'/'?' wildcard on the keys given with a value; other keys are returned.
--abort-after N aborts the association in a C-FIND after N pending responses.
C-MOVE destinations come from --dest AE=PORT (on 127.0.0.1). Stops on SIGTERM or after --max-seconds.
"""
import argparse
import fnmatch
import os
import signal
import sys
import threading

from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.filewriter import write_file_meta_info
from pynetdicom import AE, evt
from pynetdicom.sop_class import (
    CTImageStorage,
    PatientRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
    StudyRootQueryRetrieveInformationModelMove,
    Verification,
)

LEVEL_KEY = {"PATIENT": "PatientID", "STUDY": "StudyInstanceUID", "SERIES": "SeriesInstanceUID", "IMAGE": "SOPInstanceUID"}


def load(folder):
    return [dcmread(os.path.join(folder, n)) for n in sorted(os.listdir(folder)) if n.endswith(".dcm")]


def matches(query, ds):
    for elem in query:
        if elem.keyword in ("QueryRetrieveLevel", "") or elem.value in (None, ""):
            continue
        if fnmatch.fnmatchcase(str(ds.get(elem.keyword, "")), str(elem.value)) is False:
            return False
    return True


def selected(query, folder):
    level = str(query.get("QueryRetrieveLevel", ""))
    if level not in LEVEL_KEY:
        return None
    seen, out = set(), []
    for ds in load(folder):
        key = str(ds.get(LEVEL_KEY[level], ""))
        if matches(query, ds) and key not in seen:
            seen.add(key)
            out.append(ds)
    return level, out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("port", type=int)
    p.add_argument("--aet", default="PYNQR")
    p.add_argument("--folder", required=True)
    p.add_argument("--dest", action="append", default=[], help="C-MOVE destination AE=PORT")
    p.add_argument("--require-called-aet", action="store_true", help="reject associations not addressed to --aet")
    p.add_argument("--abort-after", type=int, default=0, help="C-FIND: A-ABORT after this many pending responses")
    p.add_argument("--max-seconds", type=float, default=300)
    args = p.parse_args()
    destinations = {d.split("=")[0]: int(d.split("=")[1]) for d in args.dest}
    os.makedirs(args.folder, exist_ok=True)

    def on_find(event):
        found = selected(event.identifier, args.folder)
        if found is None:
            yield 0xA900, None  # Identifier does not match SOP Class
            return
        level, datasets = found
        for sent, ds in enumerate(datasets):
            if event.is_cancelled:
                yield 0xFE00, None
                return
            if args.abort_after and sent == args.abort_after:
                event.assoc.abort()  # a peer going away mid-query: no final response
                return
            rsp = Dataset()
            rsp.QueryRetrieveLevel = level
            for elem in event.identifier:
                if elem.keyword and elem.keyword != "QueryRetrieveLevel":
                    setattr(rsp, elem.keyword, ds.get(elem.keyword, "") if elem.keyword != "NumberOfStudyRelatedInstances"
                            else str(sum(1 for d in load(args.folder) if d.StudyInstanceUID == ds.StudyInstanceUID)))
            yield 0xFF00, rsp

    def instances(identifier):
        found = selected(identifier, args.folder)
        if found is None:
            return None
        return [ds for ds in load(args.folder) if any(ds.get(LEVEL_KEY[found[0]]) == m.get(LEVEL_KEY[found[0]]) for m in found[1])]

    def on_get(event):
        todo = instances(event.identifier)
        if todo is None:
            yield 0
            yield 0xA900, None
            return
        yield len(todo)
        for ds in todo:
            if event.is_cancelled:
                yield 0xFE00, None
                return
            yield 0xFF00, ds

    def on_move(event):
        if event.move_destination not in destinations:
            yield None, None  # pynetdicom answers Move Destination unknown (0xA801)
            return
        yield "127.0.0.1", destinations[event.move_destination]
        todo = instances(event.identifier)
        if todo is None:
            yield 0
            yield 0xA900, None
            return
        yield len(todo)
        for ds in todo:
            if event.is_cancelled:
                yield 0xFE00, None
                return
            yield 0xFF00, ds

    def on_store(event):
        with open(os.path.join(args.folder, event.request.AffectedSOPInstanceUID + ".dcm"), "wb") as f:
            f.write(b"\x00" * 128 + b"DICM")
            write_file_meta_info(f, event.file_meta)
            f.write(event.request.DataSet.getvalue())
        return 0x0000

    ae = AE(ae_title=args.aet)
    ae.require_called_aet = args.require_called_aet
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = 30
    ae.add_supported_context(Verification)
    ae.add_supported_context(CTImageStorage, scu_role=True, scp_role=True)
    for model in (StudyRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelMove,
                  StudyRootQueryRetrieveInformationModelGet, PatientRootQueryRetrieveInformationModelFind):
        ae.add_supported_context(model)
    ae.add_requested_context(CTImageStorage)  # for C-MOVE sub-operations
    handlers = [(evt.EVT_C_FIND, on_find), (evt.EVT_C_GET, on_get), (evt.EVT_C_MOVE, on_move), (evt.EVT_C_STORE, on_store)]
    server = ae.start_server(("127.0.0.1", args.port), block=False, evt_handlers=handlers)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait(args.max_seconds)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
