#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""`untrain --sync-setup` in a terminal: it asks for the app password and does not echo it.

Runs untrain on a pseudo-terminal, answers the prompt, and reads everything the terminal
showed: the prompt, then no trace of the password, then why the set-up failed (the address is
a port nothing listens on, so it fails after the password was read, without a network). A
program that never finishes is killed and counted as a failure. Prints TAP.
"""

import os
import pty
import select
import socket
import sys
import tempfile
import termios

BINARY = os.environ["UNTRAIN_BINARY"]
PASSWORD = "typed-Secret-9x"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_until(fd, needle, limit=10.0):
    seen = b""
    while needle not in seen:
        ready, _, _ = select.select([fd], [], [], limit)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    return seen


def main():
    results = []
    home = tempfile.mkdtemp(prefix="untrain-sync-password-")
    url = "http://127.0.0.1:%d/" % free_port()
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), LC_ALL="C.UTF-8",
               SECRET_BACKEND="file", SECRET_FILE_TEST_PATH=os.path.join(home, "keyring"),
               SECRET_FILE_TEST_PASSWORD="test")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BINARY, [BINARY, "--sync-setup=" + url, "--user=anna"], env)

    prompt = read_until(fd, b": ")
    results.append((b"App password for anna at " + url.encode() in prompt, "asks for the app password"))
    # The echo flag is read from the terminal while the prompt waits.
    attributes = termios.tcgetattr(fd)
    results.append((not (attributes[3] & termios.ECHO), "the terminal does not echo while it asks"))
    os.write(fd, PASSWORD.encode() + b"\n")
    rest = read_until(fd, b"\n\x00never")
    status = None
    for _ in range(200):
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
        select.select([], [], [], 0.1)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        status = 255 << 8
    shown = prompt + rest
    results.append((PASSWORD.encode() not in shown, "the password is not shown"))
    results.append((b"could not reach the sync server" in shown, "the failure after it is said"))
    results.append((os.WEXITSTATUS(status) == 1, "exits with 1"))

    print("1..%d" % len(results))
    for number, (ok, name) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
        if not ok:
            print("# terminal showed: %r" % shown)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
