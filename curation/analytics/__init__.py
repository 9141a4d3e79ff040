"""Search analytics: what people search for, what they find and follow, and the curators' report.

Plugs into search through search.extensions (the recorder); search never imports it.
"""
