"""From an officer's raw text to everything stored and shown: the release text pipeline (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.dedupe import fingerprint
from bot.domain.tagging import County, Topic, detect_county, split_title, suggest_topics
from bot.domain.text import PersianNormalizer, fold


@dataclass(frozen=True, slots=True)
class PreparedRelease:
    """The display, search and tagging forms of one release text."""

    raw_text: str
    title: str
    body: str
    search_text: str
    topics: tuple[str, ...]
    county: str | None
    fingerprint: int


class ReleasePipeline:
    """Normalizes, splits, folds, tags and fingerprints release texts; built once at start-up."""

    def __init__(self, normalizer: PersianNormalizer, topics: Sequence[Topic], counties: Sequence[County]) -> None:
        self.normalizer = normalizer
        self.topics = tuple(topics)
        self.counties = tuple(counties)

    def with_topics(self, topics: Sequence[Topic]) -> ReleasePipeline:
        """The same pipeline over an edited taxonomy."""
        return ReleasePipeline(self.normalizer, topics, self.counties)

    def prepare(self, raw_text: str, *, org_name: str | None = None, org_county: str | None = None) -> PreparedRelease:
        """Run the whole pipeline on one release text, as for an officer of the agency named.

        ``org_name`` (the publishing agency's name) is a hint for the topics and the county;
        ``org_county`` (the county an admin gave the agency) is the county when the text places the
        release in none. The desk and ``python -m bot preview --org`` both tag through here.
        """
        display = self.normalizer.normalize(raw_text)
        title, body = split_title(display)
        search_text = fold(f"{title}\n{body}")
        topics = suggest_topics(display, self.topics, org_name=org_name, title=title)
        county = detect_county(display, self.counties, org_name=org_name, title=title) or org_county
        return PreparedRelease(
            raw_text=raw_text,
            title=title,
            body=body,
            search_text=search_text,
            topics=tuple(topics),
            county=county,
            fingerprint=fingerprint(f"{title}\n{body}"),
        )
