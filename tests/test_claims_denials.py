"""Which statements deny what: follow-ups, figures, named referents, pointers, and no spraying."""

from __future__ import annotations

from claims_helpers import att
from headwater.claims.build import ClaimOptions, build_claims
from headwater.claims.origins import ArticleInfo

OPTS = ClaimOptions(threshold=0.45)


def _infos(*ids: str) -> dict[str, ArticleInfo]:
    return {i: ArticleInfo(i, f"{i}.txt", f"Outlet {i}", None, None) for i in ids}


def _claim_with(claims, text):  # type: ignore[no-untyped-def]
    return next(c for c in claims if any(text in m.content.text for m in c.members))


REPORT = (
    "BRENNICK (Wire) - An Alderan official said Varnian President Dragan Velkov had signed a secret order to "
    "call up 80,000 more reservists by the end of April. Ostreli Defence Minister Lena Sarvik said: "
    "\u201cEvery village we return to Ostrel tells the same story of a retreating army.\u201d "
    "Varnia rejected the account. Varnian presidential spokesman Pavel Irtenev called the report of a new "
    "call-up a \u201ccomplete fabrication\u201d and said no mobilisation order had been signed."
)


def _report_atts() -> list:  # type: ignore[type-arg]
    t = REPORT
    return [
        att(
            "x1",
            "Varnian President Dragan Velkov had signed a secret order to call up 80,000 more reservists by "
            "the end of April",
            "An Alderan official",
            side="unknown",
            text=t,
        ),
        att(
            "x1",
            "Every village we return to Ostrel tells the same story of a retreating army",
            "Lena Sarvik",
            type_="person",
            side="unknown",
            role="Ostreli Defence Minister",
            text=t,
            kind="direct",
        ),
        att("x1", "the account", "Varnia", type_="person", side="unknown", stance="deny", text=t),
        att(
            "x1",
            "the report of a new call-up a \u201ccomplete fabrication\u201d",
            "Pavel Irtenev",
            type_="person",
            side="unknown",
            role="Varnian presidential spokesman",
            stance="deny",
            text=t,
            kind="mixed",
        ),
        att(
            "x1",
            "no mobilisation order had been signed",
            "Pavel Irtenev",
            type_="person",
            side="unknown",
            role="Varnian presidential spokesman",
            text=t,
        ),
    ]


def test_pointer_follow_up_and_nearby_wording_deny_the_call_up_not_the_nearer_quote() -> None:
    claims = build_claims(_report_atts(), _infos("x1"), OPTS)
    order = _claim_with(claims, "secret order")
    assert sorted(d.content.text for d in order.denials) == [
        "no mobilisation order had been signed",
        "the account",
        "the report of a new call-up a \u201ccomplete fabrication\u201d",
    ]
    village = _claim_with(claims, "Every village")
    assert village.denials == ()
    # the follow-up negation is a denial, not a claim of its own
    assert not any("no mobilisation order" in m.content.text for c in claims for m in c.members)
    # one denying party (Varnia's government), the subject of the claim
    assert order.grade.credibility == "4"
    assert any("the subject of the claim" in r and "3 denial statements" in r for r in order.grade.reasons)


def test_a_figure_called_false_denies_the_claims_stating_it_not_the_deniers_own_figure() -> None:
    atts = [
        att(
            "x2",
            "9,400 Varnian soldiers had been killed since the start of the operation",
            "Lena Sarvik",
            type_="person",
            side="OS",
        ),
        att(
            "x3",
            "The number 9,400 is absolutely false. Our losses since February are fewer than 1,200 killed.",
            "Lev Tarnov",
            type_="person",
            side="VA",
            kind="direct",
        ),
        att(
            "x4",
            "the Defence Ministry's figure of fewer than 1,200 dead since February was a number for television",
            "Yuri Oreshkin",
            type_="person",
            side="unknown",
        ),
    ]
    claims = build_claims(atts, _infos("x2", "x3", "x4"), OPTS)
    assert [d.speaker.text for d in _claim_with(claims, "9,400 Varnian").denials] == ["Lev Tarnov"]
    # citing the ministry's figure to call it "a number for television" contests it: no claim of its own
    assert not any("number for television" in m.content.text for c in claims for m in c.members)


def test_citing_another_partys_figure_contests_it() -> None:
    atts = [
        att(
            "x1",
            "Varnian losses since February were fewer than 1,200 killed",
            "The Varnian Defence Ministry",
            type_="organization",
            side="VA",
        ),
        att(
            "x4",
            "the Defence Ministry's figure of fewer than 1,200 dead since February was a number for television",
            "Yuri Oreshkin",
            type_="person",
            side="unknown",
        ),
    ]
    claims = build_claims(atts, _infos("x1", "x4"), OPTS)
    ministry = _claim_with(claims, "fewer than 1,200 killed")
    assert [d.speaker.text for d in ministry.denials] == ["Yuri Oreshkin"]
    assert ministry.independent_origins == 1


def test_named_referent_reaches_only_that_sides_figures() -> None:
    atts = [
        att(
            "x2",
            "9,400 Varnian soldiers had been killed since the start of the operation",
            "Lena Sarvik",
            type_="person",
            side="OS",
        ),
        att(
            "x2",
            "the Ostreli army will reach the Lessa before the harvest",
            "Lena Sarvik",
            type_="person",
            side="OS",
            start=300,
        ),
        att("x5", "Varnia has lost between 4,000 and 6,500 soldiers killed", "an Alderan official", side="AL"),
        att(
            "x6",
            "Varnian losses were fewer than 1,200 killed and described the Ostreli figures as "
            "\u201cabsolutely false\u201d",
            "The Varnian Defence Ministry",
            type_="organization",
            side="VA",
            stance="deny",
            kind="mixed",
        ),
    ]
    claims = build_claims(atts, _infos("x2", "x5", "x6"), OPTS)
    assert len(_claim_with(claims, "9,400 Varnian").denials) == 1
    assert _claim_with(claims, "before the harvest").denials == ()
    assert _claim_with(claims, "between 4,000").denials == ()


def test_denials_do_not_spray() -> None:
    t = (
        "US officials said Russia runs its campaign from Moscow without a central war commander. "
        + "Troops have been plagued by logistical problems and low morale across the front. " * 8
        + "Officials said Putin had been misinformed by his advisers about the military. "
        "The Kremlin has called the intelligence a \u201ccomplete misunderstanding\u201d. "
        "All official individuals dismissed the idea that Putin would resort to nuclear weapons."
    )
    atts = [
        att(
            "x7",
            "Russia runs its campaign from Moscow without a central war commander",
            "US officials",
            side="US",
            text=t,
        ),
        att("x7", "Putin had been misinformed by his advisers about the military", "Officials", side="US", text=t),
        att(
            "x7",
            "the intelligence a \u201ccomplete misunderstanding\u201d",
            "The Kremlin",
            type_="organization",
            side="RU",
            stance="deny",
            kind="mixed",
            text=t,
        ),
        att(
            "x7",
            "the idea that Putin would resort to nuclear weapons",
            "All official individuals",
            type_="group",
            side="unknown",
            stance="deny",
            text=t,
        ),
    ]
    claims = build_claims(atts, _infos("x7"), OPTS)
    misinformed = _claim_with(claims, "misinformed")
    assert [d.speaker.text for d in misinformed.denials] == ["The Kremlin"]
    assert _claim_with(claims, "war commander").denials == ()  # beyond the sweep window


VALE = (
    "Vale on the stump in Orlan\n\n"
    "Senator Miro Vale spoke to supporters in Orlan on Tuesday. According to Vale, he was once part of the "
    'so-called establishment, but is now "the worst thing that ever happened to the establishment." '
    "The senator is expected to visit Marlow next week."
)
ROTH = (
    "Roth courts voters in Marlow\n\n"
    "Governor Tomas Roth campaigned in Marlow on Monday. Mr. Roth rejected the idea that he was part of the "
    'so-called establishment. "I grew up on a farm near Marlow," he said. He will return to the capital on Friday.'
)
ROTH_AND_RIVAL = (
    "Roth and the establishment\n\n"
    "Governor Tomas Roth campaigned in Marlow on Monday. A rival campaign said he was part of the so-called "
    "establishment. Mr. Roth rejected the idea that he was part of the so-called establishment. "
    "He will return to the capital on Friday."
)


def _denied_by_doc(articles: dict[str, str], tmp_path) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """doc -> who denies its "part of the so-called establishment" claim, through the whole pipeline."""
    from claims_helpers import run_dossier

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    dossier = run_dossier(folder, tmp_path)
    return {
        m["doc"]: [d["speaker"] for d in c["denials"]]
        for c in dossier["claims"]
        if "part of the so-called establishment" in c["text"]
        for m in c["members"]
    }


def test_a_pronoun_in_another_article_is_another_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Roth's "he" (himself) and Vale's "he" (himself) are two people: Roth denies nothing Vale said
    assert _denied_by_doc({"vale.txt": VALE, "roth.txt": ROTH}, tmp_path)["vale.txt"] == []


def test_a_pronoun_denial_answers_the_claim_of_its_own_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    denied = _denied_by_doc({"vale.txt": VALE, "roth.txt": ROTH_AND_RIVAL}, tmp_path)
    assert denied["roth.txt"] == ["Tomas Roth"]
    assert denied["vale.txt"] == []
