"""Reading one measurable objective out of a sentence: "Raise CSAT from 78 to 85 per week"."""

from dataclasses import dataclass

from bot.domain.drafts import ObjectiveDraft
from bot.domain.numbers import Quantity, parse_quantity
from bot.domain.smart import VAGUE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """ "sell:sold ship:shipped" → {"sell": "sold", "ship": "shipped"}."""
    return dict(pair.split(":", 1) for pair in text.split())


CHANGE_VERBS = _words(
    "raise grow increase boost lift improve reduce cut lower decrease drop reach hit get keep bring push "
    "drive shrink maintain hold move achieve double halve"
)
# Verbs that name a level to stay at, so "keep churn below 2%" has a target after "below".
_HOLD_VERBS = frozenset({"keep", "maintain", "hold"})
_HOLD_WORDS = frozenset({"at", "below", "under", "above", "over"})
# Verbs whose object is the number itself: "reach 1200 orders".
_LEVEL_VERBS = frozenset({"reach", "hit", "achieve"})
_PERIODS = frozenset({"day", "week", "month", "quarter", "year", "shift", "person", "customer", "store"})
# Words that can follow a target number without being its unit.
_NOT_UNITS = _words(
    "a an and at before but by during each every for from in of on or over per so the then this to under "
    "until while with within across next"
)
# Verbs that do what is counted: "Sell more widgets" measures "widgets sold", not the sentence.
_DOING_VERBS = _pairs(
    "sell:sold ship:shipped sign:signed close:closed answer:answered resolve:resolved "
    "publish:published hire:hired win:won onboard:onboarded book:booked train:trained "
    "serve:served handle:handled deliver:delivered complete:completed launch:launched "
    "recruit:recruited make:made produce:produced write:written send:sent fix:fixed "
    "visit:visited call:called process:processed collect:collected release:released "
    "run:run open:opened convert:converted renew:renewed"
)
# "more widgets" counts widgets; the comparison is what the target says.
_COMPARATIVES = frozenset({"more", "fewer", "less"})
_DETERMINERS = frozenset({"our", "the", "my", "their", "your", "a", "an", "team", "team's"})
_MAX_METRIC_WORDS = 8
_PUNCTUATION = ",;:!?()[]\"'"


@dataclass(frozen=True)
class _Token:
    text: str
    word: str  # lower-case, punctuation stripped, for matching


def parse_objective(text: str) -> ObjectiveDraft | None:
    """The objective a clause describes, or None when it names no metric or number."""
    tokens = [_Token(raw.strip(_PUNCTUATION), raw.strip(_PUNCTUATION + ".").lower()) for raw in text.split()]
    tokens = [token for token in tokens if token.text]
    verb_at = next((i for i, token in enumerate(tokens) if token.word in CHANGE_VERBS), None)
    first = 0 if verb_at is None else verb_at + 1
    verb = None if verb_at is None else tokens[verb_at].word
    done = _DOING_VERBS.get(tokens[0].word) if verb_at is None and tokens else None
    if done is not None:
        first = 1

    # "Close 50 deals" names its number first, as "reach 1200 orders" does.
    target_at = _find_target(tokens, first, "reach" if done else verb)
    if target_at is not None and target_at == first:
        return _level_objective(tokens, target_at, done)
    if target_at is not None:
        target = _quantity(tokens[target_at])
        from_at = _find_from(tokens, first, target_at - 1)
        baseline = _quantity(tokens[from_at + 1]) if from_at is not None else None
        metric_end = from_at if from_at is not None else target_at - 1
        if verb_at is None and metric_end == first:
            return None
        return ObjectiveDraft(
            metric=_metric(tokens[first:metric_end], done),
            unit=_unit(tokens, target_at, target, baseline),
            baseline=None if baseline is None else baseline.value,
            target=None if target is None else target.value,
        )
    if verb_at is None:
        return None
    # "Increase retention by 10%" names the metric but not where it starts, so the
    # relative change cannot become a target; the SMART check asks for both numbers.
    metric_end = next((i for i in range(first, len(tokens)) if tokens[i].word in {"by", "from"}), len(tokens))
    metric = _metric(tokens[first:metric_end])
    return None if metric is None else ObjectiveDraft(metric=metric)


def _find_target(tokens: list[_Token], first: int, verb: str | None) -> int | None:
    if verb in _LEVEL_VERBS and first < len(tokens) and _quantity(tokens[first]):
        return first
    connectors = {"to"} | (_HOLD_WORDS if verb in _HOLD_VERBS else set())
    for i in range(first, len(tokens) - 1):
        if tokens[i].word in connectors and _quantity(tokens[i + 1]):
            return i + 1
    return None


def _find_from(tokens: list[_Token], first: int, end: int) -> int | None:
    for i in range(first, end - 1):
        if tokens[i].word == "from" and _quantity(tokens[i + 1]):
            return i
    return None


def _level_objective(tokens: list[_Token], target_at: int, done: str | None = None) -> ObjectiveDraft:
    target = _quantity(tokens[target_at])
    metric_words = []
    for token in tokens[target_at + 1 :]:
        if token.word in _NOT_UNITS:
            break
        metric_words.append(token)
    return ObjectiveDraft(
        metric=_metric(metric_words, done),
        unit=_unit(tokens, target_at + len(metric_words), target, None),
        target=None if target is None else target.value,
    )


def _quantity(token: _Token) -> Quantity | None:
    return parse_quantity(token.text.rstrip("."))


def _metric(tokens: list[_Token], done: str | None = None) -> str | None:
    """The metric's name; `done` ("sold") follows what the verb counts ("widgets sold")."""
    words = [token.text.rstrip(".") for token in tokens]
    while words and words[0].lower() in _DETERMINERS | _COMPARATIVES:
        words.pop(0)
    if not words or len(words) > _MAX_METRIC_WORDS:
        return None
    # A metric named only by vague words is not a metric yet: the SMART check should ask for one.
    if all(word.lower() in VAGUE_WORDS for word in words):
        return None
    return " ".join([*words, done] if done else words)


def _unit(
    tokens: list[_Token], target_at: int, target: Quantity | None, baseline: Quantity | None
) -> str | None:
    parts = []
    symbol = (target and target.unit) or (baseline and baseline.unit)
    if symbol:
        parts.append(symbol)
    rest = tokens[target_at + 1 :]
    if rest and rest[0].word.isalpha() and rest[0].word not in _NOT_UNITS and not symbol:
        parts.append(rest[0].text.rstrip("."))
        rest = rest[1:]
    if len(rest) >= 2 and rest[0].word == "per" and rest[1].word.rstrip("s") in _PERIODS:
        parts.append(f"per {rest[1].word}")
    return " ".join(parts) or None
