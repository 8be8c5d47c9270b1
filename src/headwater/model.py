"""Record types passed between stages.

One frozen dataclass per arrow of the data flow (see ARCHITECTURE.md). Stages take
and return these; nothing else crosses a stage boundary. Offsets are code-point
offsets, end exclusive: ``start``/``end`` into an article's cleaned text,
``raw_start``/``raw_end`` into its raw text (the input text as read).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache
from typing import Any, Literal

AttributionKind = Literal["direct", "indirect", "mixed", "according_to", "unattributed"]
Stance = Literal["assert", "deny", "no_comment"]
SpeakerType = Literal["person", "anonymous", "organization", "media", "group", "unknown"]
ReuseKind = Literal["exact", "near_duplicate", "partial", "cites"]
ClaimType = Literal["assertion", "estimate", "prediction", "demand", "opinion", "question", "refusal", "fragment"]
# Types that make a claim card; of those, only assertions and estimates are graded.
CLAIM_TYPES: tuple[str, ...] = ("assertion", "estimate", "prediction", "demand", "opinion")
GRADED_TYPES: tuple[str, ...] = ("assertion", "estimate")


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A raw line the cleaner dropped, and why (``pattern:<name>``, ``crossdoc``, ``provenance``, ``markup``)."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a reader yields: the text as read plus the metadata the input carried."""

    doc: str
    path: str
    raw_text: str
    source_format: str  # txt | html | jsonl | warc | feed
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title_in_text: bool = True  # .txt: the first non-empty line is the title


@dataclass(frozen=True, slots=True)
class Document:
    """One article: raw text as read plus cleaned text and metadata."""

    id: str
    doc: str  # the input file's name (``name.jsonl#3`` for the 3rd record of a JSONL file)
    path: str
    raw_text: str
    text: str
    title: str | None = None
    outlet: str | None = None
    credited_source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    language: str | None = None
    # cleaned -> raw offset map: (clean_start, raw_start, length) runs, sorted by clean_start
    offsets: tuple[tuple[int, int, int], ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    source_format: str = "txt"

    def to_raw(self, i: int) -> int:
        from headwater.offsets import OffsetMap

        return OffsetMap(self.offsets).to_raw(i)

    def with_(self, **changes: Any) -> Document:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    raw_start: int | None = None
    raw_end: int | None = None
    resolved: str | None = None
    type: SpeakerType = "unknown"
    side: str = "unknown"
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Proposition:
    """What an attributed content states, read from the parse: who (``agent``) does what
    (``predicate``) to whom (``patient``), with polarity and modality, and its type.

    Role keys are normalised heads: a name's last word without accents ("putin", "zelenski"), a
    common noun's lemma with the side of a nation word modifying it ("militant@UA"), ``PRON`` for a
    pronoun, "" when the role is absent. ``predicate`` is the main verb's lemma ("misinform",
    "lay down"), or "be <complement>" for a copula ("be tired")."""

    type: ClaimType = "assertion"
    predicate: str = ""
    agent: str = ""
    patient: str = ""
    negated: bool = False
    modality: str = ""  # "" | future | obligation | possibility

    @property
    def is_claim(self) -> bool:
        return self.type in CLAIM_TYPES


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what in one article."""

    article_id: str
    doc: str
    kind: AttributionKind
    stance: Stance
    content: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    via: str | None = None
    proposition: Proposition | None = None

    @property
    def id(self) -> str:
        """A stable id: a hash of the article id, the kind and the content span (the same article text
        extracted again gives the same ids)."""
        import hashlib

        key = f"{self.article_id}:{self.kind}:{self.content.start}:{self.content.end}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """``plain(self)``, written out: the report converts every attribution of the corpus."""
        return {
            "article_id": self.article_id,
            "doc": self.doc,
            "kind": self.kind,
            "stance": self.stance,
            "content": _flat(self.content),
            "cue": _flat(self.cue),
            "speaker": _flat(self.speaker),
            "via": self.via,
            "proposition": _flat(self.proposition),
        }


def _flat(obj: Span | Speaker | Proposition | None) -> dict[str, Any] | None:
    """A span or speaker (scalar fields only) as ``plain`` gives it."""
    return None if obj is None else {name: getattr(obj, name) for name in _field_names(type(obj))}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeric estimate found in an article ("between 7,000 and 15,000 soldiers have died")."""

    article_id: str
    doc: str
    quantity: str  # what is counted, normalised ("Russian soldiers killed")
    unit: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None  # "more than", "between", "so far", ...
    span: Span
    speaker: str | None = None
    side: str = "unknown"
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """An outlet or channel named as the source of text in an article."""

    article_id: str
    doc: str
    outlet: str  # normalised through the outlet gazetteer
    surface: str  # as written
    kind: str  # according_to | writes | told | per_report | source_line | based_on | citing | interview | channel
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass(frozen=True, slots=True)
class ReuseEdge:
    """``source`` is the earlier (or cited) side."""

    source_article: str
    target_article: str
    kind: ReuseKind
    similarity: float
    containment: float
    passages: tuple[Passage, ...] = ()
    direction: str = "undetermined"  # how the direction was decided: published | citation | source_line | undetermined


@dataclass(frozen=True, slots=True)
class Grade:
    reliability: str  # A-F
    credibility: str  # 1-6
    reasons: tuple[str, ...] = ()
    likelihood: str | None = None  # ICD 203 term, kept apart from the grade


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent chain behind a claim: its original speaker, and the outlets that carried it.

    ``first_outlet`` is set only when the order is known from evidence (publication dates, a
    citation or credit, the direction of a reuse edge); otherwise ``order`` is "unknown" and the
    outlets are listed in ``relayed_by`` without an order. ``named`` says whether someone in the
    chain speaks on the record (``on_record`` names them)."""

    speaker: str
    type: str
    side: str
    first_outlet: str | None
    relayed_by: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    named: bool = False
    on_record: tuple[str, ...] = ()
    order: str = "known"  # known | unknown


@dataclass(frozen=True, slots=True)
class Claim:
    """One proposition stated in one or more articles. ``type`` is its members' proposition type;
    ``contradicts`` lists the claims stating the same with the opposite polarity."""

    id: str
    text: str
    members: tuple[Attribution, ...]
    origins: tuple[Origin, ...] = ()
    denials: tuple[Attribution, ...] = ()
    grade: Grade | None = None
    unattributed: bool = False
    type: str = "assertion"
    contradicts: tuple[str, ...] = ()

    @property
    def independent_origins(self) -> int:
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class IgnoredFile:
    """A file a directory walk passed over on purpose (not an article type, or hidden): named, not an error."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article as `headwater articles` and the run summary list it."""

    id: str
    doc: str
    outlet: str | None
    credited_source: str | None
    title: str | None
    published: str | None
    language: str | None
    words: int
    removed_lines: int


@dataclass(frozen=True, slots=True)
class ReprintGroup:
    """Articles that are copies or derivatives (rewrites, translations) of one story, and its origin."""

    id: str
    origin: str | None  # article id of the first publication; None: undetermined
    origin_doc: str | None
    members: tuple[str, ...]  # article ids, earliest first
    docs: tuple[str, ...]  # the members' file names, in the same order


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One speaker across the corpus, as the dossier's speaker table shows it."""

    speaker: str
    type: str
    side: str
    role: str | None
    statements: int
    denials: int
    articles: tuple[str, ...]  # file names
    claims: tuple[str, ...]  # claim ids


@dataclass(frozen=True, slots=True)
class IngestError:
    path: str
    reason: str


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    skipped: int = 0  # already stored
    unchanged: int = 0  # input files read before and unchanged since: not read again
    errors: list[IngestError] = field(default_factory=list)
    surrogates_replaced: int = 0  # lone surrogates in text, metadata or names, replaced by U+FFFD
    ignored: list[IgnoredFile] = field(default_factory=list)  # files a directory walk passed over


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _record_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass (instances of ``cls`` are records), else None."""
    return _field_names(cls) if is_dataclass(cls) and not issubclass(cls, type) else None


def plain(obj: Any) -> Any:
    """A record as plain JSON-able data (like ``dataclasses.asdict``, without its deep copies)."""
    cls = type(obj)
    if cls in _SCALARS:
        return obj
    names = _record_fields(cls)
    if names is not None:
        return {name: plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of an article that decided its stance toward a claim (``headwater check``)."""

    text: str
    start: int
    end: int
    speaker: str | None = None  # who says it, when an attribution covers the sentence
    cue: str | None = None
    kind: str | None = None  # the attribution's kind (direct, indirect, according_to, unattributed, ...)
    signal: str = "claim"  # claim | refute | hedge | denial | reported


@dataclass(frozen=True, slots=True)
class ArticleStance:
    """One article's stance toward a claim: asserts | reports | denies | unrelated."""

    article_id: str
    doc: str
    stance: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    group: str | None = None  # reprint group
