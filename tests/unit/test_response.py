from search.response import distinct_highlights


def test_highlights_are_capped_and_never_repeat_the_same_words():
    fragments = [
        "A single <mark>agreement</mark> for all",
        "A single <mark>agreement</mark> for all partners, signed once.",
        "Signed by the <mark>council</mark>.",
        "A third <mark>one</mark>.",
    ]
    assert distinct_highlights(fragments) == [fragments[0], fragments[2]]
