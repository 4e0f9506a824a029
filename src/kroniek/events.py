"""Event mentions from trigger words in the language data (``lang/<code>/events.toml``).

A lexicon-driven stage: every trigger occurrence (``bomaanslag``, ``airstrike``, ``gearresteerd``, ...)
becomes a candidate with an ACLED type and sub-type, refined by cue words in the same sentence
(``aanslag`` + ``zelfmoord`` -> ``suicide_bomb``) or, when that names no event, in the next one. In one
sentence, weak triggers (the verb of the act, "gedood"; the actor noun, "schutter") give way to the
word that names the event; per type the most specific trigger is kept, plus specific triggers of other
sub-types. Across sentences, a later weak or anaphoric mention ("de aanslag", "the attack") or one of
the same sub-type adds its arguments to the event named shortly before it instead of making a new
event. Arguments come from the items the earlier stages found in the same sentence: entities (actors,
targets), places, times and quantities (fatalities, injured). Modality (reported, negated, planned,
...) comes from cue words.

No word of any language appears in this module: a new language needs only its ``events.toml``.
The text-matching helpers (:mod:`kroniek.cues`) are shared with the claims stage. Every sentence is
scanned once for all cue lists together, and each matcher remembers the words it has seen, so the
stage stays cheap on long texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    Place,
    PlaceMention,
    QuantityMention,
    QuantityValue,
    Span,
)
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources
from .roles import UnnamedRoles, add_air_forces, add_earlier_places, add_unnamed_roles

STAGE_NAME = "events.lexicon.v1"

# Modalities in the order they are tested: the first whose cues are found wins.
MODALITY_ORDER: tuple[Modality, ...] = ("negated", "hypothetical", "planned", "attempted", "generic", "reported")
ACTOR_LABELS = frozenset({"ORG"})  # groups act (ACLED); persons, nationalities and places do not
NOT_ACTING = ("civilians",)  # monitors and rights groups (SOHR, Amnesty) report events, they do not act
SCOPE_MARKS = frozenset({";", ":"})  # modality cues count only between these
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—", '"', "“", "”"})
TRIGGER = "trigger."  # key prefix of the trigger forms in an EventLexicon's cue index
REQUIRE = "require."  # key prefix of a trigger's required context cues
# ACLED rules, not words: a trigger of the first sub-type takes in other triggers of these types or
# sub-types in its sentence ("defused a car bomb": the bomb is what was defused; "heroverd na zware
# gevechten": the fighting is part of the recapture) ...
_TERRITORY = frozenset({"armed_clash"})
VIOLENT = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"})
ABSORBS: dict[str, frozenset[str]] = {
    "disrupted_weapons_use": frozenset({"explosions_remote_violence"}),
    "government_regains_territory": _TERRITORY,
    "non_state_actor_overtakes_territory": _TERRITORY,
}
# ... and an event of the first sub-type joins an earlier event of these types in the document (arrests
# at a protest, houses burned during a raid), which then takes the sub-type given, if any.
JOINS: dict[str, tuple[frozenset[str], dict[str, str]]] = {
    "arrests": (frozenset({"protests", "riots"}), {"peaceful_protest": "protest_with_intervention"}),
    "looting_property_destruction": (
        frozenset({"battles", "violence_against_civilians", "riots", "explosions_remote_violence"}),
        {},
    ),
}
# the fighting and the retreat around a town taken or retaken, in its sentence or the next, are that event
# ("De rebellen hebben Bunagana ingenomen. Het leger trok zich na hevige gevechten terug.")
TERRITORY_TAKEN = frozenset({"non_state_actor_overtakes_territory", "government_regains_territory"})
PART_OF_TAKING = frozenset({"armed_clash", "non_violent_transfer_of_territory"})


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: str
    subtype: str
    rank: int  # higher = more specific; triggers of rank <= 0 are dropped beside any stronger one
    requires: bool = False  # only a trigger when one of its `requires` cues is in the sentence


@dataclass(frozen=True, slots=True)
class RefineRule:
    key: str  # the cue list's key in the lexicon's CueIndex
    triggers: frozenset[str]
    type: str | None
    subtype: str
    also: str | None = None  # key of a second cue list that must occur too ("protesters" + "police")
    window: int | None = None  # cues count only this many words from the trigger (None: whole sentence)
    boost: bool = True  # a refined trigger counts as an event even when it is weak on its own


@dataclass(slots=True)
class EventLexicon:
    """Everything ``events.toml`` says, compiled for matching.

    Cue lists live in one :class:`CueIndex` under keys such as ``mod.reported``, ``fatalities.after``,
    ``refine.3``, ``role.target``.
    """

    triggers: CueIndex  # trigger forms alone, for the quick test of a sentence
    refine_cues: CueIndex  # refinement cues alone, for the sentence after an event
    rules: dict[str, TriggerRule]
    refinements: list[RefineRule]
    cues: CueIndex
    splits: dict[str, int]  # count kind -> number of split cue pairs
    count_window: int
    negation_window: int
    plural_endings: tuple[str, ...]
    role_skip: frozenset[str]
    object_after_trigger: bool
    anaphora_between: frozenset[str] = frozenset()  # words allowed between the determiner and the trigger
    merge_window: int = 2  # a later mention joins an event at most this many sentences back
    after_windows: dict[str, int] = field(default_factory=dict)  # modality -> words after the trigger its cues reach


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
        requires = phrase_list(entry, "requires")
        rule = TriggerRule(entry["id"], entry["type"], entry["subtype"], int(entry.get("rank", 2)), bool(requires))
        _check_type(rule.type, rule.subtype, f"trigger {rule.id}")
        rules[rule.id] = rule
        for index in (triggers, cues):
            index.add(f"{TRIGGER}{rule.id}", phrase_list(entry, "forms"), compounds)
        cues.add(f"{REQUIRE}{rule.id}", requires, compounds)
    return triggers, rules


def _refine_rules(
    data: dict[str, Any], rules: dict[str, TriggerRule], indexes: tuple[CueIndex, ...], compounds: bool
) -> list[RefineRule]:
    """The refinements, with their cues in each of ``indexes``."""
    out = []
    for number, entry in enumerate(data.get("refine", [])):
        triggers = entry["trigger"] if isinstance(entry["trigger"], list) else [entry["trigger"]]
        for trigger in triggers:
            if trigger not in rules:
                raise ConfigError(f"refine: unknown trigger {trigger!r}")
            _check_type(entry.get("type", rules[trigger].type), entry["subtype"], f"refine {trigger}")
        key = f"refine.{number}"
        also = phrase_list(entry, "with")
        for cues in indexes:
            cues.add(key, phrase_list(entry, "cues"), compounds)
            if also:
                cues.add(f"{key}.with", also, compounds)
        window = int(entry["window"]) if "window" in entry else None
        out.append(
            RefineRule(
                key, frozenset(triggers), entry.get("type"), entry["subtype"], f"{key}.with" if also else None, window,
                bool(entry.get("boost", True)),
            )
        )
    return out


def _add_count_cues(cues: CueIndex, kind: str, data: dict[str, Any], compounds: bool) -> int:
    """Add the cue lists of ``fatalities`` or ``injured``; returns the number of split pairs."""
    for name in ("heads", "after", "before", "zero", "single"):
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
    cues.add("mod.negated.denials", phrase_list(data.get("negated", {}), "denials"))
    cues.add("mod.generic.habitual", phrase_list(data.get("generic", {}), "habitual"))


def load_event_lexicon(data: dict[str, Any]) -> EventLexicon:
    """Compile the ``events`` section of one language's data."""
    try:
        compounds = bool(data.get("matching", {}).get("compounds", False))
        cues = CueIndex()
        triggers, rules = _trigger_rules(data, cues, compounds)
        counts, modality, roles = data.get("counts", {}), data.get("modality", {}), data.get("roles", {})
        refine_cues = CueIndex()
        refinements = _refine_rules(data, rules, (cues, refine_cues), compounds)
        splits = {
            kind: _add_count_cues(cues, kind, data.get(kind, {}), compounds) for kind in ("fatalities", "injured")
        }
        cues.add("count.negations", phrase_list(counts, "negations"))
        _add_modality_cues(cues, modality)
        cues.add("role.target", phrase_list(roles, "target_before"))
        cues.add("role.actor", phrase_list(roles, "actor_before"))
        cues.add("role.source", phrase_list(roles, "source_before"))
        anaphora = data.get("anaphora", {})
        cues.add("not_event", phrase_list(data.get("not_event", {}), "cues"), compounds)
        cues.add("anaphora", phrase_list(anaphora, "determiners"))
        return EventLexicon(
            triggers=triggers,
            refine_cues=refine_cues,
            rules=rules,
            refinements=refinements,
            cues=cues,
            splits=splits,
            count_window=int(counts.get("window", 6)),
            negation_window=int(modality.get("negated", {}).get("window", 2)),
            plural_endings=tuple(phrase_list(modality.get("generic", {}), "plural_endings")),
            role_skip=frozenset(w.casefold() for w in phrase_list(roles, "skip")),
            object_after_trigger=bool(roles.get("object_after_trigger", False)),
            anaphora_between=frozenset(w.casefold() for w in phrase_list(anaphora, "between")),
            merge_window=int(anaphora.get("window", 2)),
            after_windows={name: int(modality[name]["after_window"]) for name in MODALITY_ORDER
                           if "after_window" in modality.get(name, {})},
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
    refined: bool = False  # a refinement applied (it may have kept the sub-type)


def _refine(lexicon: EventLexicon, candidate: _Candidate, hits: Hits, size: int, own: bool = True) -> None:
    """Apply the first refinement whose cues occur in the sentence outside the trigger itself (or, with
    ``own=False``, anywhere in ``hits``, the cues of a following sentence)."""
    match = candidate.match
    outside = (match.start, match.end) if own else None
    for rule in lexicon.refinements:
        if candidate.rule.id not in rule.triggers or (rule.also and rule.also not in hits):
            continue
        start, end = 0, size
        if rule.window is not None and own:
            start, end = max(0, match.start - rule.window), min(size, match.end + rule.window)
        if hits.inside(rule.key, start, end, outside=outside):
            candidate.type = rule.type or candidate.type
            candidate.subtype = rule.subtype
            candidate.refined = True
            if rule.boost:
                candidate.rank = max(candidate.rank + 1, 1)  # context makes even a weak trigger an event
            return


def _strongest(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates of rank > 0; when there are none, those of the highest rank ("attack" beats
    "killed", which beats "gunman"). A weak trigger that its context refined ("troops killed") is
    still only the verb of a violent event named beside it ("killed ... in an airstrike")."""
    violent = any(c.rule.rank > 0 and c.type in VIOLENT for c in candidates)
    strong = [c for c in candidates if c.rank > 0 and not (violent and c.rule.rank < 0)]
    if strong or not candidates:
        return strong
    top = max(c.rank for c in candidates)
    if top <= PEOPLE_RANK:  # "the suspected perpetrators", "hostages": people, no event named
        return []
    return [c for c in candidates if c.rank == top]


def _absorb(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop the triggers that another trigger of the sentence takes in (see ``ABSORBS``)."""
    taken = frozenset().union(*(ABSORBS.get(c.subtype, frozenset()) for c in candidates))
    return [c for c in candidates if (c.type not in taken and c.subtype not in taken) or c.subtype in ABSORBS]


UNREAL = frozenset({"planned", "hypothetical", "negated", "attempted"})  # modalities of what did not happen (yet)
PEOPLE_RANK = -2  # nouns for the people who act ("schutter", "gunman"): never an event on their own
SPECIFIC = 2  # triggers of at least this rank keep an event of their own beside another sub-type of their type


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Per type, the most specific candidate, plus specific ones of other sub-types ("aanslagen en
    ontvoeringen"); weak (rank <= 0) ones only when nothing else is there."""
    strong = sorted(_strongest(_absorb(candidates)), key=lambda c: -c.rank)  # stable: ties keep text order
    kept: list[_Candidate] = []
    for candidate in strong:
        same_type = [k for k in kept if k.type == candidate.type]
        if not same_type or (candidate.rank >= SPECIFIC and all(k.subtype != candidate.subtype for k in same_type)):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.match.start)


def trigger_matches(hits: Hits) -> list[Match]:
    """The sentence's trigger occurrences (keyed by trigger id), longest first, without overlaps."""
    found = [m for key, matches in hits.by_key.items() if key.startswith(TRIGGER) for m in matches]
    return [m._replace(key=m.key[len(TRIGGER) :]) for m in longest_first(found)]


def find_triggers(lexicon: EventLexicon, tokens: list[Token], hits: Hits) -> list[_Candidate]:
    """The trigger matches of one sentence, refined and merged."""
    candidates = []
    for match in trigger_matches(hits):
        rule = lexicon.rules[match.key]
        if rule.requires and f"{REQUIRE}{rule.id}" not in hits:
            continue
        candidate = _Candidate(match, rule, rule.type, rule.subtype, rule.rank)
        _refine(lexicon, candidate, hits, len(tokens))
        candidates.append(candidate)
    if "not_event" in hits:  # "the blaze killed three": a weak trigger beside a fire or an accident
        candidates = [c for c in candidates if c.rank > 0]
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
    """A cue of modality ``name`` in the clause (not inside one of its ``except`` phrases: "claimed
    responsibility" is no attribution), or one of its clause-start cues at a clause start."""
    exceptions = hits.get(f"mod.{name}.except")
    for cue in hits.get(f"mod.{name}"):
        inside_exception = any(e.start <= cue.start and cue.end <= e.end for e in exceptions)
        if clause[0] <= cue.start and cue.end <= clause[1] and not inside_exception:
            return True
    excepted = {m.start for m in exceptions}
    for match in hits.get(f"mod.{name}.clause_start"):
        at_start = match.start == 0 or tokens[match.start - 1].lower in CLAUSE_MARKS
        if at_start and match.start not in excepted and clause[0] <= match.start < clause[1]:
            return True
    return False


def modality_of(lexicon: EventLexicon, tokens: list[Token], hits: Hits, trigger: Match) -> Modality:
    """The modality of the event triggered at ``trigger``: negated by a cue right before it, else
    the first modality whose cue words occur in its clause (generic only for a plural trigger)."""
    if _negated(lexicon, tokens, hits, trigger) or any(m.end <= trigger.start for m in hits.get("mod.negated.denials")):
        return "negated"  # "geen doden", "X ontkent dat ...", "rejected accusations that ..."
    plural = bool(lexicon.plural_endings) and tokens[trigger.end - 1].lower.endswith(lexicon.plural_endings)
    clause = clause_of(tokens, trigger)
    if hits.inside("mod.generic.habitual", *clause):  # "vrijwel wekelijks vermoord", "regularly attack"
        return "generic"
    for name in MODALITY_ORDER[1:]:
        if (name != "generic" or plural) and _cue_found(name, tokens, hits, _cue_scope(lexicon, name, clause, trigger)):
            return name
    return "asserted"


def _cue_scope(lexicon: EventLexicon, name: str, clause: tuple[int, int], trigger: Match) -> tuple[int, int]:
    """Where a modality's cues count: the clause, or for modalities with a ``after_window`` only up to that
    many words after the trigger ("aanslag werd verijdeld", not "arrested ... on suspicion of plotting")."""
    window = lexicon.after_windows.get(name)
    return clause if window is None else (clause[0], min(clause[1], trigger.end + window))


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


PLACE_SPECIFICITY = {"locality": 0, "city": 0, "admin": 1, "region": 2, "other": 2, "country": 3}


def most_specific_place(places: list[PlaceMention], view: SentenceView | None = None) -> Place | None:
    """The event's place: the most specific of the sentence's places (a town before its province, a
    province before its country), the first of equals; a country that acts ("Iran fired missiles at
    Israel", "the United States' killing of ...") is left out when the sentence names another place."""
    if view is not None:
        places = [p for p in places if not _acting_country(p, view)] or places
    if not places:
        return None
    return min(places, key=lambda p: PLACE_SPECIFICITY.get(p.place.kind, 2)).place


def _acting_country(place: PlaceMention, view: SentenceView) -> bool:
    """A country that opens the sentence (its subject) or owns something ("Israel's", "the United States'")."""
    if place.place.kind != "country":
        return False
    before = view.doc_text[view.span.start : place.start].split()
    after = view.doc_text[place.end : place.end + 3]
    return len(before) <= 1 and before in ([], ["The"], ["the"], ["Het"], ["De"]) or after.startswith(("'s", "’s", "' ", "’ "))


def actors_and_targets(
    lexicon: EventLexicon, view: SentenceView, hits: Hits, trigger: Match
) -> tuple[list[str], list[str]]:
    """Canonical names of the sentence's PER/ORG (and known MISC) entities, split by role."""
    actors: list[str] = []
    targets: list[str] = []
    for entity in view.entities:
        person = entity.label == "PER"
        if not person and (entity.label not in ACTOR_LABELS or entity.actor_type in (None, *NOT_ACTING)):
            continue  # known groups and state forces act; monitors and rights groups do not
        name = entity.canonical or entity.text or view.doc_text[entity.start : entity.end]
        if not name or name in actors or name in targets or _is_source(lexicon, view.tokens, hits, entity):
            continue
        role = _role(lexicon, view.tokens, hits, entity.start, trigger)
        if role == "target":
            targets.append(name)
        elif not person:  # a named person is a victim, not an actor (ACLED codes groups)
            actors.append(name)
    return actors, targets


def _is_source(lexicon: EventLexicon, tokens: list[Token], hits: Hits, entity: Any) -> bool:
    """The one who reports the event, not one who acts in it: "meldt de VN", "volgens de VN", "according
    to the UN" (but "the Taliban said they carried out the attack": a claimant may be the actor)."""
    return _preceded_by(tokens, hits, "role.source", token_index_at(tokens, entity.start), lexicon.role_skip)


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


# --------------------------------------------------------------------------- events of one sentence


@dataclass(slots=True)
class _SentenceFacts:
    """What all events of one sentence share: cue occurrences and counts."""

    hits: Hits
    fatalities: _Counts
    injured: _Counts


@dataclass(slots=True)
class _Found:
    """An event mention with what the document-level merge needs to know about its trigger."""

    event: EventMention
    candidate: _Candidate
    anaphoric: bool  # "the attack", "De aanslag": may point back at an earlier event
    last: int = -1  # the sentence of the event's latest mention

    def __post_init__(self) -> None:
        self.last = max(self.last, self.event.sentence)

    @property
    def rank(self) -> int:
        return self.candidate.rank

    @property
    def refined(self) -> bool:
        """Whether a refinement applied to the trigger (its context decided the sub-type)."""
        return self.candidate.refined


def _anaphoric(lexicon: EventLexicon, tokens: list[Token], hits: Hits, trigger: Match) -> bool:
    """Does a determiner ("the", "de") stand before the trigger, perhaps with words such as "second" between?"""
    index = trigger.start
    while index > 0 and tokens[index - 1].lower in lexicon.anaphora_between:
        index -= 1
    return index > 0 and hits.ends_at("anaphora", index)


def _event(lexicon: EventLexicon, view: SentenceView, facts: _SentenceFacts, candidate: _Candidate) -> _Found:
    match, tokens, hits = candidate.match, view.tokens, facts.hits
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    actors, targets = actors_and_targets(lexicon, view, hits, match)
    time = nearest(view.times, start)
    event = EventMention(
        id="",
        type=candidate.type,
        subtype=candidate.subtype,
        sentence=view.index,
        trigger=Span(start, end, view.doc_text[start:end]),
        modality=modality_of(lexicon, tokens, hits, match),
        actors=actors,
        targets=targets,
        place=most_specific_place(view.places, view),
        time=time.time if time else None,
        fatalities=facts.fatalities.nearest(start) or _single_victim(view, hits, "fatalities"),
        injured=facts.injured.nearest(start) or _single_victim(view, hits, "injured"),
        stage=STAGE_NAME,
    )
    return _Found(event, candidate, _anaphoric(lexicon, tokens, hits, match))


def _single_victim(view: SentenceView, hits: Hits, kind: str) -> QuantityValue | None:
    """One victim when the sentence counts none but kills or wounds one person: "een agent werd
    doodgeschoten", "Soleimani was killed" (a named person beside a death word)."""
    if not (kind + ".after" in hits or kind + ".before" in hits):
        return None
    named = kind == "fatalities" and any(e.label == "PER" for e in view.entities)  # "X was shot dead"
    if f"{kind}.single" in hits or named:
        return QuantityValue(1, "exact")
    return None


def found_in_sentence(lexicon: EventLexicon, view: SentenceView) -> list[_Found]:
    """Event mentions (without ids) of one sentence, before the document-level merge."""
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


def events_of_sentence(lexicon: EventLexicon, view: SentenceView) -> list[EventMention]:
    """Event mentions (without ids) of one sentence."""
    return merge_document(found_in_sentence(lexicon, view))


def refine_from_next(lexicon: EventLexicon, found: list[_Found], view: SentenceView) -> None:
    """Refine the not yet refined events of a sentence with the cues of the next one, when that one
    names no event itself ("Thousands protested. Police used tear gas.")."""
    pending = [item for item in found if not item.candidate.refined]
    if not pending or not lexicon.refine_cues.could_match(view.text):
        return
    hits = lexicon.refine_cues.scan(view.tokens)
    for item in pending:
        _refine(lexicon, item.candidate, hits, len(view.tokens), own=False)
        item.event.type, item.event.subtype = item.candidate.type, item.candidate.subtype


# --------------------------------------------------------------------------- one event, several mentions


def _host(kept: list[_Found], item: _Found, window: int) -> _Found | None:
    """The earlier event that ``item`` is another mention (or a part) of, if any.

    An arrest at a protest or looting during a raid joins that event (``JOINS``). A later sentence's
    trigger joins the last earlier event of the same sub-type, or, when it is weak ("killed") or an
    anaphor of low rank that may name it ("the attack"), the last earlier event; in both cases only
    an event mentioned at most ``window`` sentences back, and not a generic one ("Aanslagen zijn er
    dagelijkse kost") unless the mention is generic too.
    """
    event = item.event
    taking = _taking_of(kept, event)
    if taking is not None:
        return taking
    joins = JOINS.get(event.subtype)
    if joins:
        for other in reversed(kept):
            if other.event.type in joins[0] and event.sentence - other.last <= window:
                return other
    earlier = [
        k
        for k in kept
        if k.event.sentence < event.sentence
        and event.sentence - k.last <= window
        and (k.event.modality != "generic" or event.modality == "generic")  # many occurrences are not this one
        and (event.modality not in UNREAL or k.event.modality == event.modality)  # "a plot to kill" is not the strike
    ]
    if not earlier:
        return None
    for other in reversed(earlier):
        if other.event.subtype == event.subtype:
            return other
    if item.candidate.rule.rank <= PEOPLE_RANK:  # "Duizenden gingen de straat op. ... 43 betogers opgepakt"
        return next((other for other in reversed(earlier) if other.event.type == event.type), None)
    last = earlier[-1]
    if item.rank <= 0 or (item.anaphoric and item.rank <= SPECIFIC and _may_refer(event, last.event)):
        return last
    return None


def _taking_of(kept: list[_Found], event: EventMention) -> _Found | None:
    """The town taken or retaken, in this sentence or the one before, that fighting or a retreat belongs to."""
    if event.subtype not in PART_OF_TAKING or not kept:
        return None
    last = kept[-1]
    close = 0 <= event.sentence - last.last <= 1 and last.event.modality == event.modality
    return last if close and last.event.subtype in TERRITORY_TAKEN else None


def _may_refer(mention: EventMention, host: EventMention) -> bool:
    """Can an anaphor ("the attack", "de betogingen") name ``host``: one of its type, or any act of
    violence for a violent one ("De Taliban hebben de aanslag opgeëist" after a car bomb)?"""
    return mention.type == host.type or (mention.type in VIOLENT and host.type in VIOLENT)


def _join(host: EventMention, other: EventMention) -> None:
    """Add the arguments of another mention to the event it names."""
    upgrade = JOINS.get(other.subtype)
    if upgrade:
        host.subtype = upgrade[1].get(host.subtype, host.subtype)
    host.fatalities = host.fatalities or other.fatalities
    host.injured = host.injured or other.injured
    host.place = host.place or other.place
    host.time = host.time or other.time
    host.actors.extend(a for a in other.actors if a not in host.actors and a not in host.targets)
    host.targets.extend(t for t in other.targets if t not in host.targets and t not in host.actors)


def merge_document(found: list[_Found], window: int = 2) -> list[EventMention]:
    """One event per occurrence: later mentions of an event add their arguments to its first mention."""
    kept: list[_Found] = []
    for item in found:
        host = _host(kept, item, window)
        if host is None:
            kept.append(item)
        else:
            if item.candidate.rule.rank <= PEOPLE_RANK and item.event.type == host.event.type and not host.refined and item.refined:
                host.event.subtype = item.event.subtype  # "... de straat op. De oproerpolitie zette waterkanonnen in"
            _join(host.event, item.event)
            host.last = item.event.sentence
    return [k.event for k in kept]


# --------------------------------------------------------------------------- the stage


class EventsStage:
    """Finds event mentions with the trigger lexicon of the document's language."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._lexicons: dict[str, EventLexicon] = {}
        self._unnamed: dict[str, UnnamedRoles] = {}
        self._nationalities: dict[str, dict[str, str]] = {}

    def lexicon(self, code: str) -> EventLexicon:
        if code not in self._lexicons:
            self._lexicons[code] = load_event_lexicon(self.resources.lang_data(code).section("events"))
        return self._lexicons[code]

    def __call__(self, doc: Document) -> None:
        lexicon = self.lexicon(doc.lang)
        found: list[_Found] = []
        previous: list[_Found] = []
        for view in sentence_views(doc):
            items = found_in_sentence(lexicon, view)
            if previous and not items:
                refine_from_next(lexicon, previous, view)
            found.extend(items)
            previous = items
        events = merge_document(found, lexicon.merge_window)
        for number, event in enumerate(events, start=1):
            event.id = f"ev{number}"
        doc.events = events
        add_earlier_places(doc)
        add_air_forces(doc, self.nationalities(doc.lang), self.country_names)
        add_unnamed_roles(doc, self.unnamed(doc.lang), self.country_names)

    def nationalities(self, code: str) -> dict[str, str]:
        """Nationality words of language ``code`` and their countries ("Russische" -> RU)."""
        if code not in self._nationalities:
            from .places import load_cues

            self._nationalities[code] = dict(load_cues(self.resources, code).nationalities)
        return self._nationalities[code]

    def unnamed(self, code: str) -> UnnamedRoles:
        if code not in self._unnamed:
            self._unnamed[code] = UnnamedRoles.from_section(self.resources.lang_data(code).section("events"))
        return self._unnamed[code]

    def country_names(self, code: str) -> tuple[str, str]:
        """A country's English name alone ("United States") and after "of" ("the United States")."""
        from .actors import actor_country_names, definite_countries
        from .places import load_gazetteer

        return actor_country_names(load_gazetteer().country(code), definite_countries())


@register_stage(STAGE_NAME, "event mentions from trigger words (ACLED types), with arguments from the same sentence")
def make_stage(resources: Resources) -> EventsStage:
    return EventsStage(resources)
