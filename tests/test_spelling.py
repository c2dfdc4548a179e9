"""The request's words as people mean them: chat spellings and two letters swapped are put right before
reading; quotes, file names and real words stay as typed."""

from hugginggpt.planning.embedded.spelling import corrected


def test_chat_spellings_are_read_as_the_words_they_stand_for():
    assert corrected("wat does it say pls") == "what does it say please"
    assert corrected("can u read it, im driving") == "can you read it, i'm driving"


def test_two_letters_typed_the_wrong_way_round_are_put_back():
    typed = "it came out upsdie down, trun it the rigth way"
    assert corrected(typed) == "it came out upside down, turn it the right way"


def test_quotes_file_names_and_real_words_stay_as_typed():
    # "sing" is a word of its own (no "sign"); a quote and a file name are what the request works on
    assert corrected("sing 'teh wat' from memo_wat.wav") == "sing 'teh wat' from memo_wat.wav"
    assert corrected('translate "u r gr8"') == 'translate "u r gr8"'


def test_the_planner_reads_a_typed_request_like_a_spelled_one():
    from hugginggpt.planning.embedded import GoalPlanner

    typed = [t.task for t in GoalPlanner().read("wat does teh sign say? rotaet it first", ["s.png"]).plan.tasks]
    spelled = [t.task for t in GoalPlanner().read("what does the sign say? rotate it first", ["s.png"]).plan.tasks]
    assert typed == spelled == ["image-editing", "image-to-text"]


def test_a_letter_left_out_or_typed_twice_is_put_back_but_no_ending_is_taken_off():
    assert corrected("the recordng came out upsde down, pleasse transcibe it") == (
        "the recording came out upside down, please transcribe it"
    )
    # a real word's ending is not a typo ("upscaled" is no "upscale"), and names stay as they are
    assert corrected("estimate the depth of the upscaled picture") == "estimate the depth of the upscaled picture"
    assert corrected("Brandt left it for Ioana") == "Brandt left it for Ioana"


def test_a_learners_say_me_is_tell_me_outside_quotes_only():
    assert corrected('say me the total, then translate "say me something"') == (
        'tell me the total, then translate "say me something"'
    )
