"""Contacting other issuers' sites, when ``BADGES_VERIFY_FETCH`` allows it: GETs over https
only (http too with ``DEBUG``), on the standard port only (443, and 80 for http), never to
this site's own hosts, never to a private, loopback, link-local, reserved or tunnelled (6to4,
Teredo) address (also after a redirect: the connection goes to the address that was
checked), within ``BADGES_VERIFY_FETCH_TIMEOUT`` (one deadline for the whole request: the name
lookup, connecting, the secure handshake, the headers and the body),
``BADGES_VERIFY_FETCH_MAX_BYTES`` and ``BADGES_VERIFY_FETCH_MAX_REQUESTS``. What cannot be
read raises :class:`FetchError` with a reason in the visitor's language."""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges.verifier.own import is_own_host, normal_host
from wagtail_cityoflearning.conf import cityoflearning_settings

ACCEPT_ANY = "application/ld+json, application/json, application/vc+jwt, image/png, image/svg+xml"
MAX_REDIRECTS = 3
STANDARD_PORTS = {"https": 443, "http": 80}
# Name lookups run one thread each, so a lookup that hangs holds up no other; at most this
# many may be waiting at once (beyond it a check is refused, not queued).
MAX_PENDING_LOOKUPS = 32
# Tunnels that carry IPv4 inside IPv6 addresses: 6to4 and Teredo.
TUNNELS = (ipaddress.ip_network("2002::/16"), ipaddress.ip_network("2001::/32"))

_lookup_slots = threading.BoundedSemaphore(MAX_PENDING_LOOKUPS)


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
        """The body as JSON (ValueError when it is not JSON, or nested beyond reason)."""
        try:
            return json.loads(self.body)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


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
    if ip.version == 6 and any(ip in network for network in TUNNELS):
        return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def port_allowed(scheme: str, port: int) -> bool:
    """Whether ``port`` is the standard one of ``scheme``."""
    return STANDARD_PORTS.get(scheme) == port


class Deadline:
    """The time left for one request; TimeoutError once it is spent."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError("The deadline has passed")
        return left


class _DeadlineIO:
    """Sets the socket's timeout to the time left before each read and write, so no sequence
    of slow answers lasts beyond the request's deadline."""

    deadline: Deadline | None = None

    def _tick(self):
        if self.deadline is not None:
            self.settimeout(self.deadline.left())

    def recv(self, *args, **kwargs):
        self._tick()
        return super().recv(*args, **kwargs)

    def recv_into(self, *args, **kwargs):
        self._tick()
        return super().recv_into(*args, **kwargs)

    def send(self, *args, **kwargs):
        self._tick()
        return super().send(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        self._tick()
        return super().sendall(*args, **kwargs)


class DeadlineSocket(_DeadlineIO, socket.socket):
    pass


class DeadlineSSLSocket(_DeadlineIO, ssl.SSLSocket):
    pass


def lookup(host: str, port: int, deadline: Deadline) -> list:
    """``getaddrinfo`` in a thread of its own, waited for until the deadline."""
    if not _lookup_slots.acquire(blocking=False):
        raise FetchError(_("Too many checks are running at once. Try again in a minute."))
    answer: dict = {}
    done = threading.Event()

    def run():
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            answer["error"] = error
        finally:
            done.set()
            _lookup_slots.release()

    try:
        threading.Thread(target=run, name="col-verify-dns", daemon=True).start()
    except RuntimeError:
        _lookup_slots.release()
        raise FetchError(_("Too many checks are running at once. Try again in a minute.")) from None
    try:
        left = deadline.left()
    except TimeoutError:
        left = 0
    if not done.wait(left):
        raise FetchError(_("%(host)s did not answer in time.") % {"host": host})
    if "error" in answer:
        raise FetchError(_("%(host)s could not be found.") % {"host": host})
    return answer["infos"]


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

    def address_for(self, host: str, port: int, deadline: Deadline) -> str:
        infos = lookup(host, port, deadline)
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
        scheme = parts.scheme.lower()
        host = normal_host(parts.hostname)
        allowed = ("https", "http") if settings.DEBUG else ("https",)
        if scheme not in allowed or not host:
            raise FetchError(
                _("%(url)s is not a secure (https) address; it is not contacted.") % {"url": url}
            )
        port = port or STANDARD_PORTS[scheme]
        if not port_allowed(scheme, port):
            raise FetchError(
                _("%(url)s names a port other than the usual one; it is not contacted.")
                % {"url": url}
            )
        if is_own_host(host):
            raise FetchError(
                _("%(host)s is this site: it is checked in its own records, not over the network.")
                % {"host": host}
            )
        if self.left <= 0:
            raise FetchError(_("Checking it would need too many requests to other sites."))
        self.left -= 1
        deadline = Deadline(self.timeout)
        address = self.address_for(host, port, deadline)
        kind = CheckedHTTPSConnection if scheme == "https" else CheckedHTTPConnection
        connection = kind(address, host, port, deadline)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
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
        except TimeoutError:
            raise FetchError(_("%(host)s did not answer in time.") % {"host": host}) from None
        except ssl.SSLError:
            raise FetchError(
                _("%(host)s's secure connection could not be trusted.") % {"host": host}
            ) from None
        except (http.client.HTTPException, OSError, ValueError):
            raise FetchError(_("%(host)s could not be reached.") % {"host": host}) from None
        finally:
            connection.close()
        content_type = response.getheader("Content-Type", "")
        location = response.getheader("Location", "")
        if response.status in (301, 302, 303, 307, 308) and location:
            return Fetched(url, response.status, content_type, b"", location=location)
        return Fetched(url, response.status, content_type, bytes(body))


def connect(address: str, port: int, deadline: Deadline) -> DeadlineSocket:
    """A socket connected to ``address`` within the deadline, whose every later read and
    write is bounded by it too."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = DeadlineSocket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(deadline.left())
        sock.connect((address, port))
    except BaseException:
        sock.close()
        raise
    sock.deadline = deadline
    return sock


class CheckedHTTPConnection(http.client.HTTPConnection):
    """A connection to ``address`` (already checked to be public) for ``host``: the socket
    goes to that address, whatever the name would resolve to now."""

    def __init__(self, address: str, host: str, port: int, deadline: Deadline):
        super().__init__(host, port)
        self.address = address
        self.deadline = deadline

    def connect(self):
        self.sock = connect(self.address, self.port, self.deadline)


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`CheckedHTTPConnection`, over TLS: the certificate must be valid for ``host``;
    the handshake, too, ends by the deadline."""

    def __init__(self, address: str, host: str, port: int, deadline: Deadline):
        context = ssl.create_default_context()
        context.sslsocket_class = DeadlineSSLSocket
        super().__init__(host, port, context=context)
        self.address = address
        self.deadline = deadline

    def connect(self):
        sock = connect(self.address, self.port, self.deadline)
        sock.deadline = None  # the handshake below runs with the time left now
        sock.settimeout(self.deadline.left())
        secure = self._context.wrap_socket(sock, server_hostname=self.host)
        secure.deadline = self.deadline
        self.sock = secure
