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
