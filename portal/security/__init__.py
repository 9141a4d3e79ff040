"""Protections the whole site shares: who a client is (client_address), how often it may search
(ratelimit), and the security headers every response carries (headers)."""
