"""Stopping the local servers (socketserver-based) the tools and tests run in a thread."""

from __future__ import annotations

import contextlib
import socket
import socketserver


def wake(listener: socket.socket) -> None:
    """Shut a listening socket down, which wakes a thread blocked on it (in ``select`` or
    ``accept``) at once; closing it alone does not. Already closed: nothing to do."""
    with contextlib.suppress(OSError):
        listener.shutdown(socket.SHUT_RDWR)


def shutdown_now(server: socketserver.BaseServer) -> None:
    """``server.shutdown()`` without waiting out ``serve_forever``'s poll interval.

    Waking the listening socket (:func:`wake`) ends the loop's ``select`` at once (the
    ``accept`` that follows fails, which the loop ignores), so it sees the stop request on its
    next turn instead of up to one poll interval later: a test that starts a server pays that
    at every stop.
    """
    listener = getattr(server, "socket", None)
    if listener is not None:
        wake(listener)
    server.shutdown()
