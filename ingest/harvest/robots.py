"""robots.txt rules for one site, read with the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser


@dataclass(frozen=True)
class RobotsRules:
    """Whether our User-Agent may fetch a URL, and how long to wait between requests."""

    user_agent: str
    parser: RobotFileParser | None
    crawl_delay: float | None = None
    deny_reason: str | None = None

    @classmethod
    def allow_all(cls, user_agent: str) -> "RobotsRules":
        """No robots.txt: everything may be fetched."""
        return cls(user_agent, None)

    @classmethod
    def deny_all(cls, user_agent: str, reason: str) -> "RobotsRules":
        """robots.txt could not be read: nothing may be fetched."""
        return cls(user_agent, None, deny_reason=reason)

    def allows(self, url: str) -> bool:
        """True when robots.txt lets our User-Agent fetch ``url``."""
        if self.deny_reason is not None:
            return False
        return self.parser is None or self.parser.can_fetch(self.user_agent, url)


def parse_robots(text: str, user_agent: str) -> RobotsRules:
    """Rules from the text of a robots.txt file."""
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    delay = parser.crawl_delay(user_agent)
    return RobotsRules(user_agent, parser, float(delay) if delay is not None else None)
