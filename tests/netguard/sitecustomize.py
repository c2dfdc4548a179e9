"""Loaded by Python at start-up when this folder is on PYTHONPATH: every attempt to open a network
connection or resolve a name is written to $NETGUARD_LOG and refused."""

import os
import socket

_log = os.environ.get("NETGUARD_LOG", "/dev/null")


def _refuse(what):
    def refuse(*args, **kwargs):
        with open(_log, "a") as f:
            f.write(f"{what} {args[1:] if what == 'connect' else args}\n")
        raise OSError(f"network disabled by the test: {what}")

    return refuse


_original_connect = socket.socket.connect


def _connect(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _original_connect(self, address)
    return _refuse("connect")(self, address)


socket.socket.connect = _connect
socket.socket.connect_ex = _connect
socket.getaddrinfo = _refuse("getaddrinfo")
socket.create_connection = _refuse("create_connection")
