"""The polite client against the loopback site: robots.txt, delay, retries, conditional requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.harvest import FetchFailed, HarvestPolicy, PoliteClient, RobotsRefused
from ingest.harvest.client import Validators
from tests.harvest.site import PAPER_PATH, STALL, FakeModernGov

UA = "council-kg-tests/1.0 (tests@example.org)"


@pytest.fixture()
def bare_site() -> Iterator[FakeModernGov]:
    """A site with one paper and a robots.txt that keeps us out of /private/."""
    with FakeModernGov() as site:
        site.put("/robots.txt", None, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        site.put_paper("1", b"%PDF-1.4 one")
        site.put("/private/minutes.pdf", None, b"%PDF-1.4 secret", "application/pdf")
        yield site


class FakeTime:
    """A clock that only moves when slept on, recording the sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def client(fake: FakeTime | None = None, **policy: float) -> PoliteClient:
    fake = fake or FakeTime()
    options = {"delay": 0.0, "timeout": 0.5, "retries": 2, "backoff": 0.5, "max_backoff": 10.0} | policy
    return PoliteClient(HarvestPolicy(UA, **options), sleep=fake.sleep, clock=fake.clock)  # type: ignore[arg-type]


def test_robots_disallow_is_respected_and_crawl_delay_kept(bare_site: FakeModernGov) -> None:
    bare_site.put("/robots.txt", None, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n", "text/plain")
    fake = FakeTime()
    polite = client(fake, delay=1.0)
    polite.get(bare_site.paper_url("1"))
    with pytest.raises(RobotsRefused, match="robots.txt"):
        polite.get(f"{bare_site.url}/private/minutes.pdf")
    polite.get(bare_site.paper_url("1"))
    assert not bare_site.hits("/private/minutes.pdf")
    assert len(bare_site.hits("/robots.txt")) == 1
    # Crawl-delay (2 s) is longer than our delay (1 s), so it wins between requests.
    assert fake.sleeps == [2.0, 2.0]  # after robots.txt, after the first paper


def test_missing_robots_allows_and_failing_robots_forbids() -> None:
    with FakeModernGov() as site:
        site.put_paper("1", b"%PDF-1.4 one")
        assert client().get(site.paper_url("1")).status == 200  # robots.txt 404: no rules
        site.put("/robots.txt", None, b"", "text/plain")
        site.fail("/robots.txt", None, [503] * 3)
        with pytest.raises(RobotsRefused, match="robots.txt could not be read"):
            client().get(site.paper_url("1"))
        assert not site.hits(PAPER_PATH, status=503)


def test_retries_back_off_then_give_up_with_the_status(bare_site: FakeModernGov) -> None:
    fake = FakeTime()
    bare_site.fail(PAPER_PATH, {"ID": "1"}, [503, 502])
    response = client(fake).get(bare_site.paper_url("1"))
    assert response.status == 200 and response.attempts == 3
    assert fake.sleeps == [0.5, 1.0]
    bare_site.fail(PAPER_PATH, {"ID": "1"}, [500, 500, 500])
    with pytest.raises(FetchFailed) as caught:
        client().get(bare_site.paper_url("1"))
    assert caught.value.status == 500 and "after 3 attempts" in caught.value.reason


def test_a_stalled_answer_is_a_timeout_and_retried(bare_site: FakeModernGov) -> None:
    bare_site.fail(PAPER_PATH, {"ID": "1"}, [STALL])
    response = client(timeout=0.3).get(bare_site.paper_url("1"))
    assert response.attempts == 2 and response.body == b"%PDF-1.4 one"


def test_client_errors_are_not_retried(bare_site: FakeModernGov) -> None:
    with pytest.raises(FetchFailed, match="HTTP 404"):
        client().get(f"{bare_site.url}/mgConvert2PDF.aspx?ID=404")
    assert len(bare_site.hits(PAPER_PATH, {"ID": "404"})) == 1


def test_conditional_request_answers_not_modified(bare_site: FakeModernGov) -> None:
    polite = client()
    first = polite.get(bare_site.paper_url("1"))
    assert first.validators.etag and first.validators.last_modified
    again = polite.get(bare_site.paper_url("1"), first.validators)
    assert again.not_modified and again.body == b""
    by_date = polite.get(bare_site.paper_url("1"), Validators(last_modified=first.validators.last_modified))
    assert by_date.not_modified
    assert (polite.requests, polite.downloads) == (4, 1)  # robots.txt, then three for the paper
    assert {h.user_agent for h in bare_site.log} == {UA}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x.pdf"])
def test_only_http_is_spoken(url: str) -> None:
    with pytest.raises(FetchFailed, match="only http and https"):
        client().get(url)


def test_oversized_answer_fails(bare_site: FakeModernGov) -> None:
    bare_site.put_paper("big", b"%PDF-1.4 " + b"x" * 200_000)
    with pytest.raises(FetchFailed, match="larger than"):
        PoliteClient(HarvestPolicy(UA, delay=0.0, max_bytes=100_000)).get(bare_site.paper_url("big"))
