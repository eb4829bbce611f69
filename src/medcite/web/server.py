"""How ``medcite serve`` runs uvicorn: every limit set from the settings, none left to its
defaults.

- Proxy headers (``X-Forwarded-For``, ``X-Forwarded-Proto``) are believed only from the
  addresses the operator names (``--trusted-proxy``); by default from nobody, since
  uvicorn's own default (believe 127.0.0.1) lets any local process, or a proxy that passes
  the header through, choose its address and so escape the per-address sign-in throttle.
- A client must send its whole request head within ``web.header_timeout_seconds`` of
  connecting (or of its previous response): uvicorn has a keep-alive timeout but none for
  a request head that trickles in a byte at a time, so a few hundred such clients
  ("slowloris") would hold every connection open. :class:`RequestHeadTimeout` adds it.
- Request heads are capped at ``web.max_header_bytes``, open connections per worker at
  ``web.max_connections`` (more get 503); bodies are capped by the app (``BodyLimit``).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from medcite.settings import WebSettings


class RequestHeadTimeout(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request head is too slow to come.

    The timer runs while the connection waits for a request head (h11's ``IDLE``): from
    when it opens, and again after each response; it stops once the head is complete.
    Its length is uvicorn's keep-alive timeout, which medcite sets to the same setting.
    """

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.timeout_keep_alive, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self.transport.close()


def uvicorn_limits(settings: WebSettings, trusted_proxies: list[str]) -> dict[str, Any]:
    """The keyword arguments of ``uvicorn.run`` that bound what a client can make it do."""
    return {
        "http": RequestHeadTimeout,
        "proxy_headers": bool(trusted_proxies),
        "forwarded_allow_ips": ",".join(trusted_proxies) if trusted_proxies else "",
        "timeout_keep_alive": settings.header_timeout_seconds,
        "h11_max_incomplete_event_size": settings.max_header_bytes,
        "limit_concurrency": settings.max_connections,
    }
