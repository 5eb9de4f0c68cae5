"""Contacting other issuers' sites, when ``BADGES_VERIFY_FETCH`` allows it: GETs over https
only (http too with ``DEBUG``), never to a private, loopback, link-local or reserved address
(also after a redirect: the connection goes to the address that was checked), within
``BADGES_VERIFY_FETCH_TIMEOUT``, ``BADGES_VERIFY_FETCH_MAX_BYTES`` and
``BADGES_VERIFY_FETCH_MAX_REQUESTS``. What cannot be read raises :class:`FetchError` with a
reason in the visitor's language."""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail_cityoflearning.conf import cityoflearning_settings

ACCEPT_ANY = "application/ld+json, application/json, application/vc+jwt, image/png, image/svg+xml"
MAX_REDIRECTS = 3
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="col-verify-dns")


class FetchError(Exception):
    """An address that could not (or may not) be read; ``reason`` says why, in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes
    location: str = ""

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


def http_failure(response: Fetched) -> str:
    return _("%(host)s answered with an error (HTTP %(status)s).") % {
        "host": urlsplit(response.url).hostname,
        "status": response.status,
    }


def address_allowed(address: str) -> bool:
    """Whether an IP address is one on the public internet."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


class Fetcher:
    """GETs of other sites' addresses for one check, within the settings' limits."""

    def __init__(self):
        self.timeout = float(cityoflearning_settings.BADGES_VERIFY_FETCH_TIMEOUT)
        self.max_bytes = int(cityoflearning_settings.BADGES_VERIFY_FETCH_MAX_BYTES)
        self.left = int(cityoflearning_settings.BADGES_VERIFY_FETCH_MAX_REQUESTS)
        self.cache: dict[tuple[str, str], Fetched] = {}

    def get(self, url: str, *, accept: str) -> Fetched:
        if (url, accept) in self.cache:
            return self.cache[(url, accept)]
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            response = self.once(current, accept)
            if response.location:
                # A redirect: its target is checked like any address before it is contacted.
                current = urljoin(current, response.location)
                continue
            self.cache[(url, accept)] = response
            return response
        raise FetchError(_("%(host)s redirects the request too many times.") % {
            "host": urlsplit(url).hostname
        })  # fmt: skip

    def address_for(self, host: str, port: int) -> str:
        try:
            future = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
            infos = future.result(timeout=self.timeout)
        except FutureTimeout:
            raise FetchError(_("%(host)s did not answer in time.") % {"host": host}) from None
        except (OSError, UnicodeError):
            raise FetchError(_("%(host)s could not be found.") % {"host": host}) from None
        addresses = [info[4][0] for info in infos]
        if not addresses or not all(address_allowed(a) for a in addresses):
            raise FetchError(
                _("%(host)s is a private or local address; it is not contacted.") % {"host": host}
            )
        return addresses[0]

    def once(self, url: str, accept: str) -> Fetched:
        try:
            parts = urlsplit(url)
            port = parts.port
        except (ValueError, TypeError):
            raise FetchError(_("This web address cannot be read.")) from None
        host = parts.hostname
        allowed = ("https", "http") if settings.DEBUG else ("https",)
        if parts.scheme not in allowed or not host:
            raise FetchError(
                _("%(url)s is not a secure (https) address; it is not contacted.") % {"url": url}
            )
        if self.left <= 0:
            raise FetchError(_("Checking it would need too many requests to other sites."))
        self.left -= 1
        port = port or (443 if parts.scheme == "https" else 80)
        address = self.address_for(host, port)
        if parts.scheme == "https":
            connection = CheckedHTTPSConnection(address, host, port, self.timeout)
        else:
            connection = CheckedHTTPConnection(address, host, port, self.timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        started = time.monotonic()
        try:
            connection.request(
                "GET",
                path,
                headers={"Accept": accept, "User-Agent": "wagtail-cityoflearning badge verifier"},
            )
            response = connection.getresponse()
            body = bytearray()
            while chunk := response.read1(16384):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(
                        _("%(host)s sent more than %(size)s KB; it was not read.")
                        % {"host": host, "size": self.max_bytes // 1024}
                    )
                if time.monotonic() - started > self.timeout:
                    raise FetchError(_("%(host)s did not answer in time.") % {"host": host})
        except TimeoutError:
            raise FetchError(_("%(host)s did not answer in time.") % {"host": host}) from None
        except ssl.SSLError:
            raise FetchError(
                _("%(host)s's secure connection could not be trusted.") % {"host": host}
            ) from None
        except (http.client.HTTPException, OSError):
            raise FetchError(_("%(host)s could not be reached.") % {"host": host}) from None
        finally:
            connection.close()
        content_type = response.getheader("Content-Type", "")
        location = response.getheader("Location", "")
        if response.status in (301, 302, 303, 307, 308) and location:
            return Fetched(url, response.status, content_type, b"", location=location)
        return Fetched(url, response.status, content_type, bytes(body))


class CheckedHTTPConnection(http.client.HTTPConnection):
    """A connection to ``address`` (already checked to be public) for ``host``: the socket
    goes to that address, whatever the name would resolve to now."""

    def __init__(self, address: str, host: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`CheckedHTTPConnection`, over TLS: the certificate must be valid for ``host``."""

    def __init__(self, address: str, host: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
