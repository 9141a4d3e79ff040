"""Keeping both engines' indices in line with the pages.

documents (page -> document) is the only module that reads pages for search;
signals record each change in the durable queue (queue, tasks); sync turns
changes into writes for both stores; maintenance rebuilds, checks drift and
repairs.
"""
