#!/usr/bin/python3
"""A real local SMTP server for tests and benchmarks (aiosmtpd, Debian's python3-aiosmtpd).

Listens on 127.0.0.1 and stores every accepted message byte for byte (after dot-unstuffing,
CRLF kept) in a Maildir: written to tmp/<unique>, fsynced, renamed into new/<unique>; the reply
250 comes only after the rename. <unique> (<time_ns>.<counter>.<pid>) sorts in delivery order.
The envelope goes to <maildir>/../envelope/<unique>.json first:
{"mail_from": ..., "rcpt_tos": [...], "auth_user": ... or null, "auth_mechanism": ... or null}.

Options:
  --port N              port on 127.0.0.1 (0: a free one); retries briefly while it is still taken
  --maildir DIR         the Maildir (tmp/, new/, cur/ are created)
  --starttls            offer STARTTLS with a throw-away self-signed certificate for localhost and
                        127.0.0.1 (made with the openssl CLI in --tls-dir, default the maildir's
                        parent, as cert.pem/key.pem; an existing pair there is reused), or --cert/--key
  --require-tls         refuse MAIL/RCPT/DATA/AUTH before STARTTLS (implies --starttls)
  --auth USER:PASSWORD  offer AUTH (PLAIN and LOGIN, see --auth-mechanisms); only over TLS unless
                        --auth-without-tls; AUTH stays optional for clients
  --auth-mechanisms M   comma-separated subset of PLAIN,LOGIN to offer (default both)
  --no-fsync            skip the fsync before the rename (benchmarks: the sink stands in for a
                        relay; its own disk flushes are not what is measured)
  --control DIR         hold: while DIR/hold exists, every RCPT first appends a line to DIR/held
                        and then waits (20 ms polls) until DIR/hold is removed
Prints "READY <port>" on stdout once listening; SIGTERM/SIGINT stop it with exit code 0, and so
does the end of the process that started it.
"""
import argparse
import asyncio
import itertools
import json
import logging
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, maildir, envelope_dir, control):
        self.maildir = maildir
        self.envelope_dir = envelope_dir
        self.control = control
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.control and os.path.exists(os.path.join(self.control, "hold")):
            with open(os.path.join(self.control, "held"), "a") as held:
                held.write(address + "\n")
            while os.path.exists(os.path.join(self.control, "hold")):
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        unique = "%d.%06d.%d" % (time.time_ns(), next(self.counter), os.getpid())
        auth = session.auth_data
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_user": auth.login.decode("utf-8", "replace") if isinstance(auth, LoginPassword) else None,
            "auth_mechanism": getattr(session, "sink_mechanism", None) if auth is not None else None,
        }
        write_atomically(os.path.join(self.envelope_dir, unique + ".json"),
                         os.path.join(self.envelope_dir, "." + unique + ".tmp"),
                         json.dumps(record).encode())
        write_atomically(os.path.join(self.maildir, "new", unique),
                         os.path.join(self.maildir, "tmp", unique),
                         bytes(envelope.original_content))
        return "250 OK"


FSYNC = True


def write_atomically(final, temporary, data):
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if FSYNC:
            os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(temporary, final)


class Authenticator:
    def __init__(self, username, password):
        self.username = username.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        if auth_data.login == self.username and auth_data.password == self.password:
            session.sink_mechanism = mechanism
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)


class SinkController(Controller):
    """A Controller on a socket bound here (port 0 works; SO_REUSEADDR for restarts)."""

    def __init__(self, handler, sock, **kwargs):
        self.sock = sock
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self.sock)


def bind(port):
    deadline = time.monotonic() + 10
    while True:
        # proto IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only then (with proto 0,
        # Nagle holds back the lines of multi-line replies until the client's delayed ACK, 40 ms).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen(128)
            sock.setblocking(False)
            return sock
        except OSError as error:
            sock.close()
            if port == 0 or time.monotonic() > deadline:
                raise
            print("smtp-sink: port %d: %s, retrying" % (port, error), file=sys.stderr, flush=True)
            time.sleep(0.05)


def throwaway_certificate(directory):
    os.makedirs(directory, exist_ok=True)
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    if not (os.path.exists(cert) and os.path.exists(key)):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", key + ".tmp", "-out", cert + ".tmp"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.rename(key + ".tmp", key)
        os.rename(cert + ".tmp", cert)
    return cert, key


def main():
    parser = argparse.ArgumentParser(description="local SMTP sink writing a Maildir")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--tls-dir")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--auth")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN")
    parser.add_argument("--auth-without-tls", action="store_true")
    parser.add_argument("--control")
    parser.add_argument("--no-fsync", action="store_true")
    args = parser.parse_args()
    global FSYNC
    FSYNC = not args.no_fsync
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="smtp-sink: %(name)s: %(message)s")

    maildir = os.path.abspath(args.maildir)
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    envelope_dir = os.path.join(os.path.dirname(maildir), "envelope")
    os.makedirs(envelope_dir, exist_ok=True)
    if args.control:
        os.makedirs(args.control, exist_ok=True)

    kwargs = {"server_hostname": "localhost", "enable_SMTPUTF8": False}
    if args.starttls or args.require_tls:
        if args.cert and args.key:
            cert, key = args.cert, args.key
        else:
            cert, key = throwaway_certificate(args.tls_dir or os.path.dirname(maildir))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = args.require_tls
    if args.auth:
        username, _, password = args.auth.partition(":")
        offered = {m.strip().upper() for m in args.auth_mechanisms.split(",") if m.strip()}
        kwargs["authenticator"] = Authenticator(username, password)
        kwargs["auth_require_tls"] = not args.auth_without_tls
        kwargs["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]

    controller = SinkController(MaildirHandler(maildir, envelope_dir, args.control), bind(args.port), **kwargs)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    parent = os.getppid()
    controller.start()
    print("READY %d" % controller.port, flush=True)
    while not stop.wait(0.5):
        if os.getppid() != parent:                      # the test process is gone: do not linger
            break
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
