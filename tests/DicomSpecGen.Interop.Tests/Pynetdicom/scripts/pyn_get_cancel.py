#!/usr/bin/env python3
"""pynetdicom C-GET SCU that sends a C-CANCEL (PS3.7 9.3.2.3) after --after pending responses.

Prints JSON on stdout: "established", "responses" (status and sub-operation counters of each C-GET response),
"stored" (C-STORE sub-operations received), "cancelled_after" (pending responses seen when the C-CANCEL went out)
and "echo" (status of a C-ECHO on a second association afterwards, or null if it failed), so the caller can check
that the SCP stopped early, ended with Cancel (FE00) and still serves.
"""
import argparse
import json
import logging
import sys

from pydicom.dataset import Dataset
from pynetdicom import AE, build_role, evt
from pynetdicom.sop_class import CTImageStorage, StudyRootQueryRetrieveInformationModelGet, Verification

COUNTERS = ("NumberOfRemainingSuboperations", "NumberOfCompletedSuboperations",
            "NumberOfFailedSuboperations", "NumberOfWarningSuboperations")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--aet", default="PYNSCU")
    p.add_argument("--aec", default="DSGSCP")
    p.add_argument("--study", required=True, help="Study Instance UID to retrieve")
    p.add_argument("--after", type=int, default=2, help="pending responses before the C-CANCEL")
    p.add_argument("--timeout", type=float, default=30)
    args = p.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")

    ae = AE(ae_title=args.aet)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = args.timeout
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelGet)
    ae.add_requested_context(CTImageStorage)
    stored = [0]

    def on_store(event):
        stored[0] += 1
        return 0x0000

    assoc = ae.associate(args.host, args.port, ae_title=args.aec, ext_neg=[build_role(CTImageStorage, scp_role=True)],
                         evt_handlers=[(evt.EVT_C_STORE, on_store)])
    result = {"established": assoc.is_established, "responses": [], "stored": 0, "cancelled_after": None, "echo": None}
    if assoc.is_established:
        query = Dataset()
        query.QueryRetrieveLevel = "STUDY"
        query.StudyInstanceUID = args.study
        msg_id = 7
        context_id = next(cx.context_id for cx in assoc.accepted_contexts
                          if cx.abstract_syntax == StudyRootQueryRetrieveInformationModelGet)
        pending = 0
        for status, _ in assoc.send_c_get(query, StudyRootQueryRetrieveInformationModelGet, msg_id=msg_id):
            if not status:
                result["responses"].append({"status": None})
                break
            entry = {"status": int(status.Status)}
            for c in COUNTERS:
                if c in status and status[c].value is not None:
                    entry[c] = int(status[c].value)
            result["responses"].append(entry)
            if entry["status"] in (0xFF00, 0xFF01):
                pending += 1
                if pending == args.after:
                    assoc.send_c_cancel(msg_id, context_id)
                    result["cancelled_after"] = pending
        assoc.release()
    result["stored"] = stored[0]

    # The SCP still serves: a fresh association, a C-ECHO.
    check = AE(ae_title=args.aet)
    check.acse_timeout = check.dimse_timeout = check.network_timeout = args.timeout
    check.add_requested_context(Verification)
    echo = check.associate(args.host, args.port, ae_title=args.aec)
    if echo.is_established:
        status = echo.send_c_echo()
        result["echo"] = int(status.Status) if status else None
        echo.release()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
