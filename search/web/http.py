"""HTTP methods for the read-only search endpoints, answered as Django's own views answer them."""

from __future__ import annotations

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed

ALLOWED = ("GET", "HEAD", "OPTIONS")


def read_only(view):
    """GET and HEAD run the view (the server drops a HEAD's body); OPTIONS lists the methods; others get 405."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Allow"] = ", ".join(ALLOWED)
            response["Content-Length"] = "0"
            return response
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(ALLOWED)
        return view(request, *args, **kwargs)

    return wrapper
