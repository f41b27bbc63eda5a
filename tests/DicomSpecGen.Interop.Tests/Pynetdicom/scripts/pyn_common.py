"""Helpers shared by the pyn_*.py interop scripts (imported from the scripts' own folder)."""
import socket

from pynetdicom import evt


def _no_nagle(event):
    # pynetdicom leaves Nagle's algorithm on; small PDUs would then wait for delayed ACKs.
    event.assoc.dul.socket.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def connection_handlers(nodelay):
    """Event handlers that set TCP_NODELAY on every connection when asked to."""
    return [(evt.EVT_CONN_OPEN, _no_nagle)] if nodelay else []
