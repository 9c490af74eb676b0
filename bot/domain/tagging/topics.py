"""Topic suggestion: keyword hits weighted by strength, title and the agency's name."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.tagging.data import Topic
from bot.domain.tagging.phrases import _folded_words, _inflections, _PhraseIndex, _title_and_body, spellings

KEYWORD_WEIGHT = 1.0
STRONG_KEYWORD_WEIGHT = 3.0
# A keyword in the title counts this many times its weight. The title is scored apart from the
# body (a copy of it at the start of the text is skipped), and headlines say what a release is about.
TITLE_WEIGHT = 3.0
# The agency's name is a hint, not a verdict (a governorate also opens libraries, a medical
# university also holds sports days). Its beat (the topic of the first keyword in the name) gets
# this bonus, and the beat of any later keyword half of it, only when the text confirms that topic
# (it scores at least MIN_TOPIC_SCORE there on its own) or when the text says clearly what it is
# about nowhere (no topic reaches CLEAR_TEXT_SCORE, one strong keyword in the title). The agency
# naming itself in the text («به گزارش روابط عمومی استانداری», «در سالن فرمانداری») is the same
# hint again, not evidence: the keywords of its name do not count in the text.
ORG_HINT_BONUS = 8.0
CLEAR_TEXT_SCORE = STRONG_KEYWORD_WEIGHT * TITLE_WEIGHT
# Topics scoring below this share of the best topic, or below the absolute minimum, are dropped;
# except a secondary topic with broad evidence (SECONDARY_KEYWORDS different keywords or more),
# which is kept down to SECONDARY_FLOOR of the best: an editor files a second beat when a release
# says several things about it (a flood that cut roads and broke bridges is also infrastructure),
# not when it repeats one word.
# The broad evidence must include a strong keyword: generic project words («احداث»، «بهره‌برداری»)
# come with every beat's construction news and do not make it infrastructure.
RELATIVE_FLOOR = 0.4
SECONDARY_FLOOR = 0.3
SECONDARY_KEYWORDS = 3
MIN_TOPIC_SCORE = 2.0
# Beats an editor files together: customs figures are border and economy news, a greenhouse is
# agriculture and economy, a hospital's care for the poor is health and welfare, a restored castle
# is tourism and culture, a nature camp tourism and environment, a PR week governance too, and
# forests and pastures belong to the ministry of agriculture; building schools is education and
# infrastructure, visitors' spending and investment in lodges tourism and economy, and the road
# accidents and fires the police report security and crisis (the «حوادث» page), and jobs for the
# families a relief agency supports welfare and economy. A topic paired with the best one is
# kept whatever its share of the best when the text holds COMPANION_KEYWORDS different keywords of it
# worth COMPANION_MIN_SCORE together (one strong keyword's worth: two passing words on water use do
# not make a greenhouse release environmental).
AFFINE_TOPICS = frozenset(
    frozenset(pair)
    for pair in (
        ("border", "economy"),
        ("agriculture", "economy"),
        ("health", "welfare"),
        ("tourism", "culture"),
        ("tourism", "environment"),
        ("public_relations", "governance"),
        ("environment", "agriculture"),
        ("education", "infrastructure"),
        ("tourism", "economy"),
        ("security", "crisis"),
        ("welfare", "economy"),
    )
)
COMPANION_KEYWORDS = 2
COMPANION_MIN_SCORE = STRONG_KEYWORD_WEIGHT

# Attribution and reporting boilerplate: matched (and so consumed) but scoring for no topic, so
# that public_relations is suggested only when a release is about PR and the media.
_BOILERPLATE = (
    "به گزارش روابط عمومی",
    "به گزارش اداره روابط عمومی",
    "به گزارش اداره کل روابط عمومی",
    "به گزارش واحد روابط عمومی",
    "به گزارش روابط عمومی و امور بین الملل",
    "به گزارش روابط عمومی و اطلاع رسانی",
    "به نقل از روابط عمومی",
    "به گزارش پایگاه اطلاع رسانی",
    "به گزارش پایگاه خبری",
    "به گزارش خبرنگار",
    "به گزارش خبرگزاری",
    "شبکه اطلاع رسانی روابط عمومی ایران",
    "شارا",
    "مدیر روابط عمومی",
    "مدیرکل روابط عمومی",
    "مدیر کل روابط عمومی",
    "سرپرست روابط عمومی",
    "رئیس روابط عمومی",
    "مسئول روابط عمومی",
    "کارشناس روابط عمومی",
    "اداره روابط عمومی",
    "اداره کل روابط عمومی",
    "واحد روابط عمومی",
    "روابط عمومی و امور بین الملل",
    "روابط عمومی و اطلاع رسانی",
    "در جمع خبرنگاران",
    "در جمع اصحاب رسانه",
    "در گفت و گو با خبرنگار",
    "در گفتگو با خبرنگار",
    "در نشست خبری",
    "در اختیار رسانه ها",
)


@dataclass(frozen=True, slots=True)
class _KeywordHit:
    topic: int  # index into the topic tuple; -1 for boilerplate
    keyword: int  # one id per keyword as written, shared by all its spellings and inflections
    weight: float


@lru_cache(maxsize=8)
def _topic_index(topics: tuple[Topic, ...]) -> _PhraseIndex[tuple[_KeywordHit, ...]]:
    """Compile a taxonomy once: every spelling and inflection of every keyword, plus boilerplate."""
    explicit: dict[tuple[str, ...], list[_KeywordHit]] = {}
    inflected: dict[tuple[str, ...], list[_KeywordHit]] = {}
    keyword_id = 0
    for topic_number, topic in enumerate(topics):
        weighted = [(kw, KEYWORD_WEIGHT) for kw in topic.keywords]
        weighted += [(kw, STRONG_KEYWORD_WEIGHT) for kw in topic.strong_keywords]
        for keyword, weight in weighted:
            hit = _KeywordHit(topic_number, keyword_id, weight)
            keyword_id += 1
            for spelling in spellings(keyword):
                _add_hit(explicit, tuple(spelling.split()), hit)
                for form in _inflections(spelling):
                    _add_hit(inflected, tuple(form.split()), hit)
    for phrase in _BOILERPLATE:
        neutral = _KeywordHit(-1, -1, 0.0)
        for spelling in spellings(phrase):
            explicit[tuple(spelling.split())] = [neutral]  # boilerplate overrides any keyword
    # A phrase written out in the taxonomy beats a generated inflection of another keyword that
    # happens to spell the same (an admin's new keyword must not be shadowed by a guessed plural).
    merged = {words: tuple(hits) for words, hits in inflected.items()}
    merged.update({words: tuple(hits) for words, hits in explicit.items()})
    return _PhraseIndex(merged)


def _add_hit(table: dict[tuple[str, ...], list[_KeywordHit]], words: tuple[str, ...], hit: _KeywordHit) -> None:
    hits = table.setdefault(words, [])
    if all(existing.keyword != hit.keyword for existing in hits):
        hits.append(hit)


def _keyword_counts(
    text: str, index: _PhraseIndex[tuple[_KeywordHit, ...]], *, skip: frozenset[int] = frozenset()
) -> dict[_KeywordHit, int]:
    """How often each keyword occurs in ``text``, boilerplate and the keywords in ``skip`` left out."""
    counts: dict[_KeywordHit, int] = {}
    for _start, _length, hits in index.scan(_folded_words(text)):
        for hit in hits:
            if hit.topic >= 0 and hit.keyword not in skip:
                counts[hit] = counts.get(hit, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class _Scores:
    totals: list[float]  # by topic number, the agency's hint included
    keywords: list[int]  # by topic number, how many different keywords the text holds
    strong: list[bool]  # by topic number, whether one of them is a strong keyword


def _score(text: str, topic_tuple: tuple[Topic, ...], org_name: str | None, title: str | None) -> _Scores:
    index = _topic_index(topic_tuple)
    title_text, body = _title_and_body(text, title)
    org_hits = _keyword_counts(org_name, index) if org_name else {}
    own_name = frozenset(hit.keyword for hit in org_hits)
    totals = [0.0] * len(topic_tuple)
    found: list[set[int]] = [set() for _ in topic_tuple]
    strong = [False] * len(topic_tuple)
    for hit, occurrences in _keyword_counts(body, index, skip=own_name).items():
        totals[hit.topic] += hit.weight * (1.0 + math.log2(occurrences))
        found[hit.topic].add(hit.keyword)
        strong[hit.topic] |= hit.weight > KEYWORD_WEIGHT
    for hit in _keyword_counts(title_text, index, skip=own_name):
        totals[hit.topic] += hit.weight * TITLE_WEIGHT
        found[hit.topic].add(hit.keyword)
        strong[hit.topic] |= hit.weight > KEYWORD_WEIGHT
    clear_text = max(totals, default=0.0) >= CLEAR_TEXT_SCORE
    # In «اداره کل مدیریت بحران استانداری ایلام» the unit named first is the organization itself
    # and the later one its parent: the first topic found gets the full hint.
    for rank, topic_number in enumerate(dict.fromkeys(hit.topic for hit in org_hits)):
        if totals[topic_number] >= MIN_TOPIC_SCORE or not clear_text:
            totals[topic_number] += ORG_HINT_BONUS if rank == 0 else ORG_HINT_BONUS / 2
    return _Scores(totals, [len(keywords) for keywords in found], strong)


def topic_scores(
    text: str,
    topics: Sequence[Topic],
    *,
    org_name: str | None = None,
    title: str | None = None,
) -> dict[str, float]:
    """Score every topic for a release; the numbers behind :func:`suggest_topics`.

    For each keyword found in the body, its weight (1, or 3 for a strong keyword) times
    ``1 + log2(occurrences)``, so that a phrase repeated through a long release (or a paragraph
    pasted twice) does not drown everything else; for each keyword in the title, its weight times
    :data:`TITLE_WEIGHT`. The keywords of the organization's own name do not count in the text;
    the name gives :data:`ORG_HINT_BONUS` to the topic whose keyword comes first in it (half of it
    to any other topic found there) when the text confirms that topic or is about nothing clearly
    (see :data:`CLEAR_TEXT_SCORE`). Topics that score nothing are left out.
    """
    topic_tuple = tuple(topics)
    totals = _score(text, topic_tuple, org_name, title).totals
    return {topic.slug: round(total, 3) for topic, total in zip(topic_tuple, totals, strict=True) if total > 0}


def suggest_topics(
    text: str,
    topics: Sequence[Topic],
    *,
    org_name: str | None = None,
    title: str | None = None,
    limit: int = 3,
) -> list[str]:
    """Suggest up to ``limit`` topic slugs for a release, best first.

    ``text`` may be the display text or the raw text (it is folded here); when ``title`` is None
    the title is taken with :func:`split_title`, and a copy of the title at the start of ``text``
    is not counted twice. Scoring is :func:`topic_scores`; a topic is kept when it reaches
    :data:`MIN_TOPIC_SCORE` and :data:`RELATIVE_FLOOR` of the best score, or, with at least
    :data:`SECONDARY_KEYWORDS` different keywords, :data:`SECONDARY_FLOOR` of it. A release clearly
    on one beat gets one topic rather than three; one that is also about a second beat, at length,
    gets both.
    """
    topic_tuple = tuple(topics)
    scored = _score(text, topic_tuple, org_name, title)
    if limit <= 0 or max(scored.totals, default=0.0) <= 0:
        return []
    best = max(scored.totals)
    leader = topic_tuple[scored.totals.index(best)].slug
    floor = max(MIN_TOPIC_SCORE, RELATIVE_FLOOR * best)
    secondary_floor = max(MIN_TOPIC_SCORE, SECONDARY_FLOOR * best)

    def kept(number: int) -> bool:
        score, keywords = scored.totals[number], scored.keywords[number]
        if score >= floor:
            return True
        if score >= secondary_floor and keywords >= SECONDARY_KEYWORDS and scored.strong[number]:
            return True
        companion = frozenset((leader, topic_tuple[number].slug)) in AFFINE_TOPICS
        return companion and score >= COMPANION_MIN_SCORE and keywords >= COMPANION_KEYWORDS

    chosen = [number for number in range(len(topic_tuple)) if kept(number)]
    chosen.sort(key=lambda number: (-round(scored.totals[number], 3), number))
    return [topic_tuple[number].slug for number in chosen[:limit]]
