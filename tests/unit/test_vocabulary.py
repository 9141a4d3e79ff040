from search.vocabulary import expand_query

GROUPS = [
    ["A&E", "accident and emergency", "emergency department"],
    ["IG", "information governance"],
    ["LTC", "long-term condition", "long-term conditions"],
    ["LA", "local authority", "council"],
]


def test_an_acronym_expands_to_its_group_and_leaves_the_rest():
    expanded = expand_query("IG barriers in Leeds", GROUPS)
    assert [e.alternatives for e in expanded.expansions] == [("IG", "information governance")]
    assert expanded.remainder == "barriers in Leeds"
    assert expanded.words == ("barriers", "leeds")


def test_ampersands_and_hyphens_are_matched_as_typed():
    assert expand_query("a&e attendances", GROUPS).expansions[0].matched == "a&e"
    assert expand_query("long term conditions", GROUPS).expansions[0].matched == "long term conditions"


def test_terms_only_match_whole_words():
    assert expand_query("pigs and cattle", GROUPS).expansions == ()
    assert expand_query("lateral thinking", GROUPS).expansions == ()


def test_the_number_of_concepts_required():
    assert expand_query("frail", GROUPS).required == 1
    assert expand_query("frail older", GROUPS).required == 2
    # five concepts: keeping, frail, people, out, hospital -> 60% rounded down
    assert expand_query("keeping frail people out of hospital", GROUPS).required == 3
    assert expand_query("IG and council", GROUPS).required == 2


def test_stop_words_are_not_concepts():
    assert expand_query("the and of", GROUPS).concept_count == 0


def test_question_words_are_not_concepts_when_other_words_remain():
    question = expand_query("How did we stop the hospital losing money?", groups=[])
    assert question.words == ("stop", "hospital", "losing", "money")
    assert question.required == 2


def test_a_query_of_question_words_only_keeps_them():
    assert expand_query("who can", groups=[]).words == ("who", "can")


def test_question_words_beside_a_synonym_are_dropped():
    assert expand_query("who does IG", groups=[["IG", "information governance"]]).words == ()
