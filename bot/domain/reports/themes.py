"""Systemic themes: words or categories that recur across different people in a period.

The rule, simple enough to explain in one sentence to the people it summarises: a word of four
letters or more, not on the stop-word list, becomes a theme when answers from at least three
different people use it; a category becomes a theme when three or more people chose it. A
person repeating a word in many answers counts once, so one loud voice is not a system.

People are opaque keys. An anonymous answer has no author, so the caller gives it a key of its
own (e.g. "anon:<answer id>"): anonymous answers then never merge with each other or with named
ones. That can overcount when one person answers anonymously several times in a period, which we
accept: the alternative, guessing who wrote what, is exactly what anonymity forbids. The caller
passes anonymous answers only when the period reached its anonymity minimum (see anonymity.py).

Words are folded to lower case and a trailing plural "s" is dropped ("delays" and "delay" are one
theme); that is the only stemming, so the rule stays predictable. A "word" longer than 40 letters
is a typo or a pasted code, not something people share, and is left out.

`answer_words` is the one word rule: the check-in services store each answer's words with it, and
the digest counts them in SQL (the same rule as `find_themes`, which stays as its specification).
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MIN_PEOPLE = 3
MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 40  # models.reports.AnswerWord.word has room for this many
_NOT_PLURAL = ("ss", "us", "is")  # "process", "status", "analysis" are not plurals
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_STOP_WORDS_TEXT = """
    about above after again against also always because been before being below between both
    cannot could does doing down during each even every from further have having here into just
    like made make many more most much must need needs never only other ought over really same
    shall should some such than that their theirs them then there these they thing things this
    those through till under until very want were what when where which while will with would
    your yours very still well each able across almost already although among another anyone
    anything around away back better come customer customers dont didnt doesnt going good great
    know little lot lots maybe people said says seem sometimes take thank thanks time times today
    went week weeks year years yes
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


@dataclass(frozen=True)
class ThemeAnswer:
    person_key: str
    text: str = ""
    category: str | None = None


@dataclass(frozen=True)
class Theme:
    label: str
    is_category: bool
    people: int


def theme_words(text: str) -> set[str]:
    words = set()
    for raw in _WORD.findall(text.lower()):
        word = raw.replace("’", "'").split("'")[0]
        if len(word) > MIN_WORD_LENGTH and word.endswith("s") and not word.endswith(_NOT_PLURAL):
            word = word[:-1]
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and word not in STOP_WORDS:
            words.add(word)
    return words


def answer_words(expectations: str | None, obstacles: str | None) -> set[str]:
    """The theme words of one answer's two texts."""
    return theme_words(f"{expectations or ''} {obstacles or ''}")


def sort_themes(themes: Iterable[Theme]) -> list[Theme]:
    """Most widely shared first, categories before words on a tie, then alphabetically."""
    return sorted(themes, key=lambda t: (-t.people, not t.is_category, t.label))


def find_themes(answers: Iterable[ThemeAnswer], min_people: int = MIN_PEOPLE) -> list[Theme]:
    """Themes, most widely shared first (categories before words on a tie), then alphabetically.

    Streams its input: memory grows with distinct (word, person) pairs, not with answers.
    """
    word_people: dict[str, set[str]] = defaultdict(set)
    category_people: dict[str, set[str]] = defaultdict(set)
    for answer in answers:
        for word in theme_words(answer.text):
            word_people[word].add(answer.person_key)
        if answer.category:
            category_people[answer.category].add(answer.person_key)
    themes = [Theme(c, True, len(p)) for c, p in category_people.items() if len(p) >= min_people]
    themes += [Theme(w, False, len(p)) for w, p in word_people.items() if len(p) >= min_people]
    return sort_themes(themes)
