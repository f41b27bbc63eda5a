#!/usr/bin/env python3
"""Modality Performed Procedure Step SCU: N-CREATE (status IN PROGRESS) then one N-SET per --set-status value
(e.g. --set-status COMPLETED --set-status COMPLETED to see the second refused), on one association.
Prints {"kind":"n-create-rsp"|"n-set-rsp","status":...,"errorComment":...,"errorId":...} per response."""
import argparse

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE
from pynetdicom.sop_class import ModalityPerformedProcedureStep

from pyn_common import reactor_resumed
from pyn_workflow_common import emit, status_of


def create_dataset(study_uid):
    ds = Dataset()
    step = Dataset()
    step.StudyInstanceUID = study_uid
    step.ReferencedStudySequence = []
    step.AccessionNumber = "ACC001"
    step.RequestedProcedureID = "RP001"
    step.RequestedProcedureDescription = "Interop"
    step.ScheduledProcedureStepID = "SPS001"
    step.ScheduledProcedureStepDescription = "Interop"
    step.ScheduledProtocolCodeSequence = []
    ds.ScheduledStepAttributesSequence = [step]
    ds.PatientName = "WORKFLOW^TEST"
    ds.PatientID = "WF001"
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.ReferencedPatientSequence = []
    ds.PerformedProcedureStepID = "PPS001"
    ds.PerformedStationAETitle = "PYNMPPSSCU"
    ds.PerformedStationName = ""
    ds.PerformedLocation = ""
    ds.PerformedProcedureStepStartDate = "20260101"
    ds.PerformedProcedureStepStartTime = "120000"
    ds.PerformedProcedureStepStatus = "IN PROGRESS"
    ds.PerformedProcedureStepDescription = ""
    ds.PerformedProcedureTypeDescription = ""
    ds.ProcedureCodeSequence = []
    ds.PerformedProcedureStepEndDate = ""
    ds.PerformedProcedureStepEndTime = ""
    ds.Modality = "CT"
    ds.StudyID = "1"
    ds.PerformedProtocolCodeSequence = []
    ds.PerformedSeriesSequence = []
    return ds


def set_dataset(status):
    ds = Dataset()
    ds.PerformedProcedureStepStatus = status
    ds.PerformedProcedureStepEndDate = "20260101"
    ds.PerformedProcedureStepEndTime = "121000"
    series = Dataset()
    series.PerformingPhysicianName = ""
    series.ProtocolName = "Interop"
    series.OperatorsName = ""
    series.SeriesInstanceUID = generate_uid()
    series.SeriesDescription = ""
    series.RetrieveAETitle = ""
    series.ReferencedImageSequence = []
    series.ReferencedNonImageCompositeSOPInstanceSequence = []
    ds.PerformedSeriesSequence = [series]
    return ds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--called", default="PYNMPPS")
    parser.add_argument("--calling", default="PYNMPPSSCU")
    parser.add_argument("--status", default="IN PROGRESS", help="Performed Procedure Step Status sent in the N-CREATE")
    parser.add_argument("--set-status", action="append", default=[])
    parser.add_argument("--set-uid", help="send the N-SETs to this SOP Instance UID instead of the created one")
    args = parser.parse_args()
    ae = AE(ae_title=args.calling)
    ae.add_requested_context(ModalityPerformedProcedureStep)
    assoc = ae.associate("127.0.0.1", args.port, ae_title=args.called)
    if not assoc.is_established:
        emit("error", message="association not established")
        raise SystemExit(2)
    uid = generate_uid()
    ds = create_dataset(generate_uid())
    ds.PerformedProcedureStepStatus = args.status
    rsp, _ = assoc.send_n_create(ds, ModalityPerformedProcedureStep, uid)
    reactor_resumed(assoc)
    emit("n-create-rsp", instance=uid, status=status_of(rsp))
    for status in args.set_status:
        target = args.set_uid or uid
        rsp, _ = assoc.send_n_set(set_dataset(status), ModalityPerformedProcedureStep, target)
        reactor_resumed(assoc)
        emit("n-set-rsp", instance=target, status=status_of(rsp),
             errorComment=None if rsp is None else rsp.get("ErrorComment"),
             errorId=None if rsp is None or "ErrorID" not in rsp else int(rsp.ErrorID))
    assoc.release()


if __name__ == "__main__":
    main()
