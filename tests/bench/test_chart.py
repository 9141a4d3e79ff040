"""The latency-against-size chart: a well-formed SVG with its points, ticks, legend and a text alternative."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from bench.chart import nice_ceiling, size_label, svg, ticks, write

NS = {"svg": "http://www.w3.org/2000/svg"}
SCALING = {
    "1000": {"p50_ms": 20.0, "p95_ms": 60.0, "took_p50_ms": 8.0},
    "10000": {"p50_ms": 35.0, "p95_ms": 110.0, "took_p50_ms": 15.0},
    "100000": {"p50_ms": 70.0, "p95_ms": 208.1, "took_p50_ms": 45.0},
}


def parsed(document: str) -> ET.Element:
    return ET.fromstring(document)  # noqa: S314 (our own output, not untrusted input)


def test_sizes_are_labelled_in_thousands():
    assert [size_label(size) for size in (1000, 10000, 100000, 250)] == ["1k", "10k", "100k", "250"]


@pytest.mark.parametrize(("value", "ceiling"), [(208.1, 250), (60, 100), (0.7, 1), (1001, 2000), (0, 1)])
def test_the_y_axis_ends_at_a_round_number_above_the_highest_point(value, ceiling):
    assert nice_ceiling(value) == ceiling


@pytest.mark.parametrize(
    ("top", "expected"),
    [(250, [0, 50, 100, 150, 200, 250]), (200, [0, 50, 100, 150, 200]), (1, [0, 0.2, 0.4, 0.6, 0.8, 1])],
)
def test_ticks_are_round_steps_up_to_the_ceiling(top, expected):
    assert ticks(top) == pytest.approx(expected)


def test_the_chart_draws_a_line_per_measure_through_every_size():
    root = parsed(svg(SCALING))
    lines = root.findall("svg:polyline", NS)
    assert len(lines) == 3
    assert all(len(line.get("points").split()) == 3 for line in lines)
    assert len(root.findall("svg:circle", NS)) == 9
    xs = [float(pair.split(",")[0]) for pair in lines[0].get("points").split()]
    assert xs[0] < xs[1] < xs[2] and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])  # log scale
    p95 = [float(pair.split(",")[1]) for pair in lines[0].get("points").split()]
    assert p95[0] > p95[1] > p95[2]  # higher milliseconds are drawn higher up


def test_the_chart_has_a_title_axis_labels_ticks_a_legend_and_a_description():
    document = svg(SCALING)
    root = parsed(document)
    texts = [text.text for text in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Search API latency against corpus size" in texts
    assert {"1k", "10k", "100k"} <= set(texts)
    assert {"0", "50", "100", "150", "200", "250"} <= set(texts)
    assert {"API p50", "API p95", "Elasticsearch took p50"} <= set(texts)
    assert "Milliseconds" in texts and "Items in the index (log scale)" in texts
    assert root.get("role") == "img"
    description = root.find("svg:desc", NS).text
    assert "100k items: p50 70.0 ms, p95 208.1 ms, took p50 45.0 ms" in description


def test_one_size_is_drawn_in_the_middle_and_no_size_is_an_error(tmp_path):
    root = parsed(svg({"1000": SCALING["1000"]}))
    assert len(root.findall("svg:circle", NS)) == 3
    with pytest.raises(ValueError):
        svg({})
    written = write(SCALING, tmp_path / "charts" / "latency.svg")
    assert written.read_text().startswith("<svg")
