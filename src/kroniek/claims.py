"""Claims: figures about people or things in a conflict, with who says so and how sure.

Every quantity whose counted noun (``what``) names a population in the language data
(``lang/<code>/claims.toml``: doden, vluchtelingen, strijders, huizen, ...) becomes a
:class:`Claim` with the sentence's places and nearest time, its source ("volgens de VN" ->
``de VN``; "officials said" -> ``officials``; None when the outlet states it itself), whether it is
hedged (a qualifier other than exact, or a hedge word such as "naar schatting"), and the ids of
the other claims in the document about the same population (``related``). A figure without a counted
noun takes the word that says who was counted ("190 were dead" -> ``dead``, "killing four" ->
``killing``), or the population of the claim just before it ("bijna 73.000"). Figures in a sentence
about an earthquake, a fire or an accident are not claims.

No word of any language appears in this module: a new language needs only its ``claims.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    token_index_at,
)
from .document import Claim, Document, Place, QuantityMention, Span
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "claims.rules.v1"
HEDGED_QUALIFIERS = frozenset({"about", "at_least", "more_than", "less_than", "at_most", "range", "vague"})


@dataclass(frozen=True, slots=True)
class BareFigures:
    """How to find `what` for a figure without a counted noun ("190 were dead", "killing four")."""

    skip_after: frozenset[str] = frozenset()  # words between the figure and its word ("were", "raakten")
    skip_before: frozenset[str] = frozenset()  # words between a word and the figure ("the number at")
    coordinators: frozenset[str] = frozenset()  # "raketten en mortiergranaten": the head is the last noun
    named_heads: bool = False  # a capitalised head names people ("Israëliërs", "Mexicans", "the Armed Forces")
    max_skip: int = 3


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
    adverbs: frozenset[str] = frozenset()  # words between a source and its verb ("Mijares further claimed")
    bare: BareFigures = field(default_factory=BareFigures)


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
        cues.add("not_conflict", phrase_list(data.get("not_conflict", {}), "cues"), compounds)
        bare = data.get("bare", {})
        return ClaimLexicon(
            population=population,
            cues=cues,
            source_stop=_words(source, "stop"),
            not_subject_start=_words(source, "not_subject_start"),
            inverting=_words(source, "inverting"),
            trailing=_words(source, "trailing"),
            max_words=int(source.get("max_words", 6)),
            adverbs=_words(source, "adverbs"),
            bare=BareFigures(
                skip_after=_words(bare, "skip_after"),
                skip_before=_words(bare, "skip_before"),
                coordinators=_words(bare, "coordinators"),
                named_heads=bool(bare.get("named_heads", False)),
                max_skip=int(bare.get("max_skip", 3)),
            ),
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"bad claims data: {type(exc).__name__}: {exc}", source="claims.toml") from exc


# --------------------------------------------------------------------------- sources


def _ends_phrase(lexicon: ClaimLexicon, token: Token) -> bool:
    return not token.is_word or token.lower in lexicon.source_stop or token.lower[:1].isdigit()


def _phrase_after(lexicon: ClaimLexicon, view: SentenceView, index: int) -> list[Token]:
    """The source phrase that starts at token ``index`` ("de VN", "Amerikaanse schattingen"); it
    ends before a figure ("volgens Amnesty honderden dorpen")."""
    tokens = view.tokens
    phrase: list[Token] = []
    while index < len(tokens) and len(phrase) < lexicon.max_words and not _ends_phrase(lexicon, tokens[index]):
        if _inside_quantity(view, tokens[index]):
            break
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
    after = _text(view, _phrase_after(lexicon, view, end))
    while start > 0 and tokens[start - 1].lower in lexicon.adverbs:
        start -= 1
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
        text = _text(view, _phrase_after(lexicon, view, match.end))
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
    """The population group of a counted noun (by its last word), or None when it is not one.

    With ``named_heads``, a capitalised word that is no group word ("Israëliërs", "Mexicans") is a
    group of its own, named by the word; acronyms and symbols ("UN", "US$") are not."""
    if not what:
        return None
    words = [w for w in TOKEN_PATTERN.findall(what) if w[0].isalnum()]
    if not words:
        return None
    found = lexicon.population.word_matches(words[-1].casefold())
    if found:
        return found[0][0].removeprefix("population.")
    head = words[-1]
    if lexicon.bare.named_heads and head[0].isupper() and head[1:].islower():  # a name, not "US$" or "UN"
        return f"named.{head.casefold()}"
    return None


# --------------------------------------------------------------------------- what was counted


def _coordinated(lexicon: ClaimLexicon, view: SentenceView, mention: QuantityMention, what: str) -> str:
    """Extend ``what`` over a coordinated noun of the same population group ("raketten en mortiergranaten")."""
    span = mention.what_span
    if span is None or span.end > view.span.end:
        return what
    tokens = view.tokens
    index = token_index_at(tokens, span.end)
    if index + 1 < len(tokens) and tokens[index].lower in lexicon.bare.coordinators:
        noun = tokens[index + 1]
        group = population_of(lexicon, what)
        if noun.is_word and group is not None and population_of(lexicon, noun.text) == group:
            return view.doc_text[span.start : noun.end]
    return what


def _capitalised_run(view: SentenceView, tokens: list[Token], index: int) -> str:
    end = index
    while end < len(tokens) and tokens[end].is_word and tokens[end].text[0].isupper():
        end += 1
    return view.doc_text[tokens[index].start : tokens[end - 1].end]


def _word_after(lexicon: ClaimLexicon, view: SentenceView, mention: QuantityMention) -> str | None:
    """The word after a bare figure that says who was counted ("Dozens died", "190 were dead",
    "seventeen from the Armed Forces")."""
    tokens, bare = view.tokens, lexicon.bare
    start = index = token_index_at(tokens, mention.end)
    while index < len(tokens) and index - start < bare.max_skip and tokens[index].lower in bare.skip_after:
        index += 1
    if index >= len(tokens) or not tokens[index].is_word:
        return None
    if lexicon.population.word_matches(tokens[index].lower):
        return tokens[index].text
    if bare.named_heads and index > start and tokens[index].text[0].isupper():
        return _capitalised_run(view, tokens, index)
    return None


def _word_before(lexicon: ClaimLexicon, view: SentenceView, mention: QuantityMention) -> str | None:
    """The word before a bare figure that says who was counted ("killing four", "the number at 4 million")."""
    tokens, bare = view.tokens, lexicon.bare
    end = index = token_index_at(tokens, mention.start)
    while index > 0 and end - index < bare.max_skip and tokens[index - 1].lower in bare.skip_before:
        index -= 1
    if index > 0 and tokens[index - 1].is_word and lexicon.population.word_matches(tokens[index - 1].lower):
        return tokens[index - 1].text
    return None


def what_of(lexicon: ClaimLexicon, view: SentenceView, mention: QuantityMention) -> str | None:
    """The counted noun of a figure, or for a bare figure the word that says who was counted."""
    if mention.what:
        return _coordinated(lexicon, view, mention, mention.what)
    return _word_after(lexicon, view, mention) or _word_before(lexicon, view, mention)


def _places(view: SentenceView) -> list[Place]:
    places: list[Place] = []
    for mention in view.places:
        if mention.place not in places:
            places.append(mention.place)
    return places


def _hedged(lexicon: ClaimLexicon, mention: QuantityMention, hedge_cue: bool) -> bool:
    return mention.quantity.qualifier in HEDGED_QUALIFIERS or hedge_cue


def _population_figures(
    lexicon: ClaimLexicon, view: SentenceView, previous: tuple[str, str] | None
) -> list[tuple[QuantityMention, str, str]]:
    """(figure, what, group) for the sentence's figures of a population. A bare figure that nothing
    names takes the population of the claim before it, in its own or the previous sentence ("ruim
    70.000 mensen ... bijna 73.000")."""
    out = []
    for mention in view.quantities:
        what = what_of(lexicon, view, mention)
        group = population_of(lexicon, what)
        if group is None and what is None and mention.what is None and previous is not None:
            what, group = previous
        if what is not None and group is not None:
            out.append((mention, what, group))
            previous = (what, group)
    return out


def claims_of_sentence(
    lexicon: ClaimLexicon, view: SentenceView, previous: tuple[str, str] | None = None
) -> list[tuple[Claim, str]]:
    """(claim without id, population group) for each population figure of one sentence; ``previous``
    is the (what, group) of the document's last claim before it."""
    mentions = _population_figures(lexicon, view, previous) if view.quantities else []
    if not mentions:
        return []
    hits = lexicon.cues.scan(view.tokens)
    if "not_conflict" in hits:  # an earthquake, a fire: not a conflict figure
        return []
    source = source_of(lexicon, view, hits)
    hedge_cue = "hedge" in hits
    out = []
    for mention, what, group in mentions:
        time = nearest(view.times, mention.start)
        claim = Claim(
            id="",
            what=what,
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
            last = found[-1] if found and found[-1][0].sentence >= view.index - 1 else None
            previous = (last[0].what, last[1]) if last else None
            found.extend(claims_of_sentence(lexicon, view, previous))
        for number, (claim, _) in enumerate(found, start=1):
            claim.id = f"c{number}"
        link_related(found)
        doc.claims = [claim for claim, _ in found]


@register_stage(STAGE_NAME, "population figures as claims with source, hedging, places, time and related claims")
def make_stage(resources: Resources) -> ClaimsStage:
    return ClaimsStage(resources)
