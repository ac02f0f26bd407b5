"""Which addresses rashomon may connect to, and the httpcore network backend that holds
to it.

Fetching a URL from someone else's list or feed must not let them make rashomon probe
the user's own network or a cloud metadata endpoint: private, loopback, link-local,
multicast, reserved and unspecified addresses (IPv4 and IPv6, IPv4 inside IPv6
included) are refused unless private addresses are allowed. The check is made where the
connection is opened (:class:`GuardedBackend`): the host is resolved once, each address
checked and the socket opened to the checked address itself, so there is no gap between
check and use for DNS rebinding to slip through, and every redirect hop passes it.
:class:`GuardedTransport` puts it under an httpx client.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network

import httpcore
import httpx
from httpcore import NetworkBackend, NetworkStream, SyncBackend

from ..errors import AddressNotAllowed, FetchFailed, HostNotFound

# Refused unless allow_private, with the word the message uses. Written out rather
# than left to ipaddress.is_global alone, whose lists changed between Python versions
# (and which calls multicast global); is_global still backs it for later assignments.
BLOCKED_NETWORKS = tuple(
    (ip_network(network), kind)
    for network, kind in (
        ("0.0.0.0/8", "unspecified"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "reserved"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "reserved"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "reserved"),  # IPv4-compatible, deprecated
        ("64:ff9b:1::/48", "private"),
        ("100::/64", "reserved"),
        ("2001::/23", "reserved"),
        ("2001:db8::/32", "documentation"),
        ("fc00::/7", "private"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "private"),  # site-local, deprecated
        ("ff00::/8", "multicast"),
    )
)
# IPv6 addresses that carry an IPv4 one in their last 32 bits (well-known NAT64 prefix)
NAT64_NETWORK = ip_network("64:ff9b::/96")


def embedded_ipv4(ip: IPv4Address | IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64), else None."""
    if isinstance(ip, IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64_NETWORK:
        return IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def blocked_kind(address: str) -> str | None:
    """What kind of non-public address ``address`` is ("loopback", "private"...), or
    None for a public one. Unparseable counts as refused."""
    try:
        ip = ip_address(address.split("%", 1)[0])  # without an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return "unparseable"
    ip = embedded_ipv4(ip) or ip
    for network, kind in BLOCKED_NETWORKS:
        if ip.version == network.version and ip in network:
            return kind
    return None if ip.is_global and not ip.is_multicast else "reserved"


def is_public_address(address: str) -> bool:
    """True when an address may be fetched from without ``allow_private``."""
    return blocked_kind(address) is None


def resolved_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, in the resolver's order, without repeats;
    raises HostNotFound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostNotFound(
            f"cannot resolve the host name {host}",
            hint="check the spelling of the URL and your network connection",
        ) from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(NetworkBackend):
    """httpcore's sync network backend, connecting only to allowed addresses: the host
    is resolved here and the socket opened to the checked address itself."""

    def __init__(self, allow_private: bool = False, inner: NetworkBackend | None = None,
                 budget: float | None = None):
        self.allow_private = allow_private
        self._inner = inner or SyncBackend()
        self.budget = budget  # seconds a whole response may take (None: no limit)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> NetworkStream:
        addresses = resolved_addresses(host, port)
        allowed = [a for a in addresses if self.allow_private or is_public_address(a)]
        if not allowed:
            address, kind = addresses[0], blocked_kind(addresses[0]) or "reserved"
            named = f"{host} is" if host == address else f"{host} resolves to {address},"
            article = "an" if kind[0] in "aeiou" else "a"
            raise AddressNotAllowed(
                f"{named} {article} {kind} address: refused",
                hint="pass --allow-private to fetch from your own network",
            )
        error: Exception | None = None
        for address in allowed:  # as socket.create_connection does: the next on failure
            try:
                stream = self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
                return stream if self.budget is None else DeadlineStream(stream, self.budget)
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable | None = None) -> NetworkStream:
        raise FetchFailed("unix sockets are never fetched from", hint="give an http(s) URL")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineStream(NetworkStream):
    """A connection on which each response must arrive whole within ``budget`` seconds
    of its request: a read waits at most what is left (a read timeout alone lets a
    server trickle its headers a byte at a time for hours)."""

    def __init__(self, inner: NetworkStream, budget: float) -> None:
        self._inner, self.budget = inner, budget
        self._deadline = time.monotonic() + budget

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._deadline = time.monotonic() + self.budget  # (a request: its response's clock)
        self._inner.write(buffer, timeout)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout(f"the response took over {self.budget:g} s")
        return self._inner.read(max_bytes, left if timeout is None else min(timeout, left))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> NetworkStream:
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout),
                              self.budget)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that connects through GuardedBackend
    (HTTPTransport takes no network backend, so its pool is replaced)."""

    def __init__(self, allow_private: bool = False, max_connections: int = 8,
                 budget: float | None = None) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max(1, max_connections),
            network_backend=GuardedBackend(allow_private, budget=budget),
        )
