"""Who sent a request: the address rate limits and request logs name.

X-Forwarded-For is written by whoever sends the request, so it is read only when
settings say how many proxies stand in front (TRUSTED_PROXY_COUNT); each of them
appends the address it received the request from, so the client is that many hops
from the right. With none (the default) the header is ignored and REMOTE_ADDR,
the peer of the connection, is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's IP address as text, or "unknown" when no hop we trust names a valid one."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    hops = [remote]
    if proxies > 0:
        forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        hops = [*forwarded, remote]
    # The hop the innermost trusted proxy reports; a shorter chain came past some proxy, so take its first hop.
    chosen = hops[-(proxies + 1)] if len(hops) > proxies else hops[0]
    address = _address(chosen) or _address(remote)
    return str(address) if address else UNKNOWN


def rate_limit_key(address: str) -> str:
    """The unit a limit counts: one IPv4 address, or one IPv6 /64 (a home or server gets a whole /64)."""
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return address
