"""Helpers shared by the pyn_*.py interop scripts (imported from the scripts' own folder)."""
import socket
import time

from pynetdicom import evt


def _no_nagle(event):
    # pynetdicom leaves Nagle's algorithm on; small PDUs would then wait for delayed ACKs.
    event.assoc.dul.socket.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def connection_handlers(nodelay):
    """Event handlers that set TCP_NODELAY on every connection when asked to."""
    return [(evt.EVT_CONN_OPEN, _no_nagle)] if nodelay else []


def reactor_resumed(assoc, limit=1.0):
    """Call after each send_*() that another follows on the same association: waits (at most LIMIT s) until the
    association's reactor thread has run again.

    A race in pynetdicom 2.0.2's Association: send_*() pauses the reactor (it waits until the reactor reports
    _is_paused), sends, takes the response off the DIMSE queue, and unpauses it. A reactor thread not scheduled since
    that unpause still reads as paused, so the next send_*() goes ahead at once; when the reactor does run, its
    get_msg() takes that next response off the queue as if it were a request, and send_*() waits out its whole DIMSE
    timeout. Seen under CPU load with a peer that answers within a millisecond: a capture showed the C-ECHO-RSP
    delivered and ACKed, then 30 s of silence and the release.
    """
    deadline = time.monotonic() + limit
    while getattr(assoc, "_is_paused", False) and time.monotonic() < deadline:
        time.sleep(0.0001)
