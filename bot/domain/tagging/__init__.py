"""Title, lead, topic and county suggestion for press releases (DESIGN §5).

Everything here is pure: the only I/O is reading the packaged taxonomy (``bot/data/topics.toml``)
and gazetteer (``bot/data/counties.toml``), or a file the caller names. Matching always runs on the
folded search form (:func:`bot.domain.text.fold`), so Arabic letters, missing or extra half-spaces
and Latin or Persian digits all meet the same keyword.

Keywords and place names are matched as whole phrases of folded words, longest phrase first: at
each word the longest listed phrase that starts there wins and its words are consumed, so
«دانشگاه علوم پزشکی» counts for health and not also for education's «دانشگاه», and an attribution
such as «به گزارش روابط عمومی» is swallowed before «روابط عمومی» can count for public relations.
"""

from __future__ import annotations

from bot.domain.tagging.counties import county_scores, detect_county
from bot.domain.tagging.data import County, TaggingDataError, Topic, is_valid_hashtag, load_counties, load_topics
from bot.domain.tagging.headline import has_headline, lead, looks_like_release, split_title
from bot.domain.tagging.topics import suggest_topics, topic_scores

__all__ = [
    "County",
    "TaggingDataError",
    "Topic",
    "county_scores",
    "detect_county",
    "has_headline",
    "is_valid_hashtag",
    "lead",
    "load_counties",
    "load_topics",
    "looks_like_release",
    "split_title",
    "suggest_topics",
    "topic_scores",
]
