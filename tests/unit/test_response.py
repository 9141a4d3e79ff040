from search.response import distinct_highlights


def test_highlights_are_capped_and_never_repeat_the_same_words():
    fragments = [
        "A single <mark>agreement</mark> for all",
        "A single <mark>agreement</mark> for all partners, signed once.",
        "Signed by the <mark>council</mark>.",
        "A third <mark>one</mark>.",
    ]
    overlapping = [
        "…its own data sharing rules and its own <mark>lead</mark>, and more",
        "Each had its own data sharing rules and",
    ]
    assert distinct_highlights(fragments) == [fragments[0], fragments[2]]
    assert distinct_highlights(overlapping) == overlapping[:1]


def test_the_search_api_writes_utf8_json_words_as_typed():
    from search.web.api import json_answer

    answer = json_answer({"q": "Café – A&E", "total": 2, "published": None})
    assert answer["Content-Type"] == "application/json"
    assert answer.content == '{"q":"Café – A&E","total":2,"published":null}'.encode()
