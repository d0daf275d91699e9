"""gunicorn settings for the web service: threaded workers that slow clients cannot stall.

``gunicorn -c python:cookalong.gunicorn_conf 'cookalong.web:create_app()'``

With gunicorn's default *sync* workers, each worker serves one connection at a time, from its
first byte to its last: two clients that send their headers or body slowly take both workers
of ``--workers 2`` until gunicorn's 30-second timeout kills them, and nothing else is served
meanwhile. The *gthread* worker hands each connection to one of ``threads`` threads only once
bytes arrive (a connection that stays silent waits in the worker's poller), so a slow client
holds one thread, not the worker; the skill reads a body within
:data:`cookalong.web.BODY_SECONDS` and refuses a slower one (408). A client that trickles its
*headers* still holds a thread until it finishes, which is why production runs behind a
reverse proxy that buffers whole requests before passing them on (nginx does by default; see
the README), and the threads only ever see complete requests.

Environment: ``BIND`` (default ``127.0.0.1:8000``), ``WEB_WORKERS`` (2), ``WEB_THREADS`` (16).
"""

from __future__ import annotations

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "16"))
# A worker whose main loop is stuck this long is restarted (threads blocked on slow clients
# do not count: the main loop keeps beating).
timeout = 30
graceful_timeout = 10
# Idle keep-alive connections wait in the poller, not in a thread, and are closed after this.
keepalive = 5
# Alexa's requests have a short request line and a dozen headers; refuse anything much larger.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
