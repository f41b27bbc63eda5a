"""Helpers shared by the workflow scripts (MWL, MPPS, Storage Commitment): datasets as JSON lines on stdout."""
import json
import sys
import threading

# Handlers and the report thread emit concurrently; print() writes the text and the newline apart, so lines could
# interleave without the lock.
_emit_lock = threading.Lock()


def to_json(ds):
    """A dataset in the DICOM JSON model (PS3.18 F.2), or None."""
    return None if ds is None else ds.to_json_dict()


def emit(kind, **fields):
    """One JSON object per line on stdout, flushed at once so a test reading the stream sees it."""
    line = json.dumps(dict(kind=kind, **fields)) + "\n"
    with _emit_lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def status_of(rsp):
    return None if rsp is None or "Status" not in rsp else int(rsp.Status)


def log(*args):
    print(*args, file=sys.stderr, flush=True)
