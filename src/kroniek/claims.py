"""Claims: figures about people or things in a conflict, with who says so and how sure.

Every quantity whose counted noun (``what``) names a population in the language data
(``lang/<code>/claims.toml``: doden, vluchtelingen, strijders, huizen, ...) becomes a
:class:`Claim` with the sentence's places and nearest time, its source ("volgens de VN" ->
``de VN``; "officials said" -> ``officials``; None when the outlet states it itself), whether it is
hedged (a qualifier other than exact, or a hedge word such as "naar schatting"), and the ids of
the other claims in the document about the same population (``related``).

No word of any language appears in this module: a new language needs only its ``claims.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cues import (
    TOKEN_PATTERN,
    CueIndex,
    Hits,
    SentenceView,
    Token,
    nearest,
    phrase_list,
    sentence_views,
)
from .document import Claim, Document, Place, QuantityMention, Span
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "claims.rules.v1"
HEDGED_QUALIFIERS = frozenset({"about", "at_least", "more_than", "less_than", "at_most", "range", "vague"})


@dataclass(slots=True)
class ClaimLexicon:
    """Everything ``claims.toml`` says, compiled for matching."""

    population: CueIndex  # keys: "population.<group>" ("population.dead", "population.refugees", ...)
    cues: CueIndex  # keys: "hedge", "source.before" ("volgens X"), "source.verb" ("X meldt", ", zei X")
    source_stop: frozenset[str]  # words that end a source phrase
    not_subject_start: frozenset[str]  # a phrase before a verb starting with these is not its subject
    inverting: frozenset[str]  # right before a verb, these put its subject after it ("Dat meldt X")
    trailing: frozenset[str]  # words a source phrase cannot end with ("van", "the"): trimmed
    max_words: int


def _words(data: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in phrase_list(data, name))


def load_claim_lexicon(data: dict[str, Any]) -> ClaimLexicon:
    """Compile the ``claims`` section of one language's data."""
    try:
        compounds = bool(data.get("matching", {}).get("compounds", False))
        groups = data.get("population", {})
        source = data.get("source", {})
        population = CueIndex()
        for group in groups:
            words = phrase_list(groups, group)
            if any(len(w.split()) > 1 for w in words):
                raise ConfigError(
                    f"population {group!r}: one word per entry (the head of `what`)", source="claims.toml"
                )
            population.add(f"population.{group}", words, compounds)
        cues = CueIndex()
        cues.add("hedge", phrase_list(data.get("hedges", {}), "cues"))
        cues.add("source.before", phrase_list(source, "before"))
        cues.add("source.verb", phrase_list(source, "verbs"))
        return ClaimLexicon(
            population=population,
            cues=cues,
            source_stop=_words(source, "stop"),
            not_subject_start=_words(source, "not_subject_start"),
            inverting=_words(source, "inverting"),
            trailing=_words(source, "trailing"),
            max_words=int(source.get("max_words", 6)),
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"bad claims data: {type(exc).__name__}: {exc}", source="claims.toml") from exc


# --------------------------------------------------------------------------- sources


def _ends_phrase(lexicon: ClaimLexicon, token: Token) -> bool:
    return not token.is_word or token.lower in lexicon.source_stop or token.lower[:1].isdigit()


def _phrase_after(lexicon: ClaimLexicon, tokens: list[Token], index: int) -> list[Token]:
    """The source phrase that starts at token ``index`` ("de VN", "Amerikaanse schattingen")."""
    phrase: list[Token] = []
    while index < len(tokens) and len(phrase) < lexicon.max_words and not _ends_phrase(lexicon, tokens[index]):
        phrase.append(tokens[index])
        index += 1
    return _trim(lexicon, phrase)


def _phrase_before(lexicon: ClaimLexicon, tokens: list[Token], index: int) -> list[Token] | None:
    """The subject right before the verb at ``index``; None when none ends at a clear boundary."""
    start = index
    while start > 0 and not _ends_phrase(lexicon, tokens[start - 1]):
        start -= 1
        if index - start > lexicon.max_words:
            return None
    phrase = tokens[start:index]
    return phrase


def _trim(lexicon: ClaimLexicon, phrase: list[Token]) -> list[Token]:
    while phrase and phrase[-1].lower in lexicon.trailing:
        phrase = phrase[:-1]
    return phrase


def _text(view: SentenceView, phrase: list[Token]) -> str | None:
    return view.doc_text[phrase[0].start : phrase[-1].end] if phrase else None


def _overlaps_mention(view: SentenceView, phrase: list[Token]) -> bool:
    """Is the phrase (partly) a time or place, as in "Gisteren meldde ..." or "In Kaboel zei ..."?"""
    start, end = phrase[0].start, phrase[-1].end
    return any(m.start < end and start < m.end for m in [*view.times, *view.places])


def _source_from_verb(lexicon: ClaimLexicon, view: SentenceView, start: int, end: int) -> str | None:
    """The subject of a saying verb: before it ("de VN meldt") or, after punctuation, an inverting
    word or a fronted time/place ("..., zei de politie", "Dat meldt de VN", "In Kaboel zei X"), after it."""
    tokens = view.tokens
    after = _text(view, _phrase_after(lexicon, tokens, end))
    if start == 0 or not tokens[start - 1].is_word or tokens[start - 1].lower in lexicon.inverting:
        return after
    before = _phrase_before(lexicon, tokens, start)
    if not before:
        return None
    if before[0].lower in lexicon.not_subject_start or _overlaps_mention(view, before):
        return after
    return _text(view, before)


def _inside_quantity(view: SentenceView, token: Token) -> bool:
    return any(q.start <= token.start < q.end for q in view.quantities)


def source_of(lexicon: ClaimLexicon, view: SentenceView, hits: Hits) -> str | None:
    """Who the sentence attributes its figures to, as written; None when nobody is named."""
    tokens = view.tokens
    for match in sorted(hits.get("source.before"), key=lambda m: (m.start, -m.end)):
        text = _text(view, _phrase_after(lexicon, tokens, match.end))
        if text:
            return text
    for match in sorted(hits.get("source.verb"), key=lambda m: (m.start, -m.end)):
        if _inside_quantity(view, tokens[match.start]):
            continue
        text = _source_from_verb(lexicon, view, match.start, match.end)
        if text:
            return text
    return None


# --------------------------------------------------------------------------- claims


def population_of(lexicon: ClaimLexicon, what: str | None) -> str | None:
    """The population group of a counted noun (by its last word), or None when it is not one."""
    if not what:
        return None
    words = [w for w in TOKEN_PATTERN.findall(what) if w[0].isalnum()]
    found = lexicon.population.word_matches(words[-1].casefold()) if words else ()
    return found[0][0].removeprefix("population.") if found else None


def _places(view: SentenceView) -> list[Place]:
    places: list[Place] = []
    for mention in view.places:
        if mention.place not in places:
            places.append(mention.place)
    return places


def _hedged(lexicon: ClaimLexicon, mention: QuantityMention, hedge_cue: bool) -> bool:
    return mention.quantity.qualifier in HEDGED_QUALIFIERS or hedge_cue


def claims_of_sentence(lexicon: ClaimLexicon, view: SentenceView) -> list[tuple[Claim, str]]:
    """(claim without id, population group) for each population figure of one sentence."""
    mentions = [(q, population_of(lexicon, q.what)) for q in view.quantities]
    mentions = [(q, group) for q, group in mentions if group is not None]
    if not mentions:
        return []
    hits = lexicon.cues.scan(view.tokens)
    source = source_of(lexicon, view, hits)
    hedge_cue = "hedge" in hits
    out = []
    for mention, group in mentions:
        time = nearest(view.times, mention.start)
        claim = Claim(
            id="",
            what=mention.what or "",
            quantity=mention.quantity,
            sentence=view.index,
            span=Span(mention.start, mention.end, view.doc_text[mention.start : mention.end]),
            places=_places(view),
            time=time.time if time else None,
            source=source,
            hedged=_hedged(lexicon, mention, hedge_cue),
            stage=STAGE_NAME,
        )
        out.append((claim, group))
    return out


def link_related(claims: list[tuple[Claim, str]]) -> None:
    """Give each claim the ids of the other claims about the same population group."""
    by_group: dict[str, list[str]] = {}
    for claim, group in claims:
        by_group.setdefault(group, []).append(claim.id)
    for claim, group in claims:
        claim.related = [other for other in by_group[group] if other != claim.id]


class ClaimsStage:
    """Turns population figures into sourced, hedged claims with the claims lexicon of the language."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._lexicons: dict[str, ClaimLexicon] = {}

    def lexicon(self, code: str) -> ClaimLexicon:
        if code not in self._lexicons:
            self._lexicons[code] = load_claim_lexicon(self.resources.lang_data(code).section("claims"))
        return self._lexicons[code]

    def __call__(self, doc: Document) -> None:
        if not doc.quantities:
            doc.claims = []
            return
        lexicon = self.lexicon(doc.lang)
        found: list[tuple[Claim, str]] = []
        for view in sentence_views(doc):
            found.extend(claims_of_sentence(lexicon, view))
        for number, (claim, _) in enumerate(found, start=1):
            claim.id = f"c{number}"
        link_related(found)
        doc.claims = [claim for claim, _ in found]


@register_stage(STAGE_NAME, "population figures as claims with source, hedging, places, time and related claims")
def make_stage(resources: Resources) -> ClaimsStage:
    return ClaimsStage(resources)
