"""Author Markdown becomes safe HTML: hostile input is neutralised, ordinary Markdown survives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from casestudies.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, markdown_to_text, render_markdown

DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Elements(HTMLParser):
    """Every element and attribute in a fragment, as the browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def assert_safe(html: str) -> _Elements:
    """Only allow-listed tags and attributes; no event handlers; no script-capable URLs."""
    parsed = parse(html)
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED_TAGS, f"<{tag}> is not allowed: {html!r}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} survived: {html!r}"
            if name == "rel":
                continue
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()), f"{tag}[{name}] is not allowed: {html!r}"
            if name == "href":
                normalised = "".join((value or "").split()).lower()
                assert not normalised.startswith(DANGEROUS_SCHEMES), f"dangerous href {value!r}: {html!r}"
    assert parsed.comments == [], f"comment survived: {html!r}"
    return parsed


def links(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in parse(html).elements if tag == "a"]


@pytest.mark.parametrize(
    ("source", "gone"),
    [
        ("Before <script>alert(1)</script> after", "alert(1)"),
        ("<script src='https://evil.example/x.js'></script>", "evil.example"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ("<iframe src='https://evil.example/'></iframe>", "evil.example"),
        ("<style>body { display: none }</style>", "display: none"),
        ("Hello <!-- hidden comment --> world", "hidden comment"),
        ("<svg onload=alert(1)><circle r=1 /></svg>", "onload"),
        ("<object data='x.swf'></object><embed src='x.swf'>", "x.swf"),
        ("<form action='https://evil.example/'><input name=pw></form>", "evil.example"),
        ('<math><mi xlink:href="javascript:alert(1)">m</mi></math>', "javascript"),
        ('<p style="position:fixed" class="x" id="y">styled</p>', "position:fixed"),
    ],
)
def test_raw_html_is_stripped(source, gone):
    html = str(render_markdown(source))
    assert gone not in html
    assert_safe(html)


def test_script_text_is_not_executed_or_kept_as_markup():
    html = str(render_markdown("<script>alert('x')</script>Safe text"))
    assert "<script" not in html.lower()
    assert "Safe text" in html


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    ],
)
def test_script_capable_link_schemes_lose_their_href(source):
    html = str(render_markdown(source))
    assert_safe(html)
    anchors = links(html)
    assert len(anchors) == 1
    assert "href" not in anchors[0], html
    assert "javascript" not in html.lower().replace("&#106;", "")


def test_onclick_on_a_raw_link_is_dropped_but_the_link_kept():
    html = str(render_markdown('<a href="https://example.org/" onclick="alert(1)" target="_blank">site</a>'))
    assert "onclick" not in html
    assert "target" not in html
    [anchor] = links(html)
    assert anchor["href"] == "https://example.org/"
    assert anchor["rel"] == "noopener noreferrer"


@pytest.mark.parametrize(
    "source",
    [
        '[x](https://example.org/ "t\\" onmouseover=\\"alert(1)")',
        "[x](https://example.org/ 't\" onmouseover=\"alert(1)')",
        '[x](https://example.org/){onclick="alert(1)"}',
        '## Heading {: onmouseover="alert(1)" }',
    ],
)
def test_attribute_injection_stays_inside_a_value(source):
    html = str(render_markdown(source))
    assert_safe(html)
    for tag, attrs in parse(html).elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    for anchor in links(html):
        assert anchor["href"] == "https://example.org/"


def test_link_title_is_kept_as_an_escaped_attribute():
    html = str(render_markdown("[x](https://example.org/ 'say \"hi\" <b>')"))
    [anchor] = links(html)
    assert anchor["title"] == 'say "hi" <b>'
    assert "<b>" not in html


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[site](https://example.org/page)", "https://example.org/page"),
        ("[plain](http://example.org/)", "http://example.org/"),
        ("<https://example.org/auto>", "https://example.org/auto"),
        ("[mail](mailto:team@example.org)", "mailto:team@example.org"),
        ("[phone](tel:+441234567890)", "tel:+441234567890"),
        ("[local](/pioneers/)", "/pioneers/"),
    ],
)
def test_safe_links_keep_href_and_get_noopener(source, href):
    [anchor] = links(str(render_markdown(source)))
    assert anchor["href"] == href
    assert anchor["rel"] == "noopener noreferrer"


def test_images_are_not_allowed():
    html = str(render_markdown("![chart](https://example.org/chart.png)"))
    assert "<img" not in html
    assert "chart.png" not in html


def test_ordinary_markdown_survives():
    source = "\n".join(
        [
            "## What they did",
            "",
            "### In detail",
            "",
            "Some *emphasis*, some **strong words** and `inline code`.",
            "",
            "- first point",
            "- second point",
            "",
            "1. step one",
            "2. step two",
            "",
            "> a quotation",
            "",
            "| Measure | Value |",
            "|---|---|",
            "| Admissions | 120 |",
            "",
            "```",
            "if x < 3: pass",
            "```",
            "",
            "---",
        ]
    )
    html = str(render_markdown(source))
    assert_safe(html)
    for fragment in [
        "<h2>What they did</h2>",
        "<h3>In detail</h3>",
        "<em>emphasis</em>",
        "<strong>strong words</strong>",
        "<code>inline code</code>",
        "<li>first point</li>",
        "<ol>",
        "<li>step one</li>",
        "<blockquote>",
        "<th>Measure</th>",
        "<td>Admissions</td>",
        "<td>120</td>",
        "<pre><code>if x &lt; 3: pass",
        "<hr>",
    ]:
        assert fragment in html, f"{fragment!r} missing from {html!r}"


def test_top_level_heading_is_demoted_so_pages_keep_one_h1():
    html = str(render_markdown("# Not the page title\n\nBody"))
    assert "<h1" not in html
    assert "Not the page title" in html


def test_text_special_characters_are_escaped_not_interpreted():
    html = str(render_markdown("Costs < £1m & rising > expected"))
    assert html == "<p>Costs &lt; £1m &amp; rising &gt; expected</p>"


def test_empty_and_none_render_to_empty_string():
    assert str(render_markdown("")) == ""
    assert str(render_markdown(None)) == ""


def test_render_markdown_returns_safe_string():
    assert isinstance(render_markdown("*x*"), SafeString)


def test_markdown_to_text_is_plain_with_entities_unescaped():
    text = markdown_to_text(
        '## Heading\n\nTom &amp; Jerry said "hi" <b>bold</b> *em*, 5 &lt; 6.\n\n- one\n- two\n\n'
        "[a link](https://example.org/) <script>alert(1)</script>"
    )
    assert text == 'Heading Tom & Jerry said "hi" bold em, 5 < 6. one two a link'


def test_markdown_to_text_of_nothing():
    assert markdown_to_text("") == ""
    assert markdown_to_text(None) == ""


def test_markdown_filter_output_is_marked_safe_and_not_double_escaped():
    template = Template("{% load casestudies_tags %}<div>{{ body|markdown }}</div>")
    rendered = template.render(Context({"body": "**bold** <script>alert(1)</script> & more"}))
    assert rendered == "<div><p><strong>bold</strong>  &amp; more</p></div>"


def test_markdown_filter_returns_safe_string():
    from casestudies.templatetags.casestudies_tags import markdown_filter

    result = markdown_filter("[x](https://example.org/)")
    assert isinstance(result, SafeString)
    assert 'rel="noopener noreferrer"' in result


@pytest.mark.parametrize(
    "unsafe",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVa Script:alert(1)">x</a>',
        '<p onclick="x">x</p>',
        "<img src=x>",
        "<p>a<!-- c --></p>",
        '<a href="/" style="x">x</a>',
    ],
)
def test_the_safety_checker_itself_catches_unsafe_html(unsafe):
    with pytest.raises(AssertionError):
        assert_safe(unsafe)
