"""The Elasticsearch client's JSON: orjson for every body, the multi-search and bulk lines included."""

from datetime import date

import orjson

from search.engines.elasticsearch.client import OrjsonNdjsonSerializer, client_for


def test_every_body_is_written_and_read_by_orjson():
    serializers = client_for("http://127.0.0.1:1", 1.0).transport.serializers
    for mimetype in ("application/json", "application/vnd.elasticsearch+json; compatible-with=8"):
        assert type(serializers.get_serializer(mimetype)).__name__ == "OrjsonSerializer", mimetype
    for mimetype in ("application/x-ndjson", "application/vnd.elasticsearch+x-ndjson; compatible-with=8"):
        assert isinstance(serializers.get_serializer(mimetype), OrjsonNdjsonSerializer), mimetype


def test_multi_search_lines_are_one_json_document_each_dates_as_the_index_stores_them():
    lines = [{"index": "content"}, {"query": {"term": {"published": date(2015, 6, 1)}}, "title": "Café"}]
    written = OrjsonNdjsonSerializer().dumps(lines)
    assert written.endswith(b"\n") and written.count(b"\n") == 2
    assert [orjson.loads(line) for line in written.splitlines()] == [
        {"index": "content"},
        {"query": {"term": {"published": "2015-06-01"}}, "title": "Café"},
    ]
    assert OrjsonNdjsonSerializer().loads(written)[1]["title"] == "Café"
