"""The web service as ``make serve`` runs it, on a free loopback port, for ``make bench``.

``python -m bench.web_server --trust ROOT.pem --chain CHAIN.pem`` builds
:func:`cookalong.web.create_app` from the environment (``ASK_SDK_VERIFY_SIGNATURE``,
``ASK_SDK_VERIFY_TIMESTAMP``, ``SKILL_ID``, the store settings) and serves it with werkzeug's
threaded server on 127.0.0.1, printing ``port <n>`` once it listens. With signature
verification on, the verifier trusts the root in ``ROOT.pem`` and "downloads" every chain from
``CHAIN.pem`` (the benchmark's own PKI, shaped like Amazon's; nothing leaves the machine). It
serves until it is terminated.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from cryptography import x509
from werkzeug.serving import make_server

from cookalong.verifier import SignatureVerifier
from cookalong.web import create_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web_server")
    parser.add_argument("--trust", type=Path, required=True, help="PEM root(s) to trust")
    parser.add_argument("--chain", type=Path, required=True, help="PEM chain to serve")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    chain = args.chain.read_bytes()
    verifier = SignatureVerifier(
        trusted_roots=x509.load_pem_x509_certificates(args.trust.read_bytes()),
        fetch=lambda url: chain,
    )
    app = create_app(signature_verifier=verifier)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"port {server.port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
