"""Promoted results ("best bets"): pages curators recommend above the ordinary results for a query.

Plugs into search through search.extensions (the promoter); search never imports it.
"""
