"""Claim clustering, origins, denials and grades on hand-made attribution records."""

from __future__ import annotations

from claims_helpers import att
from headwater.claims.build import ClaimOptions, build_claims
from headwater.claims.match import similarity
from headwater.claims.origins import ArticleInfo
from headwater.claims.signatures import signature

OPTS = ClaimOptions(threshold=0.45)


def _infos(*specs: tuple[str, str | None, str | None]) -> dict[str, ArticleInfo]:
    return {i: ArticleInfo(i, f"{i}.txt", outlet, group, None, group) for i, outlet, group in specs}


def _claim_with(claims, article_id):  # type: ignore[no-untyped-def]
    return next(c for c in claims if any(m.article_id == article_id for m in c.members))


def test_rewordings_match() -> None:
    a = signature("Putin is being misinformed by his advisers about how badly the military is performing")
    b = signature("Russian leader Vladimir Putin is not being informed about the real score of the invasion")
    c = signature("Putin had been misinformed by his advisers about the military's problems")
    other = signature("Putin warned that shelling of the city will only end when the troops surrender")
    w: dict[str, float] = {}
    assert similarity(a, c, w) > 0.55
    assert similarity(a, b, w) >= 0.45
    assert similarity(a, other, w) < 0.3


def test_cluster_across_articles_and_unattributed_kept_apart() -> None:
    atts = [
        att("x1", "Velkov is being misinformed by his advisers about the war", "a US official"),
        att(
            "x2",
            "Velkov is not being informed about the real score of the war",
            "the White House",
            type_="organization",
        ),
        att("x3", "Velkov had been misinformed by his advisers about the army's problems", "officials"),
        att("x3", "Velkov is said to be misinformed by his advisers", None, kind="unattributed", start=400),
        att(
            "x1", "the harvest in the south was the best in ten years", "a farmer", type_="person", side="VA", start=900
        ),
    ]
    claims = build_claims(atts, _infos(("x1", "Wire", None), ("x2", "Times", None), ("x3", "Daily", None)), OPTS)
    top = claims[0]
    assert {m.article_id for m in top.members} == {"x1", "x2", "x3"}
    assert all(m.kind != "unattributed" for m in top.members)
    hedged = [c for c in claims if c.unattributed]
    assert len(hedged) == 1 and hedged[0].grade.reliability == "F" and hedged[0].grade.credibility == "6"
    assert "misinformed" in top.text or "informed" in top.text


def test_unnamed_officials_of_one_side_are_one_origin_relayed_by_several_outlets() -> None:
    atts = [
        att("x1", "Velkov is being misinformed by his advisers about the war", "a US official", side="US"),
        att(
            "x2",
            "Velkov is not being informed about the real score of the war",
            "the White House",
            type_="organization",
            side="US",
        ),
        att(
            "x3",
            "Velkov had been misinformed by his advisers about the war",
            "officials in the administration",
            type_="group",
            side="US",
        ),
    ]
    claims = build_claims(atts, _infos(("x1", "Wire", None), ("x2", "Times", None), ("x3", "Daily", None)), OPTS)
    top = claims[0]
    assert top.independent_origins == 1
    origin = top.origins[0]
    assert origin.side == "US" and origin.type in ("anonymous", "organization", "group")
    # no dates, citations or reuse direction: which outlet had it first is unknown, not invented
    assert origin.first_outlet is None and origin.order == "unknown" and len(origin.relayed_by) == 3
    assert top.grade.reliability == "C"  # the White House speaks on the record, by name
    assert top.grade.credibility == "3"
    assert any("order unknown" in r for r in top.grade.reasons)


def test_relay_order_from_publication_dates() -> None:
    atts = [
        att("x1", "Velkov is being misinformed by his advisers about the war", "a US official", side="US"),
        att(
            "x2",
            "Velkov had been misinformed by his advisers about the war",
            "officials in the administration",
            type_="group",
            side="US",
        ),
    ]
    infos = {
        "x1": ArticleInfo("x1", "x1.txt", "Wire", None, "2026-03-02"),
        "x2": ArticleInfo("x2", "x2.txt", "Daily", None, "2026-03-01"),
    }
    [origin] = build_claims(atts, infos, OPTS)[0].origins
    assert origin.first_outlet == "Daily" and origin.order == "known" and origin.relayed_by == ("Wire",)


def test_same_outlet_cited_collapses_and_reprints_collapse() -> None:
    text = "the defence minister has lost the confidence of the army's generals"
    atts = [
        att("x1", text, "one source", side="unknown", via="the Washington Post"),
        att("x2", text, "people familiar with the matter", type_="group", side="unknown", via="Washington Post"),
        att("x3", text, "Anna Feld", type_="person", side="VA"),
        att("x4", text, "Anna Feld", type_="person", side="VA"),
        att("x5", text, "Lev Tarnov", type_="person", side="OS"),
    ]
    infos = _infos(("x1", "A", None), ("x2", "B", None), ("x3", "C", "g1"), ("x4", "D", "g1"), ("x5", "E", None))
    claims = build_claims(atts, infos, OPTS)
    top = claims[0]
    assert len(top.members) == 5
    assert top.independent_origins == 3
    wapo = next(o for o in top.origins if o.first_outlet == "The Washington Post")
    assert set(wapo.relayed_by) == {"A", "B"}
    assert top.grade.reliability == "B"
    assert top.grade.credibility == "1"


def test_denial_linked_by_wording_and_by_position() -> None:
    t1 = (
        "A US official said Velkov is being misinformed by his advisers about the war. "
        "The presidential office called the intelligence a complete misunderstanding."
    )
    c1 = "Velkov is being misinformed by his advisers about the war"
    atts = [
        att("x1", c1, "A US official", side="US", text=t1),
        att(
            "x1",
            "the intelligence a complete misunderstanding",
            "The presidential office",
            type_="organization",
            side="VA",
            stance="deny",
            text=t1,
        ),
        att(
            "x2",
            "someone close to Velkov directly expressed opposition to him over the war",
            "US intelligence",
            type_="organization",
            side="US",
            start=0,
        ),
        att(
            "x3",
            "reports that someone close to Velkov has expressed direct opposition to him are absolutely false",
            "Pavel Irtenev",
            type_="person",
            side="VA",
            stance="deny",
            start=50,
        ),
    ]
    claims = build_claims(atts, _infos(("x1", "Wire", None), ("x2", "Post", None), ("x3", "Courier", None)), OPTS)
    mis = _claim_with(claims, "x1")
    assert [d.speaker.text for d in mis.denials] == ["The presidential office"]
    opp = _claim_with(claims, "x2")
    assert [d.speaker.text for d in opp.denials] == ["Pavel Irtenev"]
    assert opp.grade.credibility == "4"
    assert any("the subject of the claim" in r for r in opp.grade.reasons)


def test_likelihood_is_kept_apart_from_the_grade() -> None:
    atts = [att("x1", "the offensive will very likely stall before the spring thaw", "Anna Feld", type_="person")]
    claim = build_claims(atts, _infos(("x1", "Wire", None)), OPTS)[0]
    assert claim.grade.likelihood == "very likely"
    assert claim.grade.reliability == "C" and claim.grade.credibility == "3"


def test_claim_ids_are_stable() -> None:
    atts = [att("x1", "the bridge at Karvel was destroyed on Friday night", "Anna Feld", type_="person")]
    infos = _infos(("x1", "Wire", None))
    assert build_claims(atts, infos, OPTS)[0].id == build_claims(list(atts), infos, OPTS)[0].id


def test_issue_rewordings_are_one_claim_and_other_putin_statements_are_not() -> None:
    """The three wordings issue 5 names are one claim; statements sharing only Putin and a broad
    word (or "inner circle") stay apart."""
    atts = [
        att(
            "x1",
            "Putin is being misinformed by his advisers about how badly the Russian military is performing",
            "a US official",
            side="US",
        ),
        att(
            "x2",
            "Russian leader Vladimir Putin is not being informed about the real score of Russia's invasion of Ukraine",
            "the White House",
            type_="organization",
            side="US",
        ),
        att(
            "x3",
            "Putin had been misinformed by his advisers about the Russian military's problems in Ukraine",
            "officials in the administration",
            type_="group",
            side="US",
        ),
        att(
            "x4",
            "Putin and his inner circle to join the talks before it is too late",
            "Diplomats",
            type_="group",
            side="unknown",
        ),
        att(
            "x5",
            "there was growing tension between Putin and Defence Minister Sergei Shoigu, who was once one of "
            "the most trusted officials in the Russian leader's inner circle",
            "officials",
            side="US",
        ),
        att("x6", "Russians and collaborators are fleeing towards Russia", "Serhii Gaidai", type_="person", side="UA"),
        att(
            "x7",
            "Russia's defense minister is under fire at home and his troops are pulling back",
            "The Washington Post",
            type_="media",
            side="US",
        ),
    ]
    infos = _infos(*((f"x{i}", f"Outlet {i}", None) for i in range(1, 8)))
    claims = build_claims(atts, infos, OPTS)
    misinformed = _claim_with(claims, "x1")
    assert {m.article_id for m in misinformed.members} == {"x1", "x2", "x3"}
    assert misinformed.independent_origins == 1
    for i in range(4, 8):
        assert [m.article_id for m in _claim_with(claims, f"x{i}").members] == [f"x{i}"]


def test_competing_estimates_are_separate_claims_with_their_own_origins() -> None:
    """Figures that disagree, or the same predicate said of another side's soldiers, are not one
    claim: the Alderan figure and its reprint make one claim with one origin."""
    aldera = "Varnia has lost between 4,000 and 6,500 soldiers killed since Ostrel launched its offensive on February 3"
    atts = [
        att("x1", aldera, "an Alderan official", side="AL"),
        att("x2", aldera, "an Alderan official", side="AL"),
        att("x3", "Varnia has lost 9,400 soldiers killed since February 3", "Lena Sarvik", type_="person", side="OS"),
        att(
            "x4",
            "at least 3,500 Varnian soldiers have been killed in the Karvel and Mirsk sectors since February 3",
            "Yuri Oreshkin",
            type_="person",
            side="unknown",
        ),
        att(
            "x5",
            "Ostrel has lost more than 7,800 soldiers killed since February 3",
            "Lev Tarnov",
            type_="person",
            side="VA",
        ),
        att("x6", "Ostreli losses had been significant since February 3", "Lena Sarvik", type_="person", side="OS"),
    ]
    infos = _infos(
        ("x1", "Wire", "g1"),
        ("x2", "Daily", "g1"),
        ("x3", "Times", None),
        ("x4", "News", None),
        ("x5", "Courier", None),
        ("x6", "Today", None),
    )
    claims = build_claims(atts, infos, OPTS)
    top = _claim_with(claims, "x1")
    assert {m.article_id for m in top.members} == {"x1", "x2"}
    assert top.independent_origins == 1 and top.origins[0].side == "AL"
    assert len(claims) == 5


def test_similarity_gates() -> None:
    w: dict[str, float] = {}
    four = signature("Varnia has lost between 4,000 and 6,500 soldiers killed since February 3")
    nine = signature("Varnia has lost 9,400 soldiers killed since February 3")
    ostrel = signature("Ostrel has lost 9,400 soldiers killed since February 3")
    assert "#3" not in four and {"#4000", "#6500"} <= four  # a date is not a figure
    assert similarity(four, nine, w) == 0.0  # different figures
    assert similarity(nine, ostrel, w) == 0.0  # the same figure of another side's losses
    assert similarity(signature("Ostreli losses had been significant"), nine, w) == 0.0  # estimate vs none
    assert "#80000" in signature("the call of 80 thousand more reservists")
    fragment = signature("the general staff rather than President Dragan Velkov")
    full = signature("Velkov is considering replacing the chief of the general staff, General Teodor Haskel")
    assert similarity(fragment, full, w) < 0.45  # a fragment is not matched by its two words


def test_a_statement_pointing_back_at_what_was_said_is_not_a_claim() -> None:
    """ "That's why ..." / "This is what ..." refers to something said before it: alone on a card it states
    nothing. The same words without the pointer are a claim."""
    atts = [
        att("x1", "That's why the harbour council voted to close the ferry pier at Orlek", "Mayor Ilse Roth"),
        att("x2", "This is what the harbour council wants: to close the ferry pier", "Mayor Ilse Roth", start=200),
        att("x3", "It was because the ferry pier at Orlek had become unsafe for the crews", "Mayor Ilse Roth"),
        att("x4", "The harbour council voted to close the ferry pier at Orlek last week", "Mayor Ilse Roth"),
    ]
    claims = build_claims(
        atts, _infos(("x1", "Wire", None), ("x2", "Times", None), ("x3", "Daily", None), ("x4", "Post", None)), OPTS
    )
    texts = [c.text for c in claims]
    assert texts == ["The harbour council voted to close the ferry pier at Orlek last week"]


def test_an_outlet_relaying_a_statement_is_not_a_second_claim() -> None:
    """ "[Mayor Roth says the pier will reopen in May, which the board doubts], according to the Brennick
    Ledger": the Ledger relays Roth's statement, a claim of its own; the outer content is not a second one.
    A person's content holding another report stays a claim (a poll's "52 percent of voters said ...")."""
    from dataclasses import replace

    from headwater.model import Proposition, Span

    text = (
        "Mayor Ilse Roth says the harbour pier at Orlek will reopen to ferries in May after repairs, "
        "according to the Brennick Ledger."
    )
    outer_content = text[: text.index(", according")]
    inner = att(
        "x1",
        "the harbour pier at Orlek will reopen to ferries in May after repairs",
        "Mayor Ilse Roth",
        type_="person",
        text=text,
    )
    reopen = Proposition(type="prediction", predicate="reopen", agent="", patient="pier")
    inner = replace(inner, cue=Span("says", text.index("says"), text.index("says") + 4), proposition=reopen)
    outer = att("x1", outer_content, "the Brennick Ledger", type_="media", kind="according_to", text=text)
    outer = replace(
        outer,
        cue=Span("according to", text.index("according"), text.index("according") + 12),
        proposition=reopen,  # the outer content states what the inner report states
    )
    claims = build_claims([outer, inner], _infos(("x1", "Ledger", None)), OPTS)
    assert [[m.speaker.text for m in c.members] for c in claims] == [["Mayor Ilse Roth"]]
    # the content states something else than the report it holds ("Roth berated the board and said ..."): a claim
    acted = replace(outer, proposition=Proposition(type="assertion", predicate="berate", agent="roth"))
    claims = build_claims([acted, inner], _infos(("x1", "Ledger", None)), OPTS)
    assert sorted(m.speaker.text for c in claims for m in c.members) == ["Mayor Ilse Roth", "the Brennick Ledger"]
    by_person = replace(outer, speaker=replace(outer.speaker, type="person", text="Aldo Brenn", resolved="Aldo Brenn"))
    claims = build_claims([by_person, inner], _infos(("x1", "Ledger", None)), OPTS)
    assert sorted(m.speaker.text for c in claims for m in c.members) == ["Aldo Brenn", "Mayor Ilse Roth"]
