from search.snippets import marked_words, matched_in, snippet_fragments, with_ellipses


def test_ellipses_only_where_the_passage_was_cut():
    assert with_ellipses("the form was <mark>illegible</mark>.") == "…the form was <mark>illegible</mark>."
    assert with_ellipses("Forms were <mark>illegible</mark> and") == "Forms were <mark>illegible</mark> and…"
    assert with_ellipses("<mark>Faxes</mark> were slow!") == "<mark>Faxes</mark> were slow!"
    assert with_ellipses("and then <mark>faxes</mark>") == "…and then <mark>faxes</mark>…"


def test_a_fragment_that_is_the_title_is_dropped():
    title = "Sharing rules held up the record"
    highlights = {
        "title": ["<mark>Sharing</mark> rules held up the record"],
        "summary": ["<mark>Sharing</mark> rules held up the record."],
        "body": ["Each partner had its own rules about <mark>sharing</mark>."],
    }
    assert snippet_fragments(title, highlights) == ["Each partner had its own rules about <mark>sharing</mark>."]


def test_where_it_matched_is_named_for_the_type_once_each():
    fields = ["tag_names", "body", "title", "theme_names"]
    assert matched_in("case_study", fields) == ["title", "story", "themes", "tags"]
    assert matched_in("barrier", ["body", "barrier_category_names"]) == ["barrier description", "barrier category"]


def test_joining_words_are_not_marked():
    assert marked_words(["sharing", "between", "council", "and", "NHS"]) == ["sharing", "council", "NHS"]
