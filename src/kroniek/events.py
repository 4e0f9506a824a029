"""Event mentions from trigger words in the language data (``lang/<code>/events.toml``).

A first, lexicon-driven version: every trigger occurrence (``bomaanslag``, ``airstrike``,
``gearresteerd``, ...) becomes an :class:`EventMention` with an ACLED type and sub-type, refined by
cue words in the same sentence (``aanslag`` + ``zelfmoord`` -> ``suicide_bomb``). Triggers of the
same type in one sentence are merged, keeping the most specific. Arguments come from the items the
earlier stages found in the same sentence: entities (actors, targets), places, times and quantities
(fatalities, injured). Modality (reported, negated, planned, ...) comes from cue words.

No word of any language appears in this module: a new language needs only its ``events.toml``.
The text-matching helpers (:mod:`kroniek.cues`) are shared with the claims stage. Every sentence is scanned once for all cue lists together, and
each matcher remembers the words it has seen, so the stage stays cheap on long texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cues import (
    TOKEN_PATTERN,
    CueIndex,
    Hits,
    Match,
    SentenceView,
    Token,
    longest_first,
    nearest,
    phrase_list,
    sentence_views,
    token_index_at,
)
from .document import (
    Document,
    EventMention,
    Modality,
    QuantityMention,
    QuantityValue,
    Span,
)
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "events.lexicon.v1"

# Modalities in the order they are tested: the first whose cues are found wins.
MODALITY_ORDER: tuple[Modality, ...] = ("negated", "hypothetical", "planned", "attempted", "generic", "reported")
ACTOR_LABELS = frozenset({"PER", "ORG"})  # MISC entities count only when they have a canonical name
SCOPE_MARKS = frozenset({";", ":"})  # modality cues count only between these
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—", '"', "“", "”"})
TRIGGER = "trigger."  # key prefix of the trigger forms in an EventLexicon's cue index



# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: str
    subtype: str
    rank: int  # higher = more specific; rank 0 triggers are dropped beside any stronger one


@dataclass(frozen=True, slots=True)
class RefineRule:
    key: str  # the cue list's key in the lexicon's CueIndex
    triggers: frozenset[str]
    type: str | None
    subtype: str


@dataclass(slots=True)
class EventLexicon:
    """Everything ``events.toml`` says, compiled for matching.

    Cue lists live in one :class:`CueIndex` under keys such as ``mod.reported``, ``fatalities.after``,
    ``refine.3``, ``role.target``.
    """

    triggers: CueIndex  # trigger forms alone, for the quick test of a sentence
    rules: dict[str, TriggerRule]
    refinements: list[RefineRule]
    cues: CueIndex
    splits: dict[str, int]  # count kind -> number of split cue pairs
    count_window: int
    negation_window: int
    plural_endings: tuple[str, ...]
    role_skip: frozenset[str]
    object_after_trigger: bool


def _taxonomy() -> dict[str, list[str]]:
    from .contract import load_taxonomy

    return load_taxonomy()["event_types"]


def _check_type(type_: str, subtype: str, where: str) -> None:
    subtypes = _taxonomy().get(type_)
    if subtypes is None or subtype not in subtypes:
        raise ConfigError(f"{where}: {type_}/{subtype} is not an ACLED type/sub-type in acled_taxonomy.json")


def _trigger_rules(data: dict[str, Any], cues: CueIndex, compounds: bool) -> tuple[CueIndex, dict[str, TriggerRule]]:
    """The trigger rules, with their forms under ``trigger.<id>`` in ``cues`` and in an index of their own."""
    triggers = CueIndex()
    rules: dict[str, TriggerRule] = {}
    for entry in data.get("trigger", []):
        rule = TriggerRule(entry["id"], entry["type"], entry["subtype"], int(entry.get("rank", 2)))
        _check_type(rule.type, rule.subtype, f"trigger {rule.id}")
        rules[rule.id] = rule
        for index in (triggers, cues):
            index.add(f"{TRIGGER}{rule.id}", phrase_list(entry, "forms"), compounds)
    return triggers, rules


def _refine_rules(
    data: dict[str, Any], rules: dict[str, TriggerRule], cues: CueIndex, compounds: bool
) -> list[RefineRule]:
    out = []
    for number, entry in enumerate(data.get("refine", [])):
        triggers = entry["trigger"] if isinstance(entry["trigger"], list) else [entry["trigger"]]
        for trigger in triggers:
            if trigger not in rules:
                raise ConfigError(f"refine: unknown trigger {trigger!r}")
            _check_type(entry.get("type", rules[trigger].type), entry["subtype"], f"refine {trigger}")
        key = f"refine.{number}"
        cues.add(key, phrase_list(entry, "cues"), compounds)
        out.append(RefineRule(key, frozenset(triggers), entry.get("type"), entry["subtype"]))
    return out


def _add_count_cues(cues: CueIndex, kind: str, data: dict[str, Any], compounds: bool) -> int:
    """Add the cue lists of ``fatalities`` or ``injured``; returns the number of split pairs."""
    for name in ("heads", "after", "before", "zero"):
        cues.add(f"{kind}.{name}", phrase_list(data, name), compounds)
    pairs = data.get("split", [])
    for number, (before, after) in enumerate(pairs):
        cues.add(f"{kind}.split{number}.before", [before])
        cues.add(f"{kind}.split{number}.after", [after])
    return len(pairs)


def _add_modality_cues(cues: CueIndex, data: dict[str, Any]) -> None:
    for name in MODALITY_ORDER:
        section = data.get(name, {})
        cues.add(f"mod.{name}", phrase_list(section, "cues"))
        cues.add(f"mod.{name}.clause_start", phrase_list(section, "clause_start"))
        cues.add(f"mod.{name}.except", phrase_list(section, "except"))
    cues.add("mod.negated.breaks", phrase_list(data.get("negated", {}), "breaks"))


def load_event_lexicon(data: dict[str, Any]) -> EventLexicon:
    """Compile the ``events`` section of one language's data."""
    try:
        compounds = bool(data.get("matching", {}).get("compounds", False))
        cues = CueIndex()
        triggers, rules = _trigger_rules(data, cues, compounds)
        counts, modality, roles = data.get("counts", {}), data.get("modality", {}), data.get("roles", {})
        refinements = _refine_rules(data, rules, cues, compounds)
        splits = {
            kind: _add_count_cues(cues, kind, data.get(kind, {}), compounds) for kind in ("fatalities", "injured")
        }
        cues.add("count.negations", phrase_list(counts, "negations"))
        _add_modality_cues(cues, modality)
        cues.add("role.target", phrase_list(roles, "target_before"))
        cues.add("role.actor", phrase_list(roles, "actor_before"))
        return EventLexicon(
            triggers=triggers,
            rules=rules,
            refinements=refinements,
            cues=cues,
            splits=splits,
            count_window=int(counts.get("window", 6)),
            negation_window=int(modality.get("negated", {}).get("window", 2)),
            plural_endings=tuple(phrase_list(modality.get("generic", {}), "plural_endings")),
            role_skip=frozenset(w.casefold() for w in phrase_list(roles, "skip")),
            object_after_trigger=bool(roles.get("object_after_trigger", False)),
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"bad events data: {type(exc).__name__}: {exc}", source="events.toml") from exc


# --------------------------------------------------------------------------- triggers


@dataclass(slots=True)
class _Candidate:
    match: Match
    rule: TriggerRule
    type: str
    subtype: str
    rank: int


def _refine(lexicon: EventLexicon, candidate: _Candidate, hits: Hits, size: int) -> None:
    """Apply the first refinement whose cues occur in the sentence outside the trigger itself."""
    own = (candidate.match.start, candidate.match.end)
    for rule in lexicon.refinements:
        if candidate.rule.id in rule.triggers and hits.inside(rule.key, 0, size, outside=own):
            candidate.type = rule.type or candidate.type
            candidate.subtype = rule.subtype
            candidate.rank += 1
            return


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per type (the most specific); weak (rank 0) ones only when nothing else is there."""
    strong = [c for c in candidates if c.rank > 0] or candidates
    best: dict[str, _Candidate] = {}
    for candidate in strong:
        kept = best.get(candidate.type)
        if kept is None or candidate.rank > kept.rank:
            best[candidate.type] = candidate
    return sorted(best.values(), key=lambda c: c.match.start)


def trigger_matches(hits: Hits) -> list[Match]:
    """The sentence's trigger occurrences (keyed by trigger id), longest first, without overlaps."""
    found = [m for key, matches in hits.by_key.items() if key.startswith(TRIGGER) for m in matches]
    return [m._replace(key=m.key[len(TRIGGER) :]) for m in longest_first(found)]


def find_triggers(lexicon: EventLexicon, tokens: list[Token], hits: Hits) -> list[_Candidate]:
    """The trigger matches of one sentence, refined and merged."""
    candidates = []
    for match in trigger_matches(hits):
        rule = lexicon.rules[match.key]
        candidate = _Candidate(match, rule, rule.type, rule.subtype, rule.rank)
        _refine(lexicon, candidate, hits, len(tokens))
        candidates.append(candidate)
    return _merge(candidates)


# --------------------------------------------------------------------------- modality


def _negated(lexicon: EventLexicon, tokens: list[Token], hits: Hits, trigger: Match) -> bool:
    """A negation cue at most ``negation_window`` words before the trigger, in the same phrase."""
    for cue in hits.get("mod.negated"):
        if not (cue.end <= trigger.start and trigger.start - cue.end <= lexicon.negation_window):
            continue
        span = (cue.end, trigger.start)
        blocked = any(hits.inside(key, *span) for key in ("mod.negated.breaks", "fatalities.heads", "injured.heads"))
        if not blocked and not any(t.lower in CLAUSE_MARKS for t in tokens[cue.end : trigger.start]):
            return True
    return False


def clause_of(tokens: list[Token], match: Match) -> tuple[int, int]:
    """The token range of the clause around ``match``: between the nearest ";" or ":" on either side."""
    start = match.start
    while start > 0 and tokens[start - 1].lower not in SCOPE_MARKS:
        start -= 1
    end = match.end
    while end < len(tokens) and tokens[end].lower not in SCOPE_MARKS:
        end += 1
    return start, end


def _cue_found(name: str, tokens: list[Token], hits: Hits, clause: tuple[int, int]) -> bool:
    """A cue of modality ``name`` in the clause, or one of its clause-start cues at a clause start."""
    if hits.inside(f"mod.{name}", *clause):
        return True
    excepted = {m.start for m in hits.get(f"mod.{name}.except")}
    for match in hits.get(f"mod.{name}.clause_start"):
        at_start = match.start == 0 or tokens[match.start - 1].lower in CLAUSE_MARKS
        if at_start and match.start not in excepted and clause[0] <= match.start < clause[1]:
            return True
    return False


def modality_of(lexicon: EventLexicon, tokens: list[Token], hits: Hits, trigger: Match) -> Modality:
    """The modality of the event triggered at ``trigger``: negated by a cue right before it, else
    the first modality whose cue words occur in its clause (generic only for a plural trigger)."""
    if _negated(lexicon, tokens, hits, trigger):
        return "negated"
    plural = bool(lexicon.plural_endings) and tokens[trigger.end - 1].lower.endswith(lexicon.plural_endings)
    clause = clause_of(tokens, trigger)
    for name in MODALITY_ORDER[1:]:
        if (name != "generic" or plural) and _cue_found(name, tokens, hits, clause):
            return name
    return "asserted"


# --------------------------------------------------------------------------- arguments


def _preceded_by(tokens: list[Token], hits: Hits, key: str, index: int, skip: frozenset[str]) -> bool:
    """Does a marker phrase end right before token ``index`` (skipping words such as articles)?"""
    while index > 0 and tokens[index - 1].lower in skip:
        index -= 1
    return index > 0 and hits.ends_at(key, index)


def _role(lexicon: EventLexicon, tokens: list[Token], hits: Hits, entity_start: int, trigger: Match) -> str:
    index = token_index_at(tokens, entity_start)
    if _preceded_by(tokens, hits, "role.actor", index, lexicon.role_skip):
        return "actor"
    if _preceded_by(tokens, hits, "role.target", index, lexicon.role_skip):
        return "target"
    if lexicon.object_after_trigger and index >= trigger.end:
        gap = [t for t in tokens[trigger.end : index] if t.lower not in lexicon.role_skip]
        return "actor" if gap else "target"
    return "actor"


def actors_and_targets(
    lexicon: EventLexicon, view: SentenceView, hits: Hits, trigger: Match
) -> tuple[list[str], list[str]]:
    """Canonical names of the sentence's PER/ORG (and known MISC) entities, split by role."""
    actors: list[str] = []
    targets: list[str] = []
    for entity in view.entities:
        if entity.label not in ACTOR_LABELS and not (entity.label == "MISC" and entity.canonical):
            continue
        name = entity.canonical or entity.text or view.doc_text[entity.start : entity.end]
        if not name or name in actors or name in targets:
            continue
        (targets if _role(lexicon, view.tokens, hits, entity.start, trigger) == "target" else actors).append(name)
    return actors, targets


@dataclass(frozen=True, slots=True)
class _Figure:
    """A quantity of the sentence and its tokens: first, first after it, end of its cue window."""

    mention: QuantityMention
    first: int
    after: int
    stop: int


def sentence_figures(lexicon: EventLexicon, view: SentenceView) -> list[_Figure]:
    """The sentence's quantities with their cue windows.

    A cue window runs up to ``count_window`` words after the figure and stops at punctuation and
    at the next figure ("drie mensen raakten gewond en twee kwamen om").
    """
    tokens = view.tokens
    starts = [token_index_at(tokens, q.start) for q in view.quantities]
    out = []
    for number, mention in enumerate(view.quantities):
        after = token_index_at(tokens, mention.end)
        limit = min(starts[number + 1] if number + 1 < len(starts) else len(tokens), after + lexicon.count_window)
        stop = after
        while stop < limit and tokens[stop].is_word:
            stop += 1
        out.append(_Figure(mention, starts[number], after, stop))
    return out


def _is_count(lexicon: EventLexicon, kind: str, hits: Hits, figure: _Figure) -> bool:
    """Is ``figure`` a count of ``kind`` (fatalities, injured): by its noun, or a verb before or after it?"""
    words = TOKEN_PATTERN.findall(figure.mention.what or "")
    if words and any(key == f"{kind}.heads" for key, _ in lexicon.cues.word_matches(words[-1].casefold())):
        return True
    if hits.ends_at(f"{kind}.before", figure.first):
        return True
    for number in range(lexicon.splits[kind]):
        split = f"{kind}.split{number}"
        if hits.ends_at(f"{split}.before", figure.first) and hits.inside(f"{split}.after", figure.after, figure.stop):
            return True
    return hits.inside(f"{kind}.after", figure.after, figure.stop)


def _zero(kind: str, hits: Hits) -> bool:
    """ "geen doden", "no one was killed": the sentence says there were none."""
    if f"{kind}.zero" in hits:
        return True
    return any(hits.inside(f"{kind}.heads", m.end, m.end + 2) for m in hits.get("count.negations"))


@dataclass(slots=True)
class _Counts:
    """The sentence's figures of one kind (fatalities, injured), and whether it says there were none."""

    figures: list[QuantityMention]
    zero: bool

    def nearest(self, offset: int) -> QuantityValue | None:
        """The figure nearest character ``offset``; 0 for "geen doden"; else None."""
        best = nearest(self.figures, offset)
        if best is not None:
            return best.quantity
        return QuantityValue(0, "exact") if self.zero else None


def sentence_counts(lexicon: EventLexicon, figures: list[_Figure], hits: Hits, kind: str) -> _Counts:
    """The sentence's figures of ``kind`` (fatalities, injured)."""
    return _Counts([f.mention for f in figures if _is_count(lexicon, kind, hits, f)], _zero(kind, hits))


# --------------------------------------------------------------------------- the stage


@dataclass(slots=True)
class _SentenceFacts:
    """What all events of one sentence share: cue occurrences and counts."""

    hits: Hits
    fatalities: _Counts
    injured: _Counts


def _event(lexicon: EventLexicon, view: SentenceView, facts: _SentenceFacts, candidate: _Candidate) -> EventMention:
    match, tokens, hits = candidate.match, view.tokens, facts.hits
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    actors, targets = actors_and_targets(lexicon, view, hits, match)
    time = nearest(view.times, start)
    return EventMention(
        id="",
        type=candidate.type,
        subtype=candidate.subtype,
        sentence=view.index,
        trigger=Span(start, end, view.doc_text[start:end]),
        modality=modality_of(lexicon, tokens, hits, match),
        actors=actors,
        targets=targets,
        place=view.places[0].place if view.places else None,
        time=time.time if time else None,
        fatalities=facts.fatalities.nearest(start),
        injured=facts.injured.nearest(start),
        stage=STAGE_NAME,
    )


def events_of_sentence(lexicon: EventLexicon, view: SentenceView) -> list[EventMention]:
    """Event mentions (without ids) of one sentence."""
    if not lexicon.triggers.could_match(view.text):
        return []
    hits = lexicon.cues.scan(view.tokens)
    candidates = find_triggers(lexicon, view.tokens, hits)
    if not candidates:
        return []
    figures = sentence_figures(lexicon, view) if view.quantities else []
    facts = _SentenceFacts(
        hits,
        sentence_counts(lexicon, figures, hits, "fatalities"),
        sentence_counts(lexicon, figures, hits, "injured"),
    )
    return [_event(lexicon, view, facts, c) for c in candidates]


class EventsStage:
    """Finds event mentions with the trigger lexicon of the document's language."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._lexicons: dict[str, EventLexicon] = {}

    def lexicon(self, code: str) -> EventLexicon:
        if code not in self._lexicons:
            self._lexicons[code] = load_event_lexicon(self.resources.lang_data(code).section("events"))
        return self._lexicons[code]

    def __call__(self, doc: Document) -> None:
        lexicon = self.lexicon(doc.lang)
        events: list[EventMention] = []
        for view in sentence_views(doc):
            events.extend(events_of_sentence(lexicon, view))
        for number, event in enumerate(events, start=1):
            event.id = f"ev{number}"
        doc.events = events


@register_stage(STAGE_NAME, "event mentions from trigger words (ACLED types), with arguments from the same sentence")
def make_stage(resources: Resources) -> EventsStage:
    return EventsStage(resources)
