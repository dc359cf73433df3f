"""Demands and positions on small texts written for the test."""
from __future__ import annotations

import pytest

from analysis.demands import demands


def test_a_list_of_conditions_gives_one_row_per_condition(positions):
    found = positions("Nevertheless, Putin in effect rejected the plan, instead outlining a series of conditions, "
                      "including a halt to Ukraine’s rearmament, as well as a suspension of western military aid.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "outlet") not in found  # "the plan" names no category
    assert {("Vladimir Putin", "halt_mobilisation_rearmament", "condition", "outlet"),
            ("Vladimir Putin", "halt_western_military_aid", "condition", "outlet")} <= found


def test_reported_demands_belong_to_the_speaker_not_the_target(positions):
    found = positions("Putin has said Ukraine must drop its NATO membership ambitions and Western sanctions should be eased.\n")
    assert {("Vladimir Putin", "no_nato_membership", "demand", "reported"),
            ("Vladimir Putin", "ease_sanctions", "demand", "reported")} <= found


def test_proposal_author_inside_a_noun_phrase(positions):
    found = positions("Mr Putin continues to resist a US-backed proposal for a 30-day ceasefire in Ukraine.\n")
    assert found == {("United States", "accept_ceasefire", "propose", "outlet"),
                     ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")}


def test_third_party_acceptance_and_refusal_to_confirm(positions):
    found = positions("Witkoff said that the Russian president supports the ceasefire terms in principle.\n\n"
                      "But Witkoff declined to confirm whether Putin’s demands included a ban on foreign peacekeepers.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "accept_in_principle", "third_party") in found
    assert ("Vladimir Putin", "no_foreign_peacekeepers", "refuse_to_confirm", "third_party") in found


def test_a_ceasefire_as_a_time_frame_is_not_a_demand(positions):
    found = positions("Military chiefs will discuss plans for a peacekeeping force in the event of a ceasefire, "
                      "Starmer said.\n")
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


def test_red_line_is_a_condition_and_objection_holds_a_prohibition(positions):
    found = positions("Zelenskyy has said that the sovereignty of his country is not negotiable and that Russia must "
                      "surrender the territory it has seized.\n\n"
                      "Mr Putin is likely to object to any agreement that involves European or Nato troops being "
                      "stationed in Ukraine.\n")
    assert {("Volodymyr Zelenskyy", "sovereignty_not_negotiable", "condition", "reported"),
            ("Volodymyr Zelenskyy", "return_seized_territory", "demand", "reported"),
            ("Vladimir Putin", "no_foreign_peacekeepers", "condition", "outlet")} <= found


def test_a_relative_clause_after_the_cue_names_who_holds_it(positions):
    found = positions("The Kremlin again refused the 30-day ceasefire that Kyiv agreed to last week.\n\n"
                      "Officials doubt Moscow will accept the truce which Washington wanted.\n\n"
                      "He spoke about the ceasefire that the weather made impossible.\n")
    assert ("Ukraine", "accept_ceasefire", "accept", "outlet") in found
    assert ("United States", "accept_ceasefire", "demand", "outlet") in found
    assert not any(who is None for who, *_ in found)


def test_a_promise_to_stop_is_acceptance_and_a_requirement_a_condition(positions):
    found = positions("The Kremlin said Russian forces would stop strikes on energy infrastructure for 30 days.\n\n"
                      "Dmitry Peskov said a full ceasefire would require a halt to Western military aid.\n")
    assert ("Kremlin", "energy_infrastructure_truce", "accept", "reported") in found
    assert ("Dmitry Peskov", "halt_western_military_aid", "condition", "reported") in found


def test_the_proposal_points_back_to_the_position_named_before(positions):
    found = positions("Trump proposed that both sides stop striking energy infrastructure for 30 days.\n\n"
                      "Putin accepted the proposal, and Zelenskyy said Kyiv would study the idea.\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet") in found
    # naming the proposal again, with no stance of one's own, is not a position
    assert not any(who == "Volodymyr Zelenskyy" for who, _, _, _ in found)


def test_the_proposal_does_not_reach_back_across_the_article(positions):
    found = positions("Trump proposed that both sides stop striking energy infrastructure for 30 days.\n\n"
                      + "The call lasted more than two hours and covered many subjects besides the war. " * 8 + "\n\n"
                      "Putin accepted the proposal.\n")
    assert not any(who == "Vladimir Putin" for who, _, _, _ in found)


def test_a_named_subject_inside_a_quote_holds_its_own_acceptance(positions):
    found = positions("“Vladimir Putin responded positively to the ceasefire on energy infrastructure,” "
                      "the Kremlin said.\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "third_party") in found
    assert not any(who == "Kremlin" and stance == "accept" for who, _, stance, _ in found)


def test_what_a_condition_is_set_on_is_not_itself_a_condition(positions):
    found = positions("The Kremlin said a full truce would depend on a halt to Western military aid to Kyiv.\n")
    assert ("Kremlin", "halt_western_military_aid", "condition", "reported") in found
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


def test_what_follows_unless_is_a_condition_even_after_a_refusal(positions):
    found = positions("Moscow insists that a full truce is impossible unless Western countries stop arming Ukraine.\n")
    assert ("Russia", "halt_western_military_aid", "condition", "reported") in found


def test_an_appositive_says_who_rejected_the_position_just_named(positions):
    found = positions("The Kremlin wants a complete cessation of Western military aid to Kyiv, a demand Ukraine "
                      "and its European allies have repeatedly rejected.\n")
    assert {("Ukraine", "halt_western_military_aid", "reject", "outlet"),
            ("European allies", "halt_western_military_aid", "reject", "outlet")} <= found


def test_the_reason_given_against_a_pause_is_not_a_position(positions):
    found = positions("Putin has argued that a pause would only allow Ukraine to rearm and mobilise more troops.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "reported") in found
    assert not any(category == "halt_mobilisation_rearmament" for _, category, _, _ in found)


def test_a_pause_in_aid_is_not_a_ceasefire(positions):
    found = positions("Trump ordered a pause in military aid to Ukraine, and Zelenskyy said he would accept it.\n")
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


def test_a_broken_cue_pattern_is_reported_with_its_file_and_line(tmp_path, monkeypatch):
    from analysis import demands as module, paths
    from analysis.corpus import CorpusError
    (tmp_path / "demand_cues.csv").write_text("category,pattern\naccept_ceasefire,(?:truce\n", encoding="utf-8")
    monkeypatch.setattr(paths, "CODEBOOKS", tmp_path)
    module._cues.cache_clear()
    try:
        with pytest.raises(CorpusError, match=r"demand_cues\.csv, line 2, field 'pattern'"):
            module._cues()
    finally:
        module._cues.cache_clear()


@pytest.mark.parametrize("sentence, expected", [
    ("Zelenskyy said Ukraine was ready to accept a 30-day ceasefire.\n",
     ("Volodymyr Zelenskyy", "accept_ceasefire", "accept")),
    ("The Kremlin dismissed calls for an immediate ceasefire.\n", ("Kremlin", "accept_ceasefire", "reject")),
    ("Putin stopped short of agreeing to a full ceasefire.\n", ("Vladimir Putin", "accept_ceasefire", "reject")),
    ("Macron called on Russia to accept a cessation of hostilities.\n", ("Emmanuel Macron", "accept_ceasefire", "demand")),
    ("Zelenskyy pressed for security assurances from Washington.\n",
     ("Volodymyr Zelenskyy", "security_guarantees", "demand")),
    ("Putin said a truce was possible as long as Western military support to Kyiv stopped.\n",
     ("Vladimir Putin", "halt_western_military_aid", "condition")),
    ("Trump agreed to an exchange of prisoners, the Kremlin said.\n",
     ("Donald Trump", "prisoner_exchange", "accept")),
    ("Russia has signalled openness to talks on a lasting peace.\n", ("Russia", "broader_settlement", "accept_in_principle")),
])
def test_common_phrasings_of_positions(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


def test_an_accusation_is_not_the_accusers_position(positions):
    found = positions("Starmer accused Mr Putin of seeking to delay a ceasefire.\n")
    assert not any(who == "Keir Starmer" for who, _, _, _ in found)


def test_the_two_parties_to_an_agreement_are_not_its_holders(positions):
    found = positions("The Kremlin says Putin backed Trump’s proposal that Russia and Ukraine stop striking each "
                      "other’s energy facilities.\n\n"
                      "Putin informed his US counterpart that Russia and Ukraine would exchange 175 prisoners of war.\n")
    assert not any(who in ("Russia", "Ukraine") for who, _, _, _ in found)
    assert ("Vladimir Putin", "prisoner_exchange", "propose", "reported") in found


def test_an_agreement_told_of_or_made_by_no_one_named_has_no_holder_of_its_own(positions):
    # the swap itself, agreed by someone unnamed; the teller of the leaders' agreement; their shared aim
    found = positions("Russia and Ukraine each released 175 prisoners of war, in an exchange agreed during the call.\n\n"
                      "Trump and Putin spoke. The White House said the two leaders had agreed that peace would begin "
                      "with a pause on energy strikes and that talks on a full ceasefire would open.\n\n"
                      "The two presidents also agreed that the conflict needed to end with a lasting peace.\n")
    assert {("Donald Trump", "energy_infrastructure_truce", "accept", "third_party"),
            ("Vladimir Putin", "energy_infrastructure_truce", "accept", "third_party")} == found


def test_conditions_for_something_set_conditions_on_it(positions):
    found = positions("Putin agrees to 30-day pause on energy strikes, lists conditions for full ceasefire\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet") in found
    assert not {(who, category) for who, category, _, _ in found} & {("Vladimir Putin", "accept_ceasefire")}
    assert ("Vladimir Putin", "energy_infrastructure_truce", "condition", "outlet") not in found


def test_an_office_reporting_its_leader_gives_the_leaders_position(positions):
    found = positions("The White House says Trump will try to persuade Putin to accept the 30-day ceasefire.\n")
    assert ("Donald Trump", "accept_ceasefire", "demand", "third_party") in found


def test_the_second_agent_of_a_passive_is_not_the_subject(positions):
    found = positions("The coalition of the willing, a group of countries led by the UK and France, is drawing up "
                      "plans to send troops to Ukraine.\n")
    assert ("coalition of the willing", "security_guarantees", "propose", "outlet") in found
    assert not any(who == "France" for who, _, _, _ in found)


def test_a_passive_agent_holds_the_position_with_its_verbs_stance(positions):
    found = positions("Putin stopped short of the full ceasefire sought by Donald Trump.\n\n"
                      "The Russian leader supported the halt to strikes on energy facilities put forward by the "
                      "American president.\n\n"
                      "The partial truce agreed by Donald Trump and Vladimir Putin is a first step, Waltz said.\n\n"
                      "Putin’s idea of hockey matches between Russian and American players was welcomed by Donald Trump.\n")
    assert ("Donald Trump", "accept_ceasefire", "demand", "outlet") in found
    assert {("Donald Trump", "energy_infrastructure_truce", "accept", "outlet"),
            ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet")} <= found
    # the passive as the clause's verb, further on, with no stance the clause shows otherwise
    assert {("Vladimir Putin", "other", "propose", "outlet"), ("Donald Trump", "other", "accept", "outlet")} <= found


def test_conditions_set_out_by_someone_are_theirs(positions):
    found = positions("The conditions set out by the Russian president remain in force: the withdrawal of Ukrainian "
                      "troops from the four regions, and Kyiv’s renunciation of plans to join NATO.\n")
    assert {("Vladimir Putin", "cede_or_recognise_territory", "condition", "outlet"),
            ("Vladimir Putin", "no_nato_membership", "condition", "outlet")} <= found


def test_a_possessor_holds_the_position_its_noun_names(positions):
    found = positions("Washington’s push for a complete halt to the fighting, which Kyiv signed up to last week, "
                      "ran into a wall.\n\n"
                      "Kyiv’s rejection of any cap on its army is firmer still.\n")
    assert {("United States", "accept_ceasefire", "demand", "outlet"),
            ("Ukraine", "accept_ceasefire", "accept", "outlet"),
            ("Ukraine", "halt_mobilisation_rearmament", "reject", "outlet")} <= found


def test_the_accused_holds_what_the_charge_names(positions):
    found = positions("Kaja Kallas accused Moscow of piling up preconditions to drag the war out.\n")
    assert ("Russia", "unspecified_conditions", "condition", "third_party") in found
    assert not any(who == "Kaja Kallas" for who, _, _, _ in found)


def test_objecting_to_foreign_troops_holds_no_foreign_troops(positions):
    found = positions("Moscow has repeatedly ruled out the presence of soldiers from NATO countries in Ukraine.\n\n"
                      "Macron said Russia’s permission was not needed for peacekeepers to deploy to Ukraine.\n")
    assert ("Russia", "no_foreign_peacekeepers", "demand", "outlet") in found
    assert ("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported") in found


def test_accepting_on_a_condition_is_acceptance_and_a_condition(positions):
    found = positions("Zelenskyy said he was ready to back the energy pause provided Russia stopped its own strikes.\n")
    assert {("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported"),
            ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "condition", "reported")} <= found


@pytest.mark.parametrize("sentence, expected, not_expected", [
    # "only" leaves the condition and nothing accepted
    ("Ukraine will stop firing at Russian energy infrastructure – but only as long as Russia does the same, "
     "President Volodymyr Zelenskyy said Wednesday.",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "condition", "reported"),
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported")),
    ("Kyiv accepts the energy truce, provided Moscow reciprocates.",
     ("Ukraine", "energy_infrastructure_truce", "condition", "outlet"), None),
    # a "when" clause dates the acceptance and sets no condition
    ("Putin agreed to the energy truce, when he spoke to Trump on Tuesday.",
     ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet"),
     ("Vladimir Putin", "energy_infrastructure_truce", "condition", "outlet")),
    # wanting to see the terms first holds support back: acceptance in principle
    ("Zelenskyy said Kyiv was ready to back a halt to strikes on power plants, but wanted to know exactly what Moscow had promised.",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported"),
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported")),
    ("Zelenskyy said Kyiv would back the energy truce, but wants to see more pressure on Moscow.",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported"),
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported")),
])
def test_a_trailing_clause_that_sets_a_condition_or_holds_support_back(positions, sentence, expected, not_expected):
    found = positions(sentence + "\n")
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize("text, expected", [
    ("Ukraine accepted the ceasefire Trump proposed.\n",
     {("Donald Trump", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet")}),
    ("Russia rejected the ceasefire that the US proposed and Ukraine accepted.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet"),
      ("Russia", "accept_ceasefire", "reject", "outlet")}),
    # "the plan" points back to the ceasefire of the sentence before
    ("Trump wants a full ceasefire.\n\nThat is the plan Washington put forward and Ukraine accepted in Jeddah last week.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet")}),
    # an adverb or "has been" between subject and verb; "that"/"which" after the rest of the noun phrase
    ("Zelenskyy welcomed a pause in attacks on power plants, which Trump first floated on Tuesday.\n",
     {("Donald Trump", "energy_infrastructure_truce", "propose", "outlet")}),
    ("A 30-day halt to strikes on power stations and the grid, which Trump proposed and Putin accepted.\n",
     {("Donald Trump", "energy_infrastructure_truce", "propose", "outlet"),
      ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet")}),
    ("A full ceasefire, which Washington has been pressing for since Jeddah, is still far off.\n",
     {("United States", "accept_ceasefire", "demand", "outlet")}),
    # "the one" restates the noun before it
    ("Trump asked Putin for a 30-day ceasefire, the one Ukraine accepted in Jeddah.\n",
     {("Ukraine", "accept_ceasefire", "accept", "outlet")}),
])
def test_relative_clauses_name_their_holders(positions, text, expected):
    assert expected <= positions(text)


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Press secretary Karoline Leavitt says the president still wants Russia to sign up to a complete ceasefire.\n",
     ("Donald Trump", "accept_ceasefire", "demand", "third_party"),
     ("Karoline Leavitt", "accept_ceasefire", "demand", "reported")),
    ("“Russia wants a halt to Western military aid,” Zelenskyy said.\n",
     ("Russia", "halt_western_military_aid", "demand", "third_party"),
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "demand", "quoted")),
    # "must" makes its subject the target: the speaker holds the demand
    ("Putin said Ukraine must stop mobilising.\n",
     ("Vladimir Putin", "halt_mobilisation_rearmament", "demand", "reported"),
     ("Ukraine", "halt_mobilisation_rearmament", "demand", "third_party")),
])
def test_who_wants_something_holds_the_demand_whoever_reports_it(positions, text, expected, not_expected):
    found = positions(text)
    assert expected in found
    assert not_expected not in found


def test_they_at_a_sentences_start_is_the_group_named_before(positions):
    found = positions("The Kremlin set out its terms on Tuesday.\n\nThey want a halt to Western military aid.\n")
    assert ("Kremlin", "halt_western_military_aid", "demand", "outlet") in found


def test_a_later_clause_can_point_back_to_an_earlier_one(positions):
    found = positions("The White House had pitched a halt to attacks on power plants as a first step, and Putin "
                      "agreed to the proposal, according to the Kremlin.\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "third_party") in found


def test_the_idea_of_announces_its_content_and_points_nowhere(positions):
    found = positions("Putin and Trump agreed on an exchange of prisoners.\n\n"
                      "Trump supported Putin’s idea of holding ice hockey matches between Russian and American players.\n")
    assert not any(who == "Donald Trump" and category == "prisoner_exchange" and stance == "accept"
                   and voice != "outlet" for who, category, stance, voice in found)
    assert sum(1 for who, category, _, _ in found if who == "Donald Trump" and category == "prisoner_exchange") <= 1


def test_a_request_for_the_deals_details_is_a_demand_of_category_other(positions):
    assert ("Volodymyr Zelenskyy", "other", "demand", "outlet") in positions(
        "Zelenskyy wants to know what exactly Moscow has promised.\n")
    assert ("Volodymyr Zelenskyy", "other", "demand", "outlet") in positions(
        "Zelenskyy said Kyiv backed the pause. He wants the full details in writing.\n")
    assert positions("The details of the call were not released.\n") == set()


def test_an_idea_or_suggestion_named_with_its_author_is_their_proposal(positions):
    found = positions("Trump backed Putin’s suggestion of ice hockey matches between Russian and American players.\n")
    assert {("Vladimir Putin", "other", "propose", "outlet"), ("Donald Trump", "other", "accept", "outlet")} <= found


def test_the_subject_of_a_that_clause_is_the_target_of_a_demand(positions):
    found = positions("Moscow also wants firm guarantees that Kiev will not use any pause to carry out mobilisation.\n")
    assert ("Russia", "halt_mobilisation_rearmament", "demand", "outlet") in found
    assert not any(who == "Ukraine" for who, *_ in found)


def test_agreeing_only_if_sets_a_condition_and_accepts_nothing(positions):
    found = positions("Russia will accept a ceasefire only if Ukraine stops mobilisation, Peskov said.\n")
    assert found == {("Russia", "halt_mobilisation_rearmament", "condition", "third_party")}
    found = positions("Zelenskyy said he was ready to back the energy pause provided Russia stopped its strikes.\n")
    assert ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported") in found
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)  # "the energy pause" is partial


def test_what_an_idea_says_belongs_to_the_clause_that_judges_it(positions):
    found = positions("He dismissed the idea that Ukraine's partners should stop arming it, Zelenskyy's office said.\n")
    assert ("Volodymyr Zelenskyy", "halt_western_military_aid", "demand", "outlet") not in found
    assert any(category == "halt_western_military_aid" and stance == "reject" for _, category, stance, _ in found)


def test_speaking_out_against_and_saying_no_to_anything_of_the_kind_reject(positions):
    assert ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject", "outlet") in positions(
        "Zelenskyy again spoke out against any restrictions on Western arms supplies.\n")
    assert ("Russia", "prisoner_exchange", "reject", "outlet") in positions(
        "Kyiv has pushed for an all-for-all exchange; Moscow has so far said no to anything of the kind.\n")



def test_a_colon_after_demands_or_conditions_opens_the_holders_list(positions):
    assert positions("The Kremlin’s conditions: an end to Western arms supplies and a halt to mobilisation.\n") == {
        ("Kremlin", "halt_western_military_aid", "condition", "outlet"),
        ("Kremlin", "halt_mobilisation_rearmament", "condition", "outlet")}
    assert ("Russia", "no_nato_membership", "demand", "outlet") in positions(
        "Moscow’s familiar list of demands: Kyiv’s renunciation of NATO membership and recognition of Crimea.\n")


@pytest.mark.parametrize("sentence, expected", [
    ("Zelenskyy insisted that Ukraine would never recognise occupied territory as Russian.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "reject", "reported")),
    ("Ukraine will not give up any land, Zelenskyy said.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "reject", "reported")),
    ("Macron said Europe would not accept a Russian veto on sending troops to Ukraine.\n",
     ("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported")),
    ("Putin told Trump that a full ceasefire required an end to foreign military aid to Kyiv.\n",
     ("Vladimir Putin", "halt_western_military_aid", "condition", "reported")),
    ("Sybiha called on Moscow to accept the 30-day ceasefire without conditions.\n",
     ("Andrii Sybiha", "accept_ceasefire", "demand", "reported")),
    ("In Moscow’s view, Western arms deliveries must end before any truce.\n",
     ("Russia", "halt_western_military_aid", "condition", "outlet")),
    ("Foreign Minister Sergei Lavrov's called European troops in Ukraine unacceptable.\n",
     ("Sergei Lavrov", "no_foreign_peacekeepers", "demand", "outlet")),
    ("And Mr Putin's insisting the root causes of the war are tackled first.\n",
     ("Vladimir Putin", "broader_settlement", "demand", "outlet")),
    ("Top of the list is Moscow's insistence on an end to Western weapons for Kyiv.\n",
     ("Russia", "halt_western_military_aid", "demand", "outlet")),
    ("The coalition plans to deploy troops to Ukraine. Moscow's said no to any such force.\n",
     ("Russia", "no_foreign_peacekeepers", "demand", "outlet")),
    # idioms of refusal
    ("Zelenskyy said he would not hear of a cut-off in Western weapons.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject", "reported")),
    ("Zelenskyy said Ukraine would never accept an end to Western military aid.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject", "reported")),
    ("Kyiv poured cold water on the demand for a halt to mobilisation.\n",
     ("Ukraine", "halt_mobilisation_rearmament", "reject", "outlet")),
    ("Zelenskyy brushed aside the call for an end to Western military assistance.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject", "outlet")),
    ("The Kremlin refused to countenance European troops in Ukraine.\n",
     ("Kremlin", "no_foreign_peacekeepers", "demand", "outlet")),
])
def test_negations_vetoes_requirements_views_and_contractions(positions, sentence, expected):
    found = positions(sentence)
    assert expected in found
    assert len({(who, category) for who, category, _, _ in found}) == len(found)  # one stance per position


def test_a_topic_not_discussed_is_no_position(positions):
    assert positions("Trump said he and Putin had not discussed military aid at all.\n") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("- The Kremlin: no European troops in Ukraine, under any flag.\n",
     {("Kremlin", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("Root causes is Moscow’s shorthand for its program: Ukraine out of NATO and a capped Ukrainian army.\n",
     {("Russia", "no_nato_membership", "demand", "outlet"), ("Russia", "halt_mobilisation_rearmament", "demand", "outlet")}),
    ("The catch: Putin wants Western arms deliveries to stop before he signs on to a full truce.\n",
     {("Vladimir Putin", "halt_western_military_aid", "condition", "outlet")}),
    ("MOSCOW, March 18 (Xinhua) -- Putin agreed on Tuesday to a 30-day pause in strikes on energy infrastructure.\n",
     {("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet")}),
    ("Trump proposed that Russia and Ukraine refrain from attacking each other’s energy facilities.\n",
     {("Donald Trump", "energy_infrastructure_truce", "propose", "outlet")}),
    # subjects joined by "and" hold it together; one set off by commas is alone
    ("Britain and France have proposed sending a European contingent to Ukraine to help secure any future ceasefire.\n",
     {("United Kingdom", "security_guarantees", "propose", "outlet"), ("France", "security_guarantees", "propose", "outlet")}),
    ("Putin, speaking to Trump, rejected a full ceasefire.\n", {("Vladimir Putin", "accept_ceasefire", "reject", "outlet")}),
    ("• Energy: Trump pitched a 30-day mutual halt on strikes against power plants and the grid.\n",
     {("Donald Trump", "energy_infrastructure_truce", "propose", "outlet")}),
    ("Moscow dismissed a proposal by Britain and France to send a European contingent to Ukraine.\n",
     {("United Kingdom", "security_guarantees", "propose", "outlet"), ("France", "security_guarantees", "propose", "outlet"),
      ("Russia", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("Ukraine accepted a U.S. proposal for an immediate 30-day ceasefire.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet")}),
    # a demonym before the noun is its author: the demonym's state
    ("Moscow dismissed the British and French proposal for a peacekeeping force.\n",
     {("United Kingdom", "security_guarantees", "propose", "outlet"), ("France", "security_guarantees", "propose", "outlet"),
      ("Russia", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("The Russian leader rejected the American plan for a full ceasefire.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")}),
    # a passive on "the idea" names who took a stance on the position named before
    ("Putin proposed ice hockey matches between Russian and American players, and the idea was supported by Trump.\n",
     {("Vladimir Putin", "other", "propose", "outlet"), ("Donald Trump", "other", "accept", "outlet")}),
    # what a pause should grow into is the demand; the pause itself is not
    ("Foreign Minister Hakan Fidan said the energy pause should be widened into a full ceasefire.\n",
     {("Hakan Fidan", "accept_ceasefire", "demand", "reported")}),
    # what the press reports is the subject's position, not the paper's
    ("As Reuters reported, on March 11 in Jeddah Ukraine expressed readiness to accept the U.S. proposal for a 30-day ceasefire.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet")}),
    # dismissing someone's named demand: the demand is theirs, the rejection the speaker's
    ("Ukraine must remain free to build up its own defences, Scholz said, dismissing Moscow's call for a freeze on Ukrainian rearmament.\n",
     {("Russia", "halt_mobilisation_rearmament", "demand", "outlet"), ("Olaf Scholz", "halt_mobilisation_rearmament", "reject", "reported")}),
    ("The EU rejected Moscow's demand to halt military aid to Kyiv.\n",
     {("Russia", "halt_western_military_aid", "demand", "outlet"), ("European Union", "halt_western_military_aid", "reject", "outlet")}),
    # a colon opens a list after "price for ..." or "what it would take ..." too
    ("The Kremlin's price for a complete truce: an end to foreign military aid, and a halt to Ukrainian mobilisation.\n",
     {("Kremlin", "halt_western_military_aid", "condition", "outlet"), ("Kremlin", "halt_mobilisation_rearmament", "condition", "outlet")}),
    ("The Kremlin set out what it would take to go further: a complete halt to foreign military aid.\n",
     {("Kremlin", "halt_western_military_aid", "condition", "outlet")}),
    # a reservation asking for details, anywhere later in the sentence, makes support acceptance in principle
    ("Zelenskyy says Ukraine is ready to support the energy pause but wants to know which facilities it covers and who will monitor it.\n",
     {("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported"),
      ("Volodymyr Zelenskyy", "other", "demand", "reported")}),
    ("Zelenskyy said Ukraine would support the energy pause, but that Kyiv needed to know exactly what Putin had promised.\n",
     {("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported"),
      ("Volodymyr Zelenskyy", "other", "demand", "reported")}),
    # a negated acceptance verb further back in the clause rejects; "accept no" / "accept neither" too
    ("Putin agreed to stop attacking energy facilities for 30 days, but would not sign on to the full, immediate ceasefire.\n",
     {("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet"), ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")}),
    ("Yermak said the Ukrainian side would accept no limits on the size of its army.\n",
     {("Andriy Yermak", "halt_mobilisation_rearmament", "reject", "reported")}),
    # troops "of" NATO countries; a supply of "foreign" weapons; "sharing of intelligence"
    ("The appearance of troops of NATO countries in Ukraine is unacceptable to us, Peskov said.\n",
     {("Dmitry Peskov", "no_foreign_peacekeepers", "demand", "reported")}),
    ("Peskov said a full ceasefire makes sense only if the supply of foreign weapons to Kiev stops.\n",
     {("Dmitry Peskov", "halt_western_military_aid", "condition", "reported")}),
    # tying one thing to another makes the second its condition; so does "no truce while ..."
    ("Putin tied a full ceasefire to a halt in foreign military aid.\n",
     {("Vladimir Putin", "halt_western_military_aid", "condition", "outlet")}),
    ("Russia's position is that there can be no truce while Ukraine rearms.\n",
     {("Russia", "halt_mobilisation_rearmament", "condition", "outlet")}),
    # idioms of acceptance
    ("Putin gave the green light to a halt in strikes on energy facilities.\n",
     {("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet")}),
    # an acceptance inside the condition ("before he signs on to") does not make the condition accepted
    ("Putin wants Western arms deliveries to stop before he signs on to a full truce.\n",
     {("Vladimir Putin", "halt_western_military_aid", "condition", "outlet")}),
    # withdrawing Ukraine's troops from the regions Russia claims is giving them up
    ("Putin has demanded that Kyiv withdraw its troops from the four regions Russia claims.\n",
     {("Vladimir Putin", "cede_or_recognise_territory", "demand", "reported")}),
    # urging someone to accept is a demand of them; "ready for" is acceptance
    ("Trump urged Moscow to go further and agree to a complete ceasefire.\n",
     {("Donald Trump", "accept_ceasefire", "demand", "reported")}),
    ("Zelenskyy said Kyiv was ready for a full ceasefire.\n",
     {("Volodymyr Zelenskyy", "accept_ceasefire", "accept", "reported")}),
    # the holder after its position noun; and the one who responds to a proposal is not its author
    ("The demands of Moscow include an end to Western military aid to Ukraine.\n",
     {("Russia", "halt_western_military_aid", "demand", "outlet")}),
    ("Kyiv's response to the proposal for an energy truce came within hours.\n", set()),
    # a capital after "of"/"from" is a government when the noun before is what governments propose or want
    ("The plans of London and Paris for a reassurance force were rejected by the Kremlin.\n",
     {("United Kingdom", "security_guarantees", "propose", "outlet"), ("France", "security_guarantees", "propose", "outlet"),
      ("Kremlin", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("Kyiv welcomed a proposal from Washington for a 30-day ceasefire. Flights from Moscow were cancelled.\n",
     {("United States", "accept_ceasefire", "propose", "outlet"), ("Ukraine", "accept_ceasefire", "accept", "outlet")}),
    # saying no to foreign soldiers holds "no foreign troops"
    ("The Kremlin has said no to European soldiers in Ukraine under any flag.\n",
     {("Kremlin", "no_foreign_peacekeepers", "demand", "outlet")}),
])
def test_labels_bullets_programs_joint_subjects_and_authors(positions, sentence, expected):
    assert positions(sentence) == expected


def test_a_ceasefire_to_be_secured_is_a_time_frame_not_a_demand(positions):
    found = positions("Britain has proposed sending a European contingent to Ukraine to help secure any future ceasefire.\n")
    assert found == {("United Kingdom", "security_guarantees", "propose", "outlet")}


def test_a_heading_that_names_someones_demands_owns_the_bullets_below_it(positions):
    found = positions("Moscow’s asks, per the Kremlin readout:\n\n- No more foreign military aid for Kyiv.\n\n"
                      "- No mobilisation in Ukraine.\n\n"
                      "Kyiv is unmoved.\n\n- Its NATO membership bid remains on the table.\n")
    assert {("Russia", "halt_western_military_aid", "demand", "outlet"),
            ("Russia", "halt_mobilisation_rearmament", "demand", "outlet")} <= found
    assert not any(who == "Russia" and category == "no_nato_membership" for who, category, _, _ in found)  # a new list


def test_the_head_of_state_is_the_head_of_state_named_before(positions):
    found = positions("Vladimir Putin spoke with Donald Trump on Tuesday. The head of state said he supported "
                      "the idea of a mutual halt on strikes against energy facilities.\n")
    assert found == {("Vladimir Putin", "energy_infrastructure_truce", "accept", "reported")}
    # with no head of state named before it, no one is guessed
    assert positions("The head of state said he supported a mutual halt on strikes against energy facilities.\n") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Peskov declined to say whether Putin would accept the full ceasefire.\n",
     {("Vladimir Putin", "accept_ceasefire", "refuse_to_confirm", "third_party", "Dmitry Peskov")}),
    ("Asked whether Moscow would accept a full ceasefire, Peskov declined to comment.\n",
     {("Russia", "accept_ceasefire", "refuse_to_confirm", "third_party", "Dmitry Peskov")}),
    ("Asked if Russia would insist on an end to Western military aid, Peskov said he would not comment.\n",
     {("Russia", "halt_western_military_aid", "refuse_to_confirm", "third_party", "Dmitry Peskov")}),
])
def test_the_one_a_question_is_about_holds_what_is_left_unconfirmed(one_article, sentence, expected):
    table = demands(one_article(sentence))
    assert set(zip(table["who"], table["category"], table["stance"], table["voice"], table["source"])) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the one refused a say is not the holder; the refusal of a veto over troops rejects the ban
    ("Macron called for solid security guarantees and said Moscow had no say over whether British troops "
     "could be deployed there.\n",
     {("Emmanuel Macron", "security_guarantees", "demand", "outlet"),
      ("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported")}),
    ("Sybiha said who is stationed in Ukraine is for Kyiv to decide, not Moscow.\n",
     {("Andrii Sybiha", "no_foreign_peacekeepers", "reject", "reported")}),
    ("Starmer insisted Russia would not get a veto over any deployment of British peacekeepers.\n",
     {("Keir Starmer", "no_foreign_peacekeepers", "reject", "reported")}),
    ("Scholz said whether NATO soldiers go to Ukraine after a truce is a matter for Kyiv alone.\n",
     {("Olaf Scholz", "no_foreign_peacekeepers", "reject", "reported")}),
    ("“Nobody gets to decide for us what weapons we receive,” Zelenskyy said.\n",
     {("Volodymyr Zelenskyy", "halt_western_military_aid", "reject", "quoted")}),
    # deferring a decision to Kyiv refuses no one a veto
    ("Whether to accept the ceasefire is Ukraine’s decision, Rubio said.\n", set()),
])
def test_refusing_someone_a_say_rejects_their_veto(positions, sentence, expected):
    assert positions(sentence) == expected


@pytest.mark.parametrize("codebook, reader, field", [
    ("category,pattern,stance\naccept_ceasefire,truce,\naccept_ceasefire,no truce,refuse\n", "_cues", "stance"),
    ("category,pattern,stance,context\naccept_ceasefire,truce,,\nno_foreign_peacekeepers,no veto,reject,(?:troops\n",
     "_cue_contexts", "context"),
])
def test_a_bad_cue_stance_or_context_is_reported_with_its_line(tmp_path, monkeypatch, codebook, reader, field):
    from analysis import demands as module, paths
    from analysis.corpus import CorpusError
    (tmp_path / "demand_cues.csv").write_text(codebook, encoding="utf-8")
    monkeypatch.setattr(paths, "CODEBOOKS", tmp_path)
    read = getattr(module, reader)
    read.cache_clear()
    try:
        with pytest.raises(CorpusError, match=rf"demand_cues\.csv, line 3, field '{field}'"):
            read()
    finally:
        read.cache_clear()


@pytest.mark.parametrize("sentence, expected", [
    ("Washington’s push for a complete halt to the fighting ran into a wall in Moscow.\n",
     {("United States", "accept_ceasefire", "demand", "outlet"), ("Russia", "accept_ceasefire", "reject", "outlet")}),
    ("The proposal for a full ceasefire was not met with much enthusiasm in the Kremlin.\n",
     {("Kremlin", "accept_ceasefire", "reject", "outlet")}),
    ("Putin’s call for sanctions relief was greeted with scepticism by the European Union.\n",
     {("Vladimir Putin", "ease_sanctions", "demand", "outlet"), ("European Union", "ease_sanctions", "reject", "outlet")}),
    ("Moscow’s demand for an end to Western military aid was rejected by Kyiv.\n",
     {("Russia", "halt_western_military_aid", "demand", "outlet"), ("Ukraine", "halt_western_military_aid", "reject", "outlet")}),
    ("Kyiv is unlikely to swallow a freeze on its NATO membership bid.\n",
     {("Ukraine", "no_nato_membership", "reject", "outlet")}),
    # a warm reception is no rejection
    ("The proposal for a full ceasefire was met with enthusiasm in Kyiv.\n", set()),
])
def test_a_cold_reception_rejects_and_a_passive_keeps_whose_demand_it_was(positions, sentence, expected):
    assert positions(sentence) == expected


def test_a_transcript_turn_is_its_speakers_and_their_president_is_their_own(positions):
    found = positions("QUESTION: Did the president agree to a full ceasefire?\n\n"
                      "PESKOV: We expect reciprocity on the energy truce. The president has said clearly that he "
                      "supports the idea of a ceasefire in principle.\n\n"
                      "HOST: And Washington?\n\n"
                      "LEAVITT: The president wants a full ceasefire.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "accept_in_principle", "third_party") in found
    assert ("Donald Trump", "accept_ceasefire", "demand", "third_party") in found
    assert not any(who == "Donald Trump" and stance == "accept_in_principle" for who, _, stance, _ in found)


def test_a_wire_topic_slug_speaks_for_nobody(positions):
    # Were "UKRAINE:" a speaker, the head of state after it would be Ukraine's own.
    found = positions("UKRAINE: KREMLIN, FULL TRUCE ONLY IF WEST STOPS ARMS (3)\n\n"
                      "The Russian president agreed to a pause on energy strikes proposed by Trump.\n\n"
                      "According to the Kremlin, the head of state said a complete truce would only be possible "
                      "if foreign military aid to Kyiv ended.\n")
    assert ("Vladimir Putin", "halt_western_military_aid", "condition", "reported") in found
    assert not any(who in ("Ukraine", "Volodymyr Zelenskyy") for who, _, _, _ in found)


def test_in_a_briefing_record_the_head_of_state_is_the_answering_spokeswomans(positions):
    found = positions("Question: Vladimir Zelensky says Moscow has rejected the ceasefire. Your comment?\n\n"
                      "Maria Zakharova: A distortion. The head of state said clearly that he supports the idea of a "
                      "ceasefire in principle.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "accept_in_principle", "third_party") in found
    assert not any(who == "Volodymyr Zelenskyy" and stance == "accept_in_principle" for who, _, stance, _ in found)


def test_the_president_in_a_quotation_is_the_speakers_own(positions):
    found = positions("Kremlin spokesman Dmitry Peskov told reporters: “The president supported the idea of an "
                      "energy truce.”\n")
    assert found == {("Vladimir Putin", "energy_infrastructure_truce", "accept", "third_party")}


def test_an_exchange_being_carried_out_is_conduct_not_a_proposal(positions):
    assert positions("WALTZ: We have a prisoner exchange happening today.\n") == set()
    assert ("Mike Waltz", "prisoner_exchange", "propose", "quoted") in positions(
        "WALTZ: We have proposed a prisoner exchange.\n")


@pytest.mark.parametrize("sentence, expected", [
    ("Plans for a European reassurance force, championed by Britain’s Keir Starmer and France’s Emmanuel Macron, "
     "have been rejected out of hand by Moscow.\n",
     {("Keir Starmer", "security_guarantees", "propose", "outlet"),
      ("Emmanuel Macron", "security_guarantees", "propose", "outlet"),
      ("Russia", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("Russia and Ukraine have each freed 175 prisoners of war.\n", set()),
    ("Peskov said a complete ceasefire can only happen if Ukraine’s Western backers stop supplying it with weapons.\n",
     {("Dmitry Peskov", "halt_western_military_aid", "condition", "reported")}),
    ("Asked whether Moscow had asked Washington to stop sharing intelligence, Peskov said he would not go into "
     "the details.\n",
     {("Russia", "halt_western_military_aid", "refuse_to_confirm", "third_party")}),
    ("MARSH: Macron has said it’s for Ukraine, not Moscow, to decide who helps guarantee its security.\n",
     {("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported")}),
    ("Macron claimed that Moscow had no right to veto the deployment of such a contingent.\n",
     {("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported")}),
])
def test_two_passives_past_exchanges_supplies_and_details_not_gone_into(positions, sentence, expected):
    assert positions(sentence) == expected


@pytest.mark.parametrize("text, expected, not_expected", [
    # an inverted attribution reports the clause before it
    ("Sanctions on Russia will not be lifted until it agrees to a complete ceasefire, said Kaja Kallas.\n",
     {("Kaja Kallas", "ease_sanctions", "reject", "reported"), ("Kaja Kallas", "accept_ceasefire", "condition", "reported")},
     set()),
    # a person speaking of their own state holds its condition; an office reporting its state does not
    ("Sybiha said Ukraine would stop hitting Russian energy sites only if Moscow did the same.\n",
     {("Andrii Sybiha", "energy_infrastructure_truce", "condition", "reported")},
     {("Ukraine", "energy_infrastructure_truce", "condition", "third_party")}),
    ("“The ball is in Moscow’s court now,” Rutte said.\n",
     {("Mark Rutte", "accept_ceasefire", "demand", "quoted")}, set()),
    # the one refused a say is not its holder
    ("“Russia cannot have a veto over which countries send troops to Ukraine,” Macron said.\n",
     {("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "quoted")},
     {("Russia", "no_foreign_peacekeepers", "reject", "quoted")}),
    ("“Moscow doesn't get to decide who guards Ukraine,” Starmer said.\n",
     {("Keir Starmer", "no_foreign_peacekeepers", "reject", "quoted")},
     {("Russia", "no_foreign_peacekeepers", "reject", "quoted")}),
])
def test_inversions_own_states_idioms_and_refused_vetoes(positions, text, expected, not_expected):
    found = positions(text)
    assert expected <= found
    assert not (not_expected & found)


@pytest.mark.parametrize("sentence, category", [
    ("The Kremlin wants effective control along the whole line of contact.\n", "other"),
    ("Putin floated NHL-KHL games, and Trump liked it.\n", "other"),
    ("Zelenskyy said Ukraine would not hit their energy if Russia did not hit ours.\n", "energy_infrastructure_truce"),
    ("Kyiv said it would stop its strikes on Russian refineries provided Moscow did likewise.\n", "energy_infrastructure_truce"),
    ("Putin told Trump the two sides would swap 175 prisoners on Wednesday.\n", "prisoner_exchange"),
])
def test_phrasings_of_the_weeks_positions_name_their_category(positions, sentence, category):
    assert category in {c for _, c, _, _ in positions(sentence)}


def test_a_stance_word_inside_the_positions_own_words_is_not_a_stance_on_it(positions):
    found = positions("Zelenskyy said Ukraine wants to know exactly what Moscow agreed to.\n")
    assert ("Volodymyr Zelenskyy", "other", "demand", "reported") in found
    assert not any(c == "other" and s == "accept" for _, c, s, _ in found)


@pytest.mark.parametrize("sentence", [
    "Moscow also handed over 31 badly wounded soldiers.\n",
    "Kyiv says thirty wounded soldiers came home as well.\n",
])
def test_an_exchange_carried_out_is_no_one_s_proposal(positions, sentence):
    assert not any(c == "prisoner_exchange" for _, c, _, _ in positions(sentence))


def test_an_exchange_still_to_come_is_proposed(positions):
    found = positions("Putin told Trump that Russia would hand over 31 badly wounded soldiers.\n")
    assert ("Vladimir Putin", "prisoner_exchange", "propose", "reported") in found


def test_a_parliamentary_label_names_the_member_who_speaks(positions):
    found = positions("The Prime Minister (Keir Starmer): We will keep the pressure on. Sanctions will remain "
                      "in place until Russia agrees to a complete ceasefire.\n\n"
                      "Jane Example (Anytown North) (LD): We would oppose any easing of sanctions.\n")
    assert {("Keir Starmer", "ease_sanctions", "reject", "quoted"),
            ("Keir Starmer", "accept_ceasefire", "condition", "quoted")} <= found
    # a member the codebook lacks keeps the printed name
    assert ("Jane Example", "ease_sanctions", "reject", "quoted") in found


def test_a_passive_past_a_relative_clause_names_who_took_the_stance(positions):
    found = positions("The US proposal for a complete ceasefire, which Kyiv accepted last week, was in effect "
                      "turned down by Putin.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "outlet") in found


@pytest.mark.parametrize("sentence, expected", [
    ("“There can be no talk of lifting sanctions before a full ceasefire,” Kallas said.\n",
     ("Kaja Kallas", "ease_sanctions", "reject", "quoted")),
    ("“The energy pause has our support,” Kallas said.\n",
     ("Kaja Kallas", "energy_infrastructure_truce", "accept", "quoted")),
])
def test_no_talk_of_rejects_and_our_support_accepts(positions, sentence, expected):
    assert expected in positions(sentence)


def test_speech_reported_inside_a_turn_is_the_reported_speakers(positions):
    found = positions("Jane Example (Anytown North) (LD): Ukraine is not alone. "
                      "President Zelenskyy has said that Ukraine would support the energy pause. "
                      "Kyiv's insistence that no strikes on energy resume is only fair.\n")
    # told by the member: a third party's account of Zelenskyy's position
    assert ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "third_party") in found
    assert not any(w in ("Jane Example", "Ukraine") and s == "accept" for w, _, s, _ in found)
    # a noun of speech is the member's account, not a report of Kyiv's words
    assert ("Jane Example", "energy_infrastructure_truce", "demand", "quoted") in found


def test_titled_agents_of_a_passive_hold_the_position(positions):
    found = positions("The idea of a reassurance force, championed by British Prime Minister Keir Starmer and "
                      "French President Emmanuel Macron, was rejected by Moscow.\n")
    assert {("Keir Starmer", "security_guarantees", "propose", "outlet"),
            ("Emmanuel Macron", "security_guarantees", "propose", "outlet")} <= found


@pytest.mark.parametrize("sentence, expected", [
    # what must hold during a truce is a condition of the truce
    ("Putin also insisted on a halt to Ukrainian mobilisation during any truce.\n",
     ("Vladimir Putin", "halt_mobilisation_rearmament", "condition", "reported")),
    # wanting something done before a settlement of the same kind is a demand about that settlement ...
    ("Putin wants the war's root causes dealt with before any lasting settlement.\n",
     ("Vladimir Putin", "broader_settlement", "demand", "outlet")),
    # ... while a settlement said to be impossible until then is conditioned on it
    ("The Kremlin says a durable peace is unthinkable until the root causes of the conflict are eliminated.\n",
     ("Kremlin", "broader_settlement", "condition", "reported")),
    # support held back until the details are known is support in principle ...
    ("Zelenskyy said Ukraine would back the energy pause but wanted the details first.\n",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported")),
    ("Zelenskyy said he'd support the energy pause, but only once he knows which facilities it covers.\n",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported")),
    # ... while support on the other side's conduct is on a condition
    ("Zelenskyy said he'd support the energy pause, but only once Russia stops its strikes.\n",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "condition", "reported")),
])
def test_what_a_position_is_set_on_decides_condition_demand_or_support_in_principle(positions, sentence, expected):
    assert expected in positions(sentence)


def test_a_refusal_to_answer_leaves_the_questions_position_unconfirmed(positions):
    found = positions("QUESTION: Did Moscow ask Washington to switch off intelligence for Kyiv?\n\n"
                      "PESKOV: I cannot confirm that.\n\n"
                      "QUESTION: Did the president insist on new elections in Ukraine?\n\n"
                      "PESKOV: I cannot confirm that either. I would not say that this idea has been met with "
                      "much enthusiasm.\n")
    assert {("Russia", "halt_western_military_aid", "refuse_to_confirm", "third_party"),
            ("Vladimir Putin", "hold_ukrainian_election", "refuse_to_confirm", "third_party")} <= found
    # "would not say that ..." is understatement, not a refusal
    assert not any(w == "Dmitry Peskov" and s == "refuse_to_confirm" for w, _, s, _ in found)


def test_a_briefing_turn_runs_to_the_questioner_and_its_he_is_the_president(positions):
    found = positions("MS. LEAVITT: Let me be clear about where the President stands. He wants a complete "
                      "ceasefire. Today 175 prisoners of war came home in exchange for 175 Russians.\n\n"
                      "Q    Did Putin ask the President to cut off intelligence sharing?\n\n"
                      "MS. LEAVITT: I'm not going to get ahead of the President on that call.\n\n"
                      "Q    Kyiv wants an all-for-all prisoner exchange. Will it happen?\n")
    assert {("Donald Trump", "accept_ceasefire", "demand", "third_party"),
            ("Vladimir Putin", "halt_western_military_aid", "refuse_to_confirm", "third_party")} <= found
    assert not any(w == "Karoline Leavitt" for w, _, _, _ in found)  # the questioner's words are not hers
    assert not any(c == "prisoner_exchange" and s == "condition" for _, c, s, _ in found)  # the swap's terms


def test_an_office_alone_labels_a_turn_once_a_record_has_member_labels(positions):
    found = positions("Jane Example (Anytown North) (LD): Will the Prime Minister back new sanctions?\n\n"
                      "The Prime Minister: We will oppose any easing of sanctions.\n")
    assert ("Keir Starmer", "ease_sanctions", "reject", "quoted") in found
    assert not any(w == "Jane Example" and s == "reject" for w, _, s, _ in found)


def test_refusing_a_force_of_troops_named_before_holds_the_ban(positions):
    found = positions("The UK and France want a reassurance force in Ukraine. The idea has been rejected by Moscow "
                      "at every turn.\n\n"
                      "Britain's Keir Starmer and France's Emmanuel Macron are pressing ahead with plans for a "
                      "reassurance force, an idea Moscow has flatly shot down.\n\n"
                      "Starmer and Macron want a reassurance force in Ukraine. Peskov said the idea had not been "
                      "met with great enthusiasm in Moscow.\n")
    # wanting a force of one's own troops is offering it
    assert {("United Kingdom", "security_guarantees", "propose", "outlet"),
            ("Keir Starmer", "security_guarantees", "propose", "outlet"),
            ("Emmanuel Macron", "security_guarantees", "propose", "outlet"),
            ("Russia", "no_foreign_peacekeepers", "demand", "outlet")} <= found
    assert not any(w == "Russia" and c == "security_guarantees" for w, c, _, _ in found)


def test_a_country_s_leader_joined_to_another_holds_it_not_the_country(positions):
    found = positions("Britain's Keir Starmer and France's Emmanuel Macron are pressing ahead with plans for a "
                      "reassurance force.\n")
    assert ("Emmanuel Macron", "security_guarantees", "propose", "outlet") in found
    assert not any(w == "France" for w, _, _, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    ("Zelenskyy called for Western troops in Ukraine.\n",
     ("Volodymyr Zelenskyy", "security_guarantees", "demand", "outlet")),
    ("Moscow wants no European troops in Ukraine.\n", ("Russia", "no_foreign_peacekeepers", "demand", "outlet")),
    ("Starmer insists any deal must come with guarantees that stop Russia regrouping.\n",
     ("Keir Starmer", "security_guarantees", "demand", "reported")),
])
def test_wanting_troops_is_wanting_the_force_and_wanting_none_the_ban(positions, sentence, expected):
    assert expected in positions(sentence)


def test_an_uncoded_official_speaking_of_a_state_outside_the_war_holds_its_position(positions):
    found = positions("Foreign Minister Ülle Rebane said Estonia rejected outright the demand that Ukraine stop "
                      "rearming during a truce.\n\n"
                      "Foreign Minister Ülle Rebane said Russia rejected the ceasefire.\n")
    assert ("Ülle Rebane", "halt_mobilisation_rearmament", "reject", "reported") in found
    assert not any(w == "Estonia" for w, _, _, _ in found)
    # of one of the war's parties, still a third party's account
    assert ("Russia", "accept_ceasefire", "reject", "third_party") in found


@pytest.mark.parametrize("sentence, expected", [
    ("EU foreign policy chief Kaja Kallas said sanctions on Russia would not be eased.\n",
     ("Kaja Kallas", "ease_sanctions", "reject", "reported")),  # the EU is part of her title
    ("Kyiv's European allies have pledged to keep arming it.\n",
     ("European allies", "halt_western_military_aid", "reject", "reported")),
    ("Britain and France, together with other partners, are ready to send a contingent to Ukraine.\n",
     ("France", "security_guarantees", "propose", "outlet")),
])
def test_titles_with_their_organisation_keeping_up_arms_and_readiness_to_send_troops(positions, sentence, expected):
    assert expected in positions(sentence)


def test_a_reporting_verb_is_no_part_of_the_title_after_it(positions):
    found = positions("The Kremlin said Mr Putin wanted a halt to Western arms supplies.\n")
    assert ("Vladimir Putin", "halt_western_military_aid", "demand", "third_party") in found


def test_a_refusal_answers_the_first_position_the_question_names(positions):
    found = positions("QUESTION: Did Moscow ask for new elections in Ukraine before any end to military aid?\n\n"
                      "PESKOV: I cannot confirm that.\n")
    assert ("Russia", "hold_ukrainian_election", "refuse_to_confirm", "third_party") in found
    assert ("Russia", "halt_western_military_aid", "refuse_to_confirm", "third_party") not in found


@pytest.mark.parametrize("sentence, expected", [
    # support on a condition, held back for details: in principle, and the condition as well
    ("Zelenskyy said Kyiv would back the energy moratorium as long as Moscow did the same, but he wanted to see "
     "the details first.\n", {("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported"),
                              ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "condition", "reported")}),
    # the terse bulletin form
    ("Ukraine will support energy pause, wants details, Zelenskyy says.\n",
     {("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle", "reported")}),
    # agreeing to one thing and not to the other rejects the other
    ("Putin backs the energy truce, not a full ceasefire.\n",
     {("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet"),
      ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")}),
    # a negated passive rejects
    ("The 30-day ceasefire was not accepted by Moscow.\n", {("Russia", "accept_ceasefire", "reject", "outlet")}),
    # guarantees that back a deal are wanted, not accepted
    ("Macron insisted that any truce must be backed by firm security guarantees.\n",
     {("Emmanuel Macron", "security_guarantees", "demand", "reported")}),
    # keeping the weapons coming refuses the demand to stop them
    ("Rutte said Western military aid will keep flowing.\n",
     {("Mark Rutte", "halt_western_military_aid", "reject", "reported")}),
    ("Kallas said Europe is not going to stop supplying Ukraine with weapons.\n",
     {("Kaja Kallas", "halt_western_military_aid", "reject", "reported")}),
    ("Zelenskyy spoke in Kyiv.\n\nNor would Ukraine agree to limits on the size of its army, he said.\n",
     {("Volodymyr Zelenskyy", "halt_mobilisation_rearmament", "reject", "reported")}),
])
def test_support_held_back_one_thing_not_the_other_and_refusals_in_other_words(positions, sentence, expected):
    assert expected <= positions(sentence)


def test_a_gloss_of_moscow_s_words_is_moscow_s_demand(positions):
    found = positions("Putin insisted that any deal remove the \"root causes\" of the war, a term the Kremlin uses "
                      "above all for Ukraine's hopes of joining NATO.\n\n"
                      "In Moscow's parlance, that means a Ukraine kept out of NATO.\n")
    assert ("Kremlin", "no_nato_membership", "demand", "outlet") in found
    assert ("Russia", "no_nato_membership", "demand", "outlet") in found
    assert not any(who == "Vladimir Putin" and category == "no_nato_membership" for who, category, _, _ in found)


def test_not_striking_energy_is_holding_the_pause(positions):
    found = positions("\"If they leave our power plants alone, we will not hit their energy facilities,\" Zelenskyy said.\n\n"
                      "Zelenskyy said Ukraine would not strike Russian energy sites.\n")
    assert ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "condition", "quoted") in found
    assert ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept", "reported") in found
    assert not any(stance == "reject" for _, _, stance, _ in found)


def test_a_pronoun_opening_a_reported_condition_holds_it(positions):
    found = positions("Putin spoke to Trump for two hours.\n\n"
                      "He would accept a full truce only if Western arms deliveries stopped, the Kremlin said.\n")
    assert ("Vladimir Putin", "halt_western_military_aid", "condition", "third_party") in found
    assert not any(who == "Kremlin" for who, _, _, _ in found)


@pytest.mark.parametrize("sentence, speaker", [
    # an office named after the one it serves is a title, not a mention of the president
    ("Head of the Office of the President Andriy Yermak said Ukraine would never give up Crimea.\n", "Andriy Yermak"),
    # an organisation with lower-case words before the office is the title's
    ("Russian foreign ministry spokeswoman Maria Zakharova said Moscow rejects foreign troops in Ukraine.\n",
     "Maria Zakharova"),
])
def test_the_titled_person_speaks_not_the_office_or_organisation_in_the_title(positions, sentence, speaker):
    assert {who for who, _, _, _ in positions(sentence)} == {speaker}


@pytest.mark.parametrize("sentence, expected", [
    # those who would send the force propose it, with no stance word at all
    ("Britain and France are leading talks on a force to help secure any ceasefire in Ukraine.\n",
     {("United Kingdom", "security_guarantees", "propose", "outlet"), ("France", "security_guarantees", "propose", "outlet")}),
    # each speaker of a joint statement holds what they said
    ("Britain and France have said they could deploy troops to Ukraine after a truce.\n",
     {("United Kingdom", "security_guarantees", "propose", "reported"), ("France", "security_guarantees", "propose", "reported")}),
    # a shorthand "+" joins subjects as "and" does
    ("Starmer + Macron are pushing to put a reassurance force in Ukraine after any deal.\n",
     {("Keir Starmer", "security_guarantees", "propose", "outlet"), ("Emmanuel Macron", "security_guarantees", "propose", "outlet")}),
])
def test_a_force_is_proposed_by_those_who_would_send_it(positions, sentence, expected):
    assert expected <= positions(sentence)


def test_a_force_without_a_stance_word_is_no_position_of_one_who_would_not_send_it(positions):
    found = positions("Zelenskyy spoke of a force to help secure any ceasefire.\n")
    assert not any(category == "security_guarantees" for _, category, _, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    ("Moscow has repeatedly ruled out any European troop presence in Ukraine.\n",
     ("Russia", "no_foreign_peacekeepers", "demand", "outlet")),
    ("Moscow has said that it does not want any European soldiers on its territory.\n",
     ("Russia", "no_foreign_peacekeepers", "demand", "reported")),
])
def test_troops_kept_out_in_other_words_is_the_ban(positions, sentence, expected):
    assert expected in positions(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("London is planning a reassurance force.\n\nStarmer says Russia cannot have a veto over that.\n",
     ("Keir Starmer", "no_foreign_peacekeepers", "reject", "reported")),
    ("Paris wants troops on the ground after a truce.\n\nMacron said Moscow would not be allowed to veto it.\n",
     ("Emmanuel Macron", "no_foreign_peacekeepers", "reject", "reported")),
    ("Berlin may send soldiers.\n\nPistorius countered that Moscow \"does not get to decide\" who helps Ukraine.\n",
     ("Boris Pistorius", "no_foreign_peacekeepers", "reject", "quoted")),
])
def test_refusing_moscow_a_veto_where_troops_were_just_talked_about(positions, sentence, expected):
    found = positions(sentence)
    assert expected in found
    assert not any(who == "Russia" for who, _, _, _ in found)


def test_a_veto_refused_with_no_troops_in_sight_is_not_about_troops(positions):
    found = positions("Trump spoke to Putin for two hours.\n\nStarmer says Russia cannot have a veto over that.\n")
    assert not any(category == "no_foreign_peacekeepers" for _, category, _, _ in found)



@pytest.mark.parametrize("sentence, author", [
    # an apposition after the position names its author
    ("Putin agreed to stop striking energy sites for 30 days - an idea put to him by Trump.\n", "Donald Trump"),
    ("Putin agreed to one thing: a halt to strikes on energy sites, an idea the White House had put to him.\n", "White House"),
    # a copula does
    ("Ushakov said the energy pause was Trump's idea.\n", "Donald Trump"),
    # a proposal's author may come between it and what it proposes
    ("Putin agreed to a suggestion from the American side that both stop hitting energy facilities.\n", "United States"),
    ("Putin supported the idea, put forward by Trump, of a mutual refusal to strike energy facilities.\n", "Donald Trump"),
    # a request fronting the sentence is its author's proposal
    ("Trump called Putin.\n\nAt Trump's request, Putin agreed to a 30-day halt to strikes on energy infrastructure.\n",
     "Donald Trump"),
])
def test_a_proposal_s_author_named_after_or_around_the_position_proposes_it(positions, sentence, author):
    assert (author, "energy_infrastructure_truce", "propose", "outlet") in positions(sentence)


def test_a_proposal_s_content_is_the_nearest_position_after_it(positions):
    found = positions("Putin rejected Washington's proposal for a 30-day truce but said his forces would fight on "
                      "until several conditions were met.\n")
    assert not any(who == "United States" and category == "unspecified_conditions" for who, category, _, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    # an aside set off by commas does not cut the clause it interrupts
    ("Putin's answer on the full ceasefire was, in effect, a no.\n", ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")),
    ("Putin's answer on the full ceasefire was, in other words, a no with good manners.\n",
     ("Vladimir Putin", "accept_ceasefire", "reject", "outlet")),
    # an owner's answer to the position just named holds the stance taken
    ("The full ceasefire was not agreed, and Moscow's answer was, in effect, a no.\n",
     ("Russia", "accept_ceasefire", "reject", "outlet")),
])
def test_an_answer_in_effect_a_no_rejects_what_it_answers(positions, sentence, expected):
    found = positions(sentence)
    assert expected in found
    assert len({who for who, _, stance, _ in found if stance == "reject"}) == 1


@pytest.mark.parametrize("text", [
    # a summary the sentence goes on to spell out
    "Putin set out several conditions for a full ceasefire, including a halt to Western military aid.\n",
    "The Kremlin put forward a list of conditions for a full truce: an end to Western military aid.\n",
    # a headline summing up conditions the article names
    "Putin agrees to energy pause, lists conditions for full truce\n\n"
    "The Kremlin said a full truce was possible only if Western military aid stopped.\n",
])
def test_conditions_the_article_spells_out_are_not_unspecified(positions, text):
    found = positions(text)
    assert any(category == "halt_western_military_aid" for _, category, _, _ in found)
    assert not any(category == "unspecified_conditions" for _, category, _, _ in found)


@pytest.mark.parametrize("text", [
    # named nowhere near: the conditions stay unspecified
    "Moscow said fighting would continue until several conditions were met.\n\nThe Kremlin wants an end to Western military aid.\n",
    # said to be others than those named, or withheld
    "The Kremlin set other conditions, including some it would not name: an end to Western military aid.\n",
])
def test_conditions_left_unnamed_stay_unspecified(positions, text):
    assert any(category == "unspecified_conditions" for _, category, _, _ in positions(text))


@pytest.mark.parametrize("sentence", [
    "The President of Russia supported Donald Trump's proposal that the parties refrain from strikes on energy infrastructure.\n",
    "Putin, according to the Kremlin, had agreed to Trump's proposal that both sides stop hitting energy infrastructure.\n",
])
def test_who_takes_a_stance_on_a_proposal_holds_it_not_the_proposal_s_author(positions, sentence):
    found = positions(sentence)
    assert ("Donald Trump", "energy_infrastructure_truce", "propose", "outlet") in found
    assert any(who == "Vladimir Putin" and stance == "accept" for who, _, stance, _ in found)
    assert not any(who == "Donald Trump" and stance == "accept" for who, _, stance, _ in found)


def test_a_condition_that_the_west_stops_arming_kyiv_is_the_aid_halt(positions):
    found = positions("Kremlin says a full ceasefire can only happen if the West stops arming Kyiv\n")
    assert ("Kremlin", "halt_western_military_aid", "condition", "reported") in found
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


@pytest.mark.parametrize("text", [
    "Moscow, Zelenskyy says, has in effect rejected the ceasefire.\n",
    "Zelenskyy spoke on Wednesday.\n\nHis verdict was blunt: Russia, he said, had in effect rejected the full ceasefire.\n",
])
def test_an_attribution_inside_the_clause_leaves_its_subject_the_holder(positions, text):
    assert ("Russia", "accept_ceasefire", "reject", "third_party") in positions(text)


def test_an_attribution_inside_the_clause_does_not_give_the_denied_a_say(positions):
    found = positions("Joly wants troops on the ground.\n\nRussia, she said, would get no say over which countries send them.\n")
    assert not any(who == "Russia" for who, _, _, _ in found)


@pytest.mark.parametrize("sentence, holder", [
    ("Putin agreed to an energy pause but stopped short of the full ceasefire that Washington had hoped for.\n", "United States"),
    ("Putin stopped short of the full 30-day ceasefire that U.S. President Donald Trump had hoped he would accept.\n",
     "Donald Trump"),
    ("Putin stopped short of the full ceasefire his US counterpart Donald Trump had been pushing for.\n", "Donald Trump"),
])
def test_a_relative_clause_of_hope_names_who_wanted_the_position(positions, sentence, holder):
    assert (holder, "accept_ceasefire", "demand", "outlet") in positions(sentence)


def test_a_relative_clause_after_conditions_for_a_position_describes_the_conditions(positions):
    found = positions("The conditions for a complete ceasefire that Putin set out are reasonable, Peskov said.\n\n"
                      "The Kremlin wants an end to Western military aid before any truce.\n")
    assert not any(who == "Vladimir Putin" and category == "accept_ceasefire" for who, category, _, _ in found)


@pytest.mark.parametrize("sentence", [
    "Estonia's prime minister says the conditions Moscow has attached to a full ceasefire show it is not serious.\n",
    "The American side has said little in public about Moscow's other conditions.\n",
    "Officials in Tallinn worry that a ceasefire on Moscow's terms would leave Russia free to rebuild.\n",
])
def test_who_only_speaks_of_another_s_conditions_does_not_hold_them(positions, sentence):
    found = positions(sentence)
    assert not any(category == "unspecified_conditions" and who != "Russia" for who, category, _, _ in found)


@pytest.mark.parametrize("text", [
    "Putin named his conditions for a real ceasefire.\n\nThe Kremlin said a truce was possible only if Western "
    "military aid stopped.\n",
    "Putin also set out further conditions, the readout said: a halt to Western military aid.\n",
])
def test_the_conditions_the_article_lists_are_not_unspecified_again(positions, text):
    found = positions(text)
    assert any(category == "halt_western_military_aid" for _, category, _, _ in found)
    assert not any(category == "unspecified_conditions" for _, category, _, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    ("In Moscow's vocabulary that means Russia keeping the land it has seized.\n",
     ("Russia", "cede_or_recognise_territory", "demand", "outlet")),
    ("The EU does not and will never recognise Russia's illegal annexation of Ukrainian territory.\n",
     ("European Union", "cede_or_recognise_territory", "reject", "outlet")),
    ("Zelenskyy has ruled out giving up a square metre of Ukrainian land.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "reject", "outlet")),
    ("Moscow wants recognition of Russia's claim to four Ukrainian regions.\n",
     ("Russia", "cede_or_recognise_territory", "demand", "outlet")),
])
def test_territory_kept_recognised_or_given_up_in_other_words(positions, sentence, expected):
    assert expected in positions(sentence)


def test_a_lowercase_what_before_a_wanting_verb_leaves_its_subject_the_holder(positions):
    found = positions("INTERVIEWER: What now?\n\nKallas: Look at what the Kremlin says a full ceasefire would require: "
                      "no more Western weapons for Kyiv.\n")
    assert any(who == "Kremlin" and category == "halt_western_military_aid" and stance == "condition"
               for who, category, stance, _ in found)
    assert not any(who == "Kaja Kallas" and category == "halt_western_military_aid" for who, category, _, _ in found)


@pytest.mark.parametrize("text", [
    # arrows and numbers mark items too, and the items may stand on lines of one paragraph
    "On the full truce, the readout lists what Moscow needs before any deal:\n→ an end to foreign military aid\n"
    "→ no forced mobilisation in Ukraine, no rearming of its army during the pause\n",
    "The Kremlin's readout makes a full ceasefire conditional on two things:\n\n"
    "1. A complete end to foreign military aid.\n2. No Ukrainian mobilisation or rearmament while any pause lasts.\n",
    # a heading that opens the condition itself
    "A full truce, Moscow says, is possible only if:\n\n– all foreign military aid to Kyiv stops;\n\n"
    "– Ukraine halts mobilisation and does not use the pause to rearm.\n",
])
def test_items_under_a_heading_of_conditions_are_the_heading_s_conditions(positions, text):
    found = positions(text)
    holders = {who for who, category, stance, _ in found
               if category in ("halt_western_military_aid", "halt_mobilisation_rearmament") and stance == "condition"}
    assert holders and holders <= {"Russia", "Kremlin"}
    assert len({category for _, category, _, _ in found if category != "accept_ceasefire"}) == 2
    if "only if" in text:  # the pause an item speaks of is not an item of its own
        assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


def test_a_listed_demand_for_the_time_of_a_pause_is_a_condition(positions):
    found = positions("Moscow's asks, per the Kremlin readout:\n\n- No more foreign military aid for Kyiv.\n\n"
                      "- No mobilization or rearmament in Ukraine while the guns are quiet.\n")
    assert ("Russia", "halt_western_military_aid", "demand", "outlet") in found
    assert ("Russia", "halt_mobilisation_rearmament", "condition", "outlet") in found


def test_what_someone_wants_before_they_will_consider_a_truce_is_a_condition(positions):
    found = positions("The Kremlin wants Western weapons to stop flowing before it will even consider a full truce.\n")
    assert ("Kremlin", "halt_western_military_aid", "condition", "outlet") in found


def test_the_subject_who_sets_listed_conditions_holds_them_not_the_source_named_first(positions):
    found = positions("According to the Kremlin, however, Putin set several conditions for a complete ceasefire: "
                      "an end to foreign military aid to Kyiv and a halt to forced mobilization.\n")
    assert {("Vladimir Putin", "halt_western_military_aid", "condition", "outlet"),
            ("Vladimir Putin", "halt_mobilisation_rearmament", "condition", "outlet")} <= found
    assert not any(who == "Kremlin" for who, _, _, _ in found)


@pytest.mark.parametrize("sentence", [
    "Orbán rejected the peacekeeping force.\n",
    "Orbán dismissed the plan for a reassurance force as dangerous.\n",
])
def test_outside_moscow_and_the_force_s_senders_refusing_the_force_rejects_it(positions, sentence):
    assert ("Viktor Orbán", "security_guarantees", "reject", "outlet") in positions(sentence)
    assert ("Vladimir Putin", "no_foreign_peacekeepers", "demand", "outlet") in positions(
        sentence.replace("Orbán", "Putin"))


def test_but_no_after_an_acceptance_rejects_what_it_names(positions):
    found = positions("Putin agrees to pause attacks on Ukraine's energy grid - but no full ceasefire\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "outlet") in found
    assert ("Vladimir Putin", "accept_ceasefire", "accept", "outlet") not in found


@pytest.mark.parametrize("sentence, holder", [
    ("Analysts say the Kremlin wants a Ukraine that never joins NATO.\n", "Kremlin"),
    ("The Kremlin still demands a Ukraine never in NATO.\n", "Kremlin"),
    ("Moscow insists that NATO's eastward expansion must be reversed.\n", "Russia"),
])
def test_nato_membership_in_other_words(positions, sentence, holder):
    assert any(who == holder and category == "no_nato_membership" and stance == "demand"
               for who, category, stance, _ in positions(sentence))


def test_a_ukraine_described_is_a_state_of_affairs_not_a_holder(positions):
    found = positions("Then there is Moscow's insistence on the root causes - its shorthand for a Ukraine that never joins NATO.\n")
    assert ("Russia", "no_nato_membership", "demand", "outlet") in found
    assert not any(who == "Ukraine" for who, _, _, _ in found)


@pytest.mark.parametrize("sentence", [
    "Both sides freed 200 prisoners on Thursday, in the exchange Putin promised Trump on the call.\n",
    "The swap on Thursday had been promised by Putin during the call.\n",
    "Putin offered the swap during his call with Trump, the Kremlin said.\n",
])
def test_an_exchange_promised_or_offered_is_proposed_by_whoever_promised_it(positions, sentence):
    assert any(who == "Vladimir Putin" and category == "prisoner_exchange" and stance == "propose"
               for who, category, stance, _ in positions(sentence))


def test_an_exchange_merely_mentioned_is_no_proposal(positions):
    found = positions("Zelensky thanked everyone who made the exchange possible.\n")
    assert not any(category == "prisoner_exchange" for _, category, _, _ in found)


def test_a_later_subject_that_wants_holds_what_it_wants(positions):
    found = positions("The Russian president keeps returning to the root causes of the war, which, put simply, "
                      "means Moscow wants a Ukraine that never joins NATO.\n")
    assert ("Russia", "no_nato_membership", "demand", "outlet") in found
    assert ("Vladimir Putin", "no_nato_membership", "demand", "outlet") not in found


def test_in_a_quotation_the_clause_that_wants_holds_the_that_clause(positions):
    found = positions('"Put simply, Moscow wants a guarantee that Ukraine never joins the alliance," said Anna Berg, '
                      'a researcher in Oslo.\n')
    assert any(who == "Russia" and category == "no_nato_membership" and stance == "demand" for who, category, stance, _ in found)
    assert not any(who == "Anna Berg" for who, _, _, _ in found)


def test_a_demonym_names_the_owner_of_a_demand_named_in_passing(positions):
    found = positions("Andriy Yermak called the Russian demand to cut off Western weapons a non-starter.\n")
    assert ("Russia", "halt_western_military_aid", "demand", "outlet") in found
    assert any(who == "Andriy Yermak" and category == "halt_western_military_aid" and stance == "reject"
               for who, category, stance, _ in found)


def test_a_demand_named_in_passing_refers_back_to_a_condition_already_set(positions):
    found = positions("Russia will agree to a full ceasefire only if Western military aid to Kyiv stops.\n\n"
                      "Andriy Yermak called the Russian demand to cut off Western weapons a non-starter.\n")
    assert ("Russia", "halt_western_military_aid", "condition", "outlet") in found
    assert ("Russia", "halt_western_military_aid", "demand", "outlet") not in found


@pytest.mark.parametrize("sentence", [
    "The Russian leader also proposed ice hockey matches between Russian and American players, an idea Trump reportedly liked.\n",
    "Putin also floated the idea of hockey matches between Russian and American players, which Trump welcomed.\n",
])
def test_a_relative_clause_of_welcome_names_who_accepted_the_idea(positions, sentence):
    found = positions(sentence)
    assert ("Donald Trump", "other", "accept", "outlet") in found
    assert ("Vladimir Putin", "other", "propose", "outlet") in found


def test_an_idea_put_to_someone_is_proposed_by_who_put_it(positions):
    found = positions("Putin accepted only the energy pause that Trump put to him on Tuesday.\n")
    assert ("Donald Trump", "energy_infrastructure_truce", "propose", "outlet") in found
    assert ("Donald Trump", "energy_infrastructure_truce", "demand", "outlet") not in found


@pytest.mark.parametrize("sentence", [
    "Zelenskyy said he would support a halt to strikes on energy facilities on condition that Russia did the same, "
    "but wanted to see a list of the sites covered.\n",
    'Zelenskyy said Kyiv was ready to support the energy truce but wanted to see "the details on paper".\n',
])
def test_support_held_back_until_the_list_or_the_details_are_seen_is_in_principle(positions, sentence):
    found = positions(sentence)
    assert any(who == "Volodymyr Zelenskyy" and category == "energy_infrastructure_truce" and stance == "accept_in_principle"
               for who, category, stance, _ in found)
    assert not any(category == "energy_infrastructure_truce" and stance == "accept" for _, category, stance, _ in found)


def test_a_speaker_after_a_spaced_hyphen_dateline_is_a_subject(positions):
    found = positions("(AGENCY) - KYIV, March 19 - Ukrainian President Volodymyr Zelensky said Kyiv was ready to support "
                      "the energy truce but wanted to see the details.\n")
    assert {who for who, _, _, _ in found} == {"Volodymyr Zelenskyy"}


@pytest.mark.parametrize("sentence, proposers", [
    ("Keir Starmer and Emmanuel Macron are pushing a coalition of the willing that would put troops in Ukraine, "
     "but only once a ceasefire is in place.\n", {"Keir Starmer", "Emmanuel Macron"}),
    ("An official said Britain and France were prepared to send troops to Ukraine as part of a reassurance force, "
     "but only once a ceasefire was in place.\n", {"United Kingdom", "France"}),
])
def test_a_force_offered_only_once_a_truce_holds_is_proposed_with_the_truce_as_condition(positions, sentence, proposers):
    found = positions(sentence)
    for who in proposers:
        assert (who, "security_guarantees", "propose", "outlet") in found
        assert (who, "accept_ceasefire", "condition", "outlet") in found
        assert (who, "security_guarantees", "condition", "outlet") not in found


def test_in_what_amounted_to_a_rejection_comments_on_the_clause_before_and_leaves_its_acceptance(positions):
    found = positions("President Vladimir Putin agreed on Tuesday to stop targeting Ukrainian energy infrastructure for 30 days, "
                      "in what amounted in effect to a rejection of the broader truce Washington had put forward.\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet") in found
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "outlet") in found
    assert ("Vladimir Putin", "energy_infrastructure_truce", "reject", "outlet") not in found


def test_his_answer_is_his_not_the_proposal_s_author_s(positions):
    found = positions("The Russian president supported the pause on energy strikes.\n\nOn the broader truce, however, his answer "
                      "amounted in effect to a rejection of Washington's proposal for a full 30-day ceasefire.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "outlet") in found
    assert ("United States", "accept_ceasefire", "reject", "outlet") not in found


def test_a_dateline_opening_a_paragraph_names_places_not_holders(positions):
    found = positions("Madrid/Moscow, 18 March (Agency).- Russian President Vladimir Putin agreed this Tuesday, in a call with "
                      "his US counterpart, Donald Trump, to suspend attacks on Ukraine's energy infrastructure for thirty days.\n")
    assert ("Vladimir Putin", "energy_infrastructure_truce", "accept", "outlet") in found
    assert not any(who in ("Spain", "Donald Trump") for who, _, _, _ in found)


@pytest.mark.parametrize("sentence", [
    "Fact check: Did Putin agree to a 30-day ceasefire?\n",
    "MAGAZINE: Does the EU support the energy pause?\n",
])
def test_a_yes_no_question_states_no_position(positions, sentence):
    assert positions(sentence) == set()


@pytest.mark.parametrize("sentence", [
    "Zelenskyy did not reject the energy pause.\n",
    "Kyiv has not ruled out a truce on energy strikes.\n",
])
def test_a_denied_rejection_is_no_rejection(positions, sentence):
    assert not any(stance == "reject" for _, _, stance, _ in positions(sentence))


def test_the_agent_of_a_passive_ends_its_sentence_before_a_titled_name(positions):
    found = positions("London and Paris promote a reassurance force. The idea has been rejected by Moscow. Russian Foreign "
                      "Minister Sergei Lavrov said NATO troops in Ukraine would be unacceptable.\n")
    assert ("Russia", "no_foreign_peacekeepers", "demand", "outlet") in found


@pytest.mark.parametrize("sentence, holder", [
    ("Kallas says sanctions stay until Russia agrees to a full, unconditional ceasefire.\n", "Kaja Kallas"),
    ("Merz said there would be no easing of sanctions until Russia accepts a full ceasefire.\n", "Friedrich Merz"),
    ("Sybiha called on partners not to lift a single sanction until Russia accepts a full ceasefire.\n", "Andrii Sybiha"),
    ("Zelenskyy said sanctions pressure on Russia must not be eased until Moscow agrees to a full truce.\n", "Volodymyr Zelenskyy"),
    ("Japan has no plans to ease its sanctions on Russia.\n", "Japan"),
])
def test_sanctions_kept_in_place_reject_their_easing(positions, sentence, holder):
    found = positions(sentence)
    assert any(who == holder and category == "ease_sanctions" and stance == "reject" for who, category, stance, _ in found)


def test_sanctions_that_remain_a_topic_are_no_position(positions):
    assert not any(category == "ease_sanctions" for _, category, _, _ in
                   positions("US sanctions remain a sticking point in the talks, Peskov said.\n"))


@pytest.mark.parametrize("verdict, holder", [
    ("Moscow says that is unacceptable.", "Russia"),
    ('Lavrov called it "out of the question".', "Sergei Lavrov"),
    ("Lavrov has said there can be no question of it.", "Sergei Lavrov"),
    ("Moscow's answer is still no.", "Russia"),
    ("The Kremlin's response was a flat no.", "Kremlin"),
])
def test_a_verdict_on_it_refuses_the_force_just_proposed(positions, verdict, holder):
    found = positions("Britain and France want to send troops to secure a ceasefire. " + verdict + "\n")
    assert (holder, "no_foreign_peacekeepers", "demand") in {(w, c, s) for w, c, s, _ in found}


def test_a_verdict_on_what_happened_is_no_stance_on_a_proposal(positions):
    found = positions("Russia struck a hospital after agreeing to the energy pause. Zelenskyy said that is unacceptable.\n")
    assert not any(who == "Volodymyr Zelenskyy" for who, _, _, _ in found)


def test_whose_answer_a_speaker_characterises_holds_it(positions):
    found = positions("Trump proposed a full ceasefire.\n\n"
                      "\"President Putin's answer was, in effect, a polite no,\" Starmer said.\n")
    assert ("Vladimir Putin", "accept_ceasefire", "reject", "third_party") in found


@pytest.mark.parametrize("sentence, holder", [
    ("EU's Kallas: no easing of sanctions on Russia before any full and unconditional ceasefire.\n", "Kaja Kallas"),
    ("Kallas ruled out any easing of sanctions before a full ceasefire is signed.\n", "Kaja Kallas"),
    ("Japan has no plans to ease its sanctions on Russia before a ceasefire is achieved.\n", "Japan"),
])
def test_a_ceasefire_that_something_is_withheld_until_is_its_condition(positions, sentence, holder):
    assert (holder, "accept_ceasefire", "condition") in {(w, c, s) for w, c, s, _ in positions(sentence)}


def test_a_ceasefire_after_an_unrelated_negation_stays_a_time_frame(positions):
    found = positions("Governments should treat the energy pause as a test, not a down payment on peace, and keep "
                      "weapons flowing to Ukraine until a full ceasefire is actually in place.\n")
    assert not any(category == "accept_ceasefire" for _, category, _, _ in found)


@pytest.mark.parametrize("sentence, holder, stance", [
    ("The Russian leader did not agree to the immediate 30-day ceasefire proposed by Washington.\n", "Vladimir Putin", "reject"),
    ("In effect, the Kremlin's answer amounted to a rejection of the US proposal of a full 30-day ceasefire, "
     "which was accepted by Ukraine in Jeddah.\n", "Kremlin", "reject"),
    ("Putin agreed to the energy pause proposed by Trump.\n", "Vladimir Putin", "accept"),
])
def test_the_subject_holds_its_stance_on_a_position_a_passive_credits_to_others(positions, sentence, holder, stance):
    found = {(w, s) for w, _, s, _ in positions(sentence)}
    assert (holder, stance) in found


def test_a_stance_on_someone_elses_objection_is_none_on_the_position(positions):
    found = positions("Tsahkna also brushed aside Moscow's objections to a European reassurance force for Ukraine, "
                      "an idea championed by the UK and France.\n")
    assert not any(who == "Margus Tsahkna" for who, _, _, _ in found)


def test_a_person_introduced_by_a_description_opens_the_clause(positions):
    found = positions("Exiled opposition politician Natalya Sinitsyna urged Western governments not to ease sanctions "
                      "\"as long as a single Russian soldier stands on Ukrainian soil.\"\n")
    assert any(who == "Natalya Sinitsyna" and category == "ease_sanctions" and stance == "reject"
               for who, category, stance, _ in found)


def test_sanctions_against_russia_kept_until_it_ends_its_war(positions):
    found = {(w, c, s) for w, c, s, _ in positions(
        "Prime Minister Petteri Orpo spoke on Wednesday.\n\n"
        "Orpo also said that sanctions against Russia cannot be lifted until Russia ends its war of aggression.\n")}
    assert {("Petteri Orpo", "ease_sanctions", "reject"), ("Petteri Orpo", "end_the_war", "condition")} <= found


def test_an_arms_cutoff_is_a_halt_to_military_aid(positions):
    found = {(w, c, s) for w, c, s, _ in positions("Moscow's insistence on an arms cutoff has already been dismissed by Kyiv.\n")}
    assert {("Russia", "halt_western_military_aid", "demand"), ("Ukraine", "halt_western_military_aid", "reject")} <= found


@pytest.mark.parametrize("sentence", [
    "Only hours after the call, Russian drones attacked Ukrainian energy sites and a hospital, Zelenskyy said.\n",
    "President Alexander Stubb calls the agreement on a pause in strikes against energy infrastructure \"a small step\".\n",
])
def test_a_time_after_only_or_a_name_given_with_calls_is_no_position(positions, sentence):
    assert positions(sentence) == set()


def test_foreign_troops_out_of_the_question_is_the_ban_held(positions):
    found = positions("Kremlin spokesman Dmitry Peskov said troops from NATO countries in Ukraine, under any label, "
                      "were \"out of the question.\"\n")
    assert ("Dmitry Peskov", "no_foreign_peacekeepers", "demand", "reported") in found


def test_a_quotation_mark_may_close_inside_said_no_to(positions):
    found = positions("Zelenskyy said the Russian side had \"in effect said no\" to the full cease-fire.\n")
    assert ("Russia", "accept_ceasefire", "reject", "third_party") in found


def test_who_an_appositive_says_told_of_a_stance_is_its_source(positions):
    found = positions("Putin also suggested ice hockey matches between Russian and American players, an idea which, "
                      "according to the Kremlin, Trump supported.\n")
    assert ("Donald Trump", "other", "accept", "third_party") in found
    assert not any(who == "Kremlin" for who, _, _, _ in found)
    assert any(who == "Vladimir Putin" and stance == "propose" for who, _, stance, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    ("In practice, the response of the Russian side amounts to a refusal of the immediate truce that Washington wanted.\n",
     ("Russia", "accept_ceasefire", "reject")),
    ("Sen. Ray Hollister said he would be open to easing some sanctions on Russia, provided Moscow signs on to the full "
     "ceasefire.\n", ("Ray Hollister", "ease_sanctions", "accept_in_principle")),
    ("Kallas urged member states to keep military aid flowing.\n", ("Kaja Kallas", "halt_western_military_aid", "reject")),
    ("Kallas said that sanctions relief is \"out of the question\" before Russia accepts an unconditional ceasefire.\n",
     ("Kaja Kallas", "accept_ceasefire", "condition")),
])
def test_refusals_and_reserved_support_in_other_words(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    # an absolute clause ("with X calling ...") has its own subject, who holds the verdict it gives
    ("Moscow has ruled out any European troops on Ukrainian soil, with Foreign Ministry spokeswoman Maria Zakharova "
     "calling the idea \"unacceptable\".\n", ("Maria Zakharova", "no_foreign_peacekeepers", "demand")),
    # a day before a title is no part of it: the minister is the subject of the second clause
    ("Moscow has long rejected Western troops in Ukraine, and on Wednesday Foreign Minister Sergei Lavrov called any "
     "such deployment \"absolutely unacceptable\".\n", ("Sergei Lavrov", "no_foreign_peacekeepers", "demand")),
    # a verdict word is a rejection of what it is passed on
    ("Rome said the Russian demand that Ukraine stop mobilising was inadmissible.\n",
     ("Italy", "halt_mobilisation_rearmament", "reject")),
    # whatever a later clause passes its verdict on restates the position named before it
    ("Moscow has repeatedly ruled out any European troop presence in Ukraine, and foreign ministry spokeswoman "
     "Maria Zakharova has called Western soldiers there \"unacceptable\" under any flag.\n",
     ("Maria Zakharova", "no_foreign_peacekeepers", "demand")),
    ("The stationing of European troops in Ukraine has been rejected by Moscow; Foreign Ministry spokeswoman "
     "Maria Zakharova described it as \"absolutely unacceptable\".\n", ("Maria Zakharova", "no_foreign_peacekeepers", "demand")),
])
def test_a_second_speaker_in_the_same_sentence_holds_their_own_verdict(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    ("In Moscow, meanwhile, the idea of European peacekeepers was once again rejected.\n",
     {("Russia", "no_foreign_peacekeepers", "demand", "outlet")}),
    ("In Kyiv, however, sanctions relief for Russia has been firmly ruled out.\n",
     {("Ukraine", "ease_sanctions", "reject", "outlet")}),
    # a month is no government, and what was not rejected was not rejected
    ("In March, the call for a full ceasefire was rejected.\n", set()),
    ("In Moscow, the call for a full ceasefire was not rejected.\n", set()),
])
def test_a_capital_fronted_before_an_agentless_passive_is_its_agent(positions, sentence, expected):
    assert positions(sentence) == expected


def test_a_verdict_on_someones_words_is_none_on_the_position_before_it(positions):
    assert positions("Kyiv accepted the ceasefire, and Lavrov called the Kallas statement unacceptable.\n") == {
        ("Ukraine", "accept_ceasefire", "accept", "outlet")}


@pytest.mark.parametrize("sentence, expected", [
    ("Foreign Minister Andrii Sybiha said Kyiv would \"never\" agree to a cap on the size of its army.\n",
     ("Andrii Sybiha", "halt_mobilisation_rearmament", "reject")),
    ("Zelensky said the call to stop Western arms supplies was something Ukraine would “never accept”.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject")),
])
def test_quotation_marks_around_a_word_of_a_stance_leave_the_stance(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


def test_what_a_peace_can_only_rest_on_is_a_condition_and_the_peace_is_not(positions):
    found = {(w, c, s) for w, c, s, _ in positions(
        "Chancellor Friedrich Merz said a lasting settlement could only be built on the basis of Ukraine's sovereignty "
        "and territorial integrity.\n")}
    assert ("Friedrich Merz", "sovereignty_not_negotiable", "condition") in found
    assert ("Friedrich Merz", "broader_settlement", "condition") not in found


@pytest.mark.parametrize("sentence, expected", [
    # what someone "put on the table" or "tabled" they propose; it is no demand of theirs
    ("The energy pause that Moscow had put on the table was welcomed in Washington.\n", ("Russia", "energy_infrastructure_truce", "propose")),
    # a second relative clause joined by "and that" has its own subject and verb
    ("The full truce that Washington tabled, and that Kyiv accepted in Jeddah, was not part of the deal.\n",
     ("Ukraine", "accept_ceasefire", "accept")),
    # "terms X has rejected" in apposition: X rejects the positions just named
    ("Moscow wants Kyiv to give up the occupied territory — terms Kyiv has rejected.\n",
     ("Ukraine", "cede_or_recognise_territory", "reject")),
    # refusing a force of troops in a relative clause is holding "no foreign troops", as in a main clause
    ("Paris has offered to send troops to Ukraine as part of a reassurance force, an idea Moscow has rejected.\n",
     ("Russia", "no_foreign_peacekeepers", "demand")),
])
def test_relative_clauses_that_propose_accept_or_reject(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


def test_terms_rejected_do_not_include_what_waits_for_them(positions):
    found = {(w, c, s) for w, c, s, _ in positions(
        "Moscow wants an end to Western military aid before it will consider a truce - terms Kyiv says it will "
        "never accept.\n")}
    assert ("Ukraine", "halt_western_military_aid", "reject") in found
    assert ("Ukraine", "accept_ceasefire", "reject") not in found


def test_wanting_sanctions_to_stay_rejects_easing_them(positions):
    found = {(w, c, s) for w, c, s, _ in positions("Warsaw expects sanctions to remain in force.\n")}
    assert ("Poland", "ease_sanctions", "reject") in found


@pytest.mark.parametrize("sentence, expected", [
    # a verdict that the troops will not come is Moscow holding the ban (the gold's convention)
    ("Lavrov said a Western force in Ukraine was unthinkable.\n", ("Sergei Lavrov", "no_foreign_peacekeepers", "demand")),
    ("Peskov said European peacekeepers were off the table.\n", ("Dmitry Peskov", "no_foreign_peacekeepers", "demand")),
    ("Zakharova said the deployment of Western troops in Ukraine was not going to happen.\n",
     ("Maria Zakharova", "no_foreign_peacekeepers", "demand")),
    # rejecting the ban itself is rejecting it
    ("Macron rejected the ban on foreign peacekeepers.\n", ("Emmanuel Macron", "no_foreign_peacekeepers", "reject")),
    # tighter sanctions and more arms are the opposite of eased sanctions and a halt to aid
    ("Kallas said sanctions should be tightened until Russia withdraws its troops from Ukraine.\n",
     ("Kaja Kallas", "ease_sanctions", "reject")),
    ("Kallas said the EU would step up military aid to Ukraine.\n", ("Kaja Kallas", "halt_western_military_aid", "reject")),
    # Russia leaving Ukraine, in its common wordings
    ("Kallas said sanctions should be tightened until Russia withdraws its troops from Ukraine.\n",
     ("Kaja Kallas", "return_seized_territory", "condition")),
    ("The EU insisted that Russia must withdraw all its forces from the territory of Ukraine.\n",
     ("European Union", "return_seized_territory", "demand")),
    ("Zelenskyy demanded that Russia pull its troops out of Ukraine.\n",
     ("Volodymyr Zelenskyy", "return_seized_territory", "demand")),
    ("Sybiha said Ukraine wanted the return of all occupied territories.\n",
     ("Andrii Sybiha", "return_seized_territory", "demand")),
    # what is withheld until it happens, after "oppose" as after "no", is a condition
    ("Macron said he would oppose any easing of sanctions before Russian troops leave Ukrainian soil.\n",
     ("Emmanuel Macron", "return_seized_territory", "condition")),
    ("Starmer said the sovereignty of Ukraine must be respected.\n", ("Keir Starmer", "sovereignty_not_negotiable", "demand")),
    ("Scholz said Ukraine's sovereignty and independence must be respected in any deal.\n",
     ("Olaf Scholz", "sovereignty_not_negotiable", "demand")),
    ("Zelenskyy called for the release of all prisoners.\n", ("Volodymyr Zelenskyy", "prisoner_exchange", "demand")),
    ("Sybiha said Kyiv would not give up any of its territory.\n",
     ("Andrii Sybiha", "cede_or_recognise_territory", "reject")),
    # being ready to stop doing something accepts a pause in it
    ("Moscow said it was ready to stop attacks on power plants.\n", ("Russia", "energy_infrastructure_truce", "accept")),
    ("Ukraine said it would hold off on strikes against Russian refineries.\n",
     ("Ukraine", "energy_infrastructure_truce", "accept")),
    # Moscow's phrase for keeping the land it holds
    ("Lavrov said any deal would have to recognise the new territorial realities.\n",
     ("Sergei Lavrov", "cede_or_recognise_territory", "demand")),
    # "X as a condition for Y": X is the condition, Y what it is set on
    ("Russia has demanded an end to Western arms supplies as a condition for any truce.\n",
     ("Russia", "halt_western_military_aid", "condition")),
    ("Russia set a halt to mobilisation as a precondition for a ceasefire.\n",
     ("Russia", "halt_mobilisation_rearmament", "condition")),
    # "would need", like "would require", sets a condition on what needs it
    ("Starmer said any deal would need a US backstop.\n", ("Keir Starmer", "security_guarantees", "condition")),
    # from a bank of plain wire, broadcast and state-media passages written for the rules (no test article)
    # what is held back as long as something lasts is held back until it changes
    ("Sybiha urged partners not to lift a single sanction as long as Russia refuses a ceasefire.\n",
     ("Andrii Sybiha", "accept_ceasefire", "condition")),
    ("Moscow wants Ukraine to stop mobilising for as long as any pause lasts.\n",
     ("Russia", "halt_mobilisation_rearmament", "condition")),
    # refusing Moscow a veto over NATO membership is the speaker's, and NATO's door has other names
    ("Finnish President Alexander Stubb said Russia would have no veto over Ukraine's NATO membership.\n",
     ("Alexander Stubb", "no_nato_membership", "reject")),
    ("Stubb said Russia could not be given a veto over Ukraine's choice of alliances.\n",
     ("Alexander Stubb", "no_nato_membership", "reject")),
    ("Zelenskyy said Kyiv would not give up its path to NATO.\n", ("Volodymyr Zelenskyy", "no_nato_membership", "reject")),
    ("Sybiha said Ukraine would never drop its bid to join NATO.\n", ("Andrii Sybiha", "no_nato_membership", "reject")),
    # recognising land as Russian
    ("Zelenskyy said Ukraine would never recognise the new regions as part of Russia.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "reject")),
    ("Zelenskyy said Ukraine would never recognise any occupied Ukrainian land as Russian.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "reject")),
    # going on arming Ukraine refuses to halt it
    ("Von der Leyen said the EU would keep sending arms to Ukraine.\n",
     ("Ursula von der Leyen", "halt_western_military_aid", "reject")),
    ("Kallas said the bloc would continue to pump weapons into Kyiv.\n", ("Kaja Kallas", "halt_western_military_aid", "reject")),
    ("Starmer reiterated Britain's steadfast military support for Ukraine.\n",
     ("Keir Starmer", "halt_western_military_aid", "reject")),
    # a leader's spokesperson speaks for the office: the state the sentence names holds the plan
    ("A spokesperson for Prime Minister Keir Starmer said Britain would keep working on plans for a reassurance force.\n",
     ("United Kingdom", "security_guarantees", "propose")),
    # "agreed to X and demanded Y", "agree to X as the Kremlin demands Y": each verb its own clause
    ("Putin agreed to halt strikes on energy facilities and demanded an end to Western military aid.\n",
     ("Vladimir Putin", "halt_western_military_aid", "demand")),
    ("Trump, Putin agree to energy truce as Kremlin demands end to Western aid for Kyiv\n",
     ("Kremlin", "halt_western_military_aid", "demand")),
    ("The EU welcomes the US proposal for a 30-day ceasefire.\n", ("European Union", "accept_ceasefire", "accept")),
    ("Sybiha called the idea of cutting Ukraine off from Western weapons a fantasy.\n",
     ("Andrii Sybiha", "halt_western_military_aid", "reject")),
    # an all-for-all exchange, in quotation marks or after its noun
    ("Lubinets said the swap was an important step and called for an \"all-for-all\" exchange.\n",
     ("Dmytro Lubinets", "prisoner_exchange", "demand")),
    ("Zelenskyy called for prisoner swaps on an all-for-all basis.\n", ("Volodymyr Zelenskyy", "prisoner_exchange", "demand")),
    # the ball in Russia's court, in the past tense of reported speech
    ("Rubio said the ball was now in Russia's court on the ceasefire.\n", ("Marco Rubio", "accept_ceasefire", "demand")),
    # a force offered "only once a ceasefire is in place": the force proposed, the truce its condition,
    # held by the member who speaks for the group
    ("British Prime Minister Keir Starmer said the coalition of the willing would deploy a reassurance force "
     "only once a ceasefire was in place.\n", ("Keir Starmer", "security_guarantees", "propose")),
    ("British Prime Minister Keir Starmer said the coalition of the willing would deploy a reassurance force "
     "only once a ceasefire was in place.\n", ("Keir Starmer", "accept_ceasefire", "condition")),
    ("Kristersson said Sweden was prepared to contribute to a peacekeeping force, but only once a ceasefire was in place.\n",
     ("Ulf Kristersson", "accept_ceasefire", "condition")),
    # where the burden lies, an official's goal, pressing someone on a point: each asks for it
    ("Starmer said Putin must now agree to a full and unconditional ceasefire.\n", ("Keir Starmer", "accept_ceasefire", "demand")),
    ("Starmer said it was now up to Russia to agree to a full ceasefire.\n", ("Keir Starmer", "accept_ceasefire", "demand")),
    ("Waltz said it was on Moscow to get to the full ceasefire.\n", ("Mike Waltz", "accept_ceasefire", "demand")),
    ("Rubio said the goal remained a full ceasefire.\n", ("Marco Rubio", "accept_ceasefire", "demand")),
    ("The White House said Trump pressed Putin hard on the full thirty-day ceasefire.\n",
     ("Donald Trump", "accept_ceasefire", "demand")),
    ("State Department spokeswoman Tammy Bruce said the United States expected both Russia and Ukraine to honor the pause "
     "on strikes against energy infrastructure.\n", ("United States", "energy_infrastructure_truce", "demand")),
    # support held back until the details are known, however briefly put
    ("Zelenskyy said Kyiv would support the energy pause but wants the details.\n",
     ("Volodymyr Zelenskyy", "energy_infrastructure_truce", "accept_in_principle")),
    ("Sybiha said Kyiv was ready to implement an energy ceasefire but wanted the list of facilities agreed in advance.\n",
     ("Andrii Sybiha", "energy_infrastructure_truce", "accept_in_principle")),
    # a capital after a passive refusal is who refused, as after a cold reception
    ("The Russian demand for a halt to weapons supplies was swiftly rejected in Kyiv.\n",
     ("Ukraine", "halt_western_military_aid", "reject")),
    ("Officials said Vladimir Putin committed to stop hitting energy infrastructure.\n",
     ("Vladimir Putin", "energy_infrastructure_truce", "accept")),
    # an objection named as someone's is theirs: objecting to foreign troops holds the ban on them
    ("Starmer brushed aside Moscow's objections to foreign troops in Ukraine.\n", ("Russia", "no_foreign_peacekeepers", "demand")),
    ("Moscow's objections to foreign troops were brushed aside by Starmer.\n", ("Russia", "no_foreign_peacekeepers", "demand")),
    # "agreeing instead to", and a mutual refusal to strike, accept the energy pause
    ("Putin stopped short of endorsing a full ceasefire on Tuesday, agreeing instead to halt strikes on energy "
     "infrastructure, the Kremlin said.\n", ("Vladimir Putin", "energy_infrastructure_truce", "accept")),
    ("Putin supported the idea of a mutual refusal by Russia and Ukraine to strike energy infrastructure for 30 days.\n",
     ("Vladimir Putin", "energy_infrastructure_truce", "accept")),
    # every member of a joined subject holds the position, titles and a list opening the sentence included
    ("British Prime Minister Keir Starmer and French President Emmanuel Macron have been championing a European "
     "reassurance force.\n", ("Emmanuel Macron", "security_guarantees", "propose")),
    ("Germany, France and Britain called on Russia to accept the ceasefire.\n", ("Germany", "accept_ceasefire", "demand")),
    # "to accept it", "to do the same" ask another for what the sentence's earlier clause named
    ("Norway welcomed the US proposal for a 30-day ceasefire and called on Russia to accept it without delay.\n",
     ("Norway", "accept_ceasefire", "demand")),
    ("Ukraine backed the 30-day truce and urged Moscow to do the same.\n", ("Ukraine", "accept_ceasefire", "demand")),
    # a stance verb on a pronoun is the stance ("rejected it"), and a verdict "for" someone is theirs
    ("Moscow wants an end to Western military aid. Kyiv rejected it.\n", ("Ukraine", "halt_western_military_aid", "reject")),
    ("Trump proposed a 30-day halt to strikes on energy infrastructure. Putin agreed to it.\n",
     ("Vladimir Putin", "energy_infrastructure_truce", "accept")),
    ("Moscow's demand for an end to Western military aid is a nonstarter for Kyiv.\n",
     ("Ukraine", "halt_western_military_aid", "reject")),
    ("The Russian demand for a halt to mobilisation is out of the question for Ukraine.\n",
     ("Ukraine", "halt_mobilisation_rearmament", "reject")),
    # an attribution interrupting the sentence ("That demand, he said, is unacceptable") gives its holder
    ("Moscow wants an end to Western military aid before any full ceasefire. That demand, Zelenskyy said, is unacceptable.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject")),
    ("Zelenskyy spoke on Wednesday. Moscow wants an end to Western military aid. That demand, he said, was unacceptable.\n",
     ("Volodymyr Zelenskyy", "halt_western_military_aid", "reject")),
    # this week's "American plan" is the 30-day ceasefire, and the demonym its author
    ("Ukraine accepted the American proposal in Jeddah on March 11.\n", ("Ukraine", "accept_ceasefire", "accept")),
    ("Ukraine accepted the American proposal in Jeddah on March 11.\n", ("United States", "accept_ceasefire", "propose")),
    ("Putin's answer amounted to a rejection of the American plan.\n", ("Vladimir Putin", "accept_ceasefire", "reject")),
    # refusing to stop what the position would halt rejects it, the halting verb between
    ("Kyiv would not end mobilisation during a truce.\n", ("Ukraine", "halt_mobilisation_rearmament", "reject")),
    ("Washington would not stop sharing intelligence with Kyiv.\n", ("United States", "halt_western_military_aid", "reject")),
    ("Russia will not stop strikes on energy infrastructure.\n", ("Russia", "energy_infrastructure_truce", "reject")),
    # an aside after the position names who wants it
    ("Ukraine will not stop mobilising, as Moscow demands, Zelenskyy said.\n", ("Russia", "halt_mobilisation_rearmament", "demand")),
    ("Kyiv refused to hold an election, as the Russians have long insisted.\n", ("Russia", "hold_ukrainian_election", "demand")),
    ("Washington would stop sharing intelligence with Kyiv, as the Kremlin has demanded.\n",
     ("Kremlin", "halt_western_military_aid", "demand")),
    # a yes or a no to a question about a position is the answerer's stance on it
    ("Asked whether Ukraine would halt mobilisation during a truce, Foreign Minister Andrii Sybiha said: "
     "\"No. Ukraine will not disarm itself.\"\n", ("Andrii Sybiha", "halt_mobilisation_rearmament", "reject")),
    ("Asked whether the EU supported the pause on energy strikes, Kaja Kallas said: \"In principle, yes, if Russia "
     "sticks to it.\"\n", ("Kaja Kallas", "energy_infrastructure_truce", "accept_in_principle")),
    ("Asked whether the EU supported the pause on energy strikes, Kaja Kallas said: \"In principle, yes, if Russia "
     "sticks to it.\"\n", ("Kaja Kallas", "energy_infrastructure_truce", "condition")),
    ("Asked whether Canada would stop arming Kyiv, Carney was categorical. \"No. Canada will stand with Ukraine.\"\n",
     ("Mark Carney", "halt_western_military_aid", "reject")),
    ("QUESTION: Will Ukraine accept a freeze on mobilisation during a ceasefire?\nZELENSKYY: No. We will not weaken our army.\n",
     ("Volodymyr Zelenskyy", "halt_mobilisation_rearmament", "reject")),
    # joined subjects of a relative clause each hold it; a passive names who set a list's items
    ("The outcome fell short of the full truce that Kyiv and Washington had sought.\n", ("Ukraine", "accept_ceasefire", "demand")),
    ("The outcome fell short of the full truce that Kyiv and Washington had sought.\n", ("United States", "accept_ceasefire", "demand")),
    ("Further conditions for a full ceasefire were set out by Putin: an end to Western arms deliveries and a freeze "
     "on mobilisation.\n", ("Vladimir Putin", "halt_mobilisation_rearmament", "condition")),
    ("Moscow is still holding out for an end to Western arms deliveries.\n", ("Russia", "halt_western_military_aid", "demand")),
])
def test_common_wordings_of_positions(positions, sentence, expected):
    assert expected in {(w, c, s) for w, c, s, _ in positions(sentence)}


@pytest.mark.parametrize("sentence, unexpected", [
    # what needs a condition is not itself a condition
    ("Peskov said a ceasefire would require several steps first.\n",
     ("Dmitry Peskov", "accept_ceasefire", "condition")),
    # Russian troops leaving Ukraine is no Ukrainian concession of land
    ("Zelenskyy demanded that Russia pull its troops out of Ukraine.\n",
     ("Volodymyr Zelenskyy", "cede_or_recognise_territory", "demand")),
    ("Macron rejected the ban on foreign peacekeepers.\n", ("Emmanuel Macron", "no_foreign_peacekeepers", "demand")),
    # from the same bank
    # a pause the other side would exploit, or the time while one lasts, is not a pause asked for
    ("Peskov said Kyiv must not use any pause to rearm.\n", ("Dmitry Peskov", "accept_ceasefire", "demand")),
    ("Moscow wants Ukraine to stop mobilising while any truce holds.\n", ("Russia", "accept_ceasefire", "demand")),
    ("Moscow wants Ukraine to stop mobilising for as long as any pause lasts.\n", ("Russia", "accept_ceasefire", "condition")),
    ("Finnish President Alexander Stubb said Russia would have no veto over Ukraine's NATO membership.\n",
     ("Russia", "no_nato_membership", "reject")),
    # "support" inside "military support" accepts no halt to it; "the continued pumping" is Moscow's complaint
    ("The EU will continue to provide Ukraine with humanitarian and military support.\n",
     ("European Union", "halt_western_military_aid", "accept")),
    ("\"The continued pumping of weapons into Ukraine is the main obstacle to any settlement,\" Peskov said.\n",
     ("Dmitry Peskov", "halt_western_military_aid", "reject")),
    # a title before a name the codebook knows makes no new person
    ("A spokesman for President Emmanuel Macron said France would keep working on plans for a reassurance force.\n",
     ("President Emmanuel Macron", "security_guarantees", "propose")),
    ("Putin agreed to halt strikes on energy facilities and demanded an end to Western military aid.\n",
     ("Vladimir Putin", "halt_western_military_aid", "accept")),
    # welcoming what has been agreed or done is a verdict on it, not a position
    ("Macron welcomed the agreement on energy infrastructure as a first step.\n",
     ("Emmanuel Macron", "energy_infrastructure_truce", "accept")),
    ("The EU welcomes the exchange of prisoners of war.\n", ("European Union", "prisoner_exchange", "propose")),
    ("British Prime Minister Keir Starmer said the coalition of the willing would deploy a reassurance force "
     "only once a ceasefire was in place.\n", ("coalition of the willing", "security_guarantees", "propose")),
    # the truce set as an offer's condition is not "the idea" a later sentence rejects
    ("Britain said it would send troops only once a ceasefire was in place. The idea has been rejected by Moscow.\n",
     ("Russia", "accept_ceasefire", "reject")),
    # an accepting verb after "must" or "it is for X to" is asked of X, not done by the speaker
    ("Starmer said Putin must now agree to a full and unconditional ceasefire.\n", ("Keir Starmer", "accept_ceasefire", "accept")),
    ("Starmer said it was now for President Putin to show he was serious about peace by agreeing to a full ceasefire.\n",
     ("Keir Starmer", "accept_ceasefire", "accept")),
    ("Starmer brushed aside Moscow's objections to foreign troops in Ukraine.\n", ("Russia", "no_foreign_peacekeepers", "reject")),
    ("Putin stopped short of endorsing a full ceasefire on Tuesday, agreeing instead to halt strikes on energy "
     "infrastructure, the Kremlin said.\n", ("Vladimir Putin", "energy_infrastructure_truce", "reject")),
    # what did not happen, and what no one plans, is no position
    ("Had Vladimir Putin accepted the full truce, the guns could have fallen silent by Wednesday.\n",
     ("Vladimir Putin", "accept_ceasefire", "accept")),
    ("Polish Defence Minister Wladyslaw Kosiniak-Kamysz said there were no plans to send Polish troops to Ukraine.\n",
     ("Władysław Kosiniak-Kamysz", "security_guarantees", "propose")),
    ("Tusk said Poland did not plan to send troops to Ukraine.\n", ("Donald Tusk", "security_guarantees", "propose")),
    # "did the same" points within its sentence: here it has nothing to point to
    ("Moscow wants an end to Western military aid. Kyiv agreed to the U.S. plan in Jeddah, provided Russia did the same.\n",
     ("Ukraine", "halt_western_military_aid", "condition")),
    # a place opening the sentence is not one of its subjects
    ("In Kyiv, Zelenskyy and Macron demanded a full ceasefire.\n", ("Ukraine", "accept_ceasefire", "demand")),
    # "backed this step": a demonstrative before a noun is no pronoun, and the step is not the war's end
    ("Ending strikes on energy could be a first step toward ending the war completely. I backed this step, Zelenskyy wrote.\n",
     ("Volodymyr Zelenskyy", "end_the_war", "accept")),
    ("Trump proposed a 30-day truce. The idea, Peskov said, was being studied.\n", ("Dmitry Peskov", "accept_ceasefire", "accept")),
    # the plan's author is not the one who turns it down
    ("But the Russian leader did not sign on to the 30-day cease-fire sought by Washington, in what amounted to a rejection "
     "of the U.S. plan.\n", ("United States", "accept_ceasefire", "reject")),
    ("Moscow's answer to the American plan was, in effect, a rejection.\n", ("Russia", "energy_infrastructure_truce", "reject")),
    # a halting verb not negated is the halt accepted, not refused
    ("Ukraine will stop mobilising during the truce.\n", ("Ukraine", "halt_mobilisation_rearmament", "reject")),
    ("Washington did not say it would stop sharing intelligence.\n", ("United States", "halt_western_military_aid", "reject")),
    # an aside agreeing with a refusal wants the refusal, not the halt refused
    ("Britain will keep arming Ukraine, as Starmer insisted.\n", ("Keir Starmer", "halt_western_military_aid", "demand")),
    ("Ukraine must pull out of Kursk first, as far as Moscow is concerned.\n", ("Russia", "surrender_kursk_forces", "propose")),
    # a no to whether someone asked for a thing denies the request; to terms, refuses the terms; to
    # whether a thing is happening, tells what happens
    ("Asked whether Moscow had asked Washington to stop sharing intelligence, Peskov said no.\n",
     ("Dmitry Peskov", "halt_western_military_aid", "reject")),
    ("Asked if Britain would send troops without a US backstop, Starmer said: \"No.\"\n", ("Keir Starmer", "security_guarantees", "reject")),
    ("QUESTION: Is the prisoner exchange going ahead today?\nPESKOV: Yes. It is.\n", ("Dmitry Peskov", "prisoner_exchange", "accept")),
])
def test_common_wordings_are_not_misread(positions, sentence, unexpected):
    assert unexpected not in {(w, c, s) for w, c, s, _ in positions(sentence)}
