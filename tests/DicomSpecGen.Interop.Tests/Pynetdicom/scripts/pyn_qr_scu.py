#!/usr/bin/env python3
"""pynetdicom SCU for the interop tests: one association, one echo/find/move/get, result as JSON on stdout.

The JSON has "established", "rejected" (result, source, reason of an A-ASSOCIATE-RJ, if any) and
"responses": every response's status, sub-operation counters and identifier (keyword -> string).
C-GET stores what it receives under --out as <SOP Instance UID>.dcm (raw data set bytes, not re-encoded).
"""
import argparse
import json
import logging
import os
import sys

from pydicom.dataset import Dataset
from pydicom.filewriter import write_file_meta_info
from pynetdicom import AE, build_role, evt
from pynetdicom.sop_class import (
    CTImageStorage,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
    StudyRootQueryRetrieveInformationModelMove,
    PatientRootQueryRetrieveInformationModelFind,
    Verification,
)

MODELS = {
    ("find", "study"): StudyRootQueryRetrieveInformationModelFind,
    ("find", "patient"): PatientRootQueryRetrieveInformationModelFind,
    ("move", "study"): StudyRootQueryRetrieveInformationModelMove,
    ("get", "study"): StudyRootQueryRetrieveInformationModelGet,
}
COUNTERS = ("NumberOfRemainingSuboperations", "NumberOfCompletedSuboperations",
            "NumberOfFailedSuboperations", "NumberOfWarningSuboperations")


def identifier(ds):
    return None if ds is None else {e.keyword: str(e.value) for e in ds if e.keyword}


def response(status, ds=None):
    if not status:  # timeout, abort or invalid response: pynetdicom yields an empty Dataset
        return {"status": None}
    out = {"status": int(status.Status), "identifier": identifier(ds)}
    for c in COUNTERS:
        if c in status:
            out[c] = int(status[c].value)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("operation", choices=["echo", "find", "move", "get"])
    p.add_argument("--aet", default="PYNSCU")
    p.add_argument("--aec", default="DSGSCP")
    p.add_argument("--model", default="study", choices=["study", "patient"])
    p.add_argument("-k", "--key", action="append", default=[], help="Keyword=value (empty value = return key)")
    p.add_argument("--dest", help="C-MOVE destination AE title")
    p.add_argument("--out", help="folder for instances received by C-GET")
    p.add_argument("--timeout", type=float, default=20)
    args = p.parse_args()
    # pynetdicom logs to a NullHandler by default; its warnings and errors (rejected, aborted, ACSE timeout) go to
    # stderr with timestamps so a failed test shows which bound fired. stdout stays pure JSON.
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")

    ae = AE(ae_title=args.aet)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = args.timeout
    roles = []
    if args.operation == "echo":
        ae.add_requested_context(Verification)
    else:
        ae.add_requested_context(MODELS[(args.operation, args.model)])
    if args.operation == "get":
        ae.add_requested_context(CTImageStorage)
        roles.append(build_role(CTImageStorage, scp_role=True))

    rejection = {}

    def on_acse_recv(event):
        prim = event.primitive
        if getattr(prim, "result", None) in (0x01, 0x02):
            rejection.update(result=int(prim.result), source=int(prim.result_source), reason=int(prim.diagnostic))

    def on_store(event):
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, event.request.AffectedSOPInstanceUID + ".dcm"), "wb") as f:
            f.write(b"\x00" * 128 + b"DICM")
            write_file_meta_info(f, event.file_meta)
            f.write(event.request.DataSet.getvalue())
        return 0x0000

    handlers = [(evt.EVT_ACSE_RECV, on_acse_recv), (evt.EVT_C_STORE, on_store)]
    assoc = ae.associate(args.host, args.port, ae_title=args.aec, ext_neg=roles, evt_handlers=handlers)
    result = {"established": assoc.is_established, "rejected": rejection or None, "responses": []}
    if assoc.is_established:
        query = Dataset()
        for k in args.key:
            keyword, _, value = k.partition("=")
            setattr(query, keyword, value)
        if args.operation == "echo":
            result["responses"].append(response(assoc.send_c_echo()))
        elif args.operation == "find":
            for status, ds in assoc.send_c_find(query, MODELS[("find", args.model)]):
                result["responses"].append(response(status, ds))
        elif args.operation == "move":
            for status, ds in assoc.send_c_move(query, args.dest, MODELS[("move", args.model)]):
                result["responses"].append(response(status, ds))
        else:
            for status, ds in assoc.send_c_get(query, MODELS[("get", args.model)]):
                result["responses"].append(response(status, ds))
        assoc.release()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
