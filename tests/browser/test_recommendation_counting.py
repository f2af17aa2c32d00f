"""A reader in Chromium scrolls to "You may also like": one impression per slot is counted;
clicks a card: lands on the article and the click is counted. With Do Not Track (the header,
or navigator.doNotTrack / globalPrivacyControl in the page) or as a crawler, nothing is
counted. No console error and no Content Security Policy violation on the way."""

import pytest

from recommendations.models import RelatedLink, SlotDay
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
# Runs before the page's own scripts, outside the policy's reach (Playwright injects it).
WATCH = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__problems.push(`CSP ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""
OPTED_OUT_IN_THE_PAGE = """
Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" });
Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true });
"""
# Two frames: the IntersectionObserver has had its say about what is on screen now.
SETTLE = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture
def source():
    SiteSettings.current()
    body = "".join(f"<p>Paragraph {n} of a long review, to scroll past.</p>" for n in range(60))
    source = ArticleFactory(title="The source", body=body)
    for n in range(3):
        RelatedLink.objects.create(
            source=source, target=ArticleFactory(title=f"Target {n + 1}"), score=3 - n
        )
    return source


class Reader:
    """A browser context of its own, with what its pages sent to /r/ and what went wrong."""

    def __init__(self, browser, live_server, **options):
        self.context = browser.new_context(viewport={"width": 1280, "height": 720}, **options)
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.page.add_init_script(WATCH)
        self.live_server = live_server
        self.beacons, self.problems = [], []
        self.page.on("request", self._sent)
        self.page.on("console", self._logged)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on(
            "response",
            lambda response: (
                response.status >= 400 and self.problems.append(f"{response.status} {response.url}")
            ),
        )

    def _logged(self, message):
        where = message.location.get("url", "")
        # The site has no favicon (yet): the browser's own request for one is not the page's.
        if message.type == "error" and not where.endswith("/favicon.ico"):
            self.problems.append(f"{message.text} at {where}")

    def _sent(self, request):
        if request.url.endswith("/r/seen/"):
            self.beacons.append(request)

    def open(self, article):
        response = self.page.goto(f"{self.live_server.url}{article.get_absolute_url()}")
        assert response.status == 200
        self.settle()

    def settle(self):
        self.page.evaluate(SETTLE)
        self.page.wait_for_load_state("networkidle")

    def scroll_to_block(self, *, beacon_expected: bool):
        block = self.page.locator("section.related")
        if beacon_expected:
            with self.page.expect_response(lambda r: r.url.endswith("/r/seen/")) as answer:
                block.scroll_into_view_if_needed()
            assert answer.value.status == 204
        else:
            block.scroll_into_view_if_needed()
        self.settle()

    def click_first_card(self, target):
        self.page.locator("section.related a.card__link").first.click()
        self.page.wait_for_url(f"{self.live_server.url}{target.get_absolute_url()}")
        assert self.page.locator("h1").first.inner_text() == target.title
        self.settle()

    def all_problems(self):
        return [*self.problems, *self.page.evaluate("window.__problems")]

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, live_server):
    opened = []

    def make(**options):
        opened.append(Reader(browser, live_server, **options))
        return opened[-1]

    yield make
    for each in opened:
        each.close()


def first_target(source):
    return RelatedLink.objects.filter(source=source).order_by("-score").first().target


def test_a_reader_is_counted_once_per_slot_seen_and_per_click(reader, source):
    you = reader()
    you.open(source)
    assert you.beacons == [] and not SlotDay.objects.exists(), "sent before it was seen"

    you.scroll_to_block(beacon_expected=True)
    rows = SlotDay.objects.order_by("position").values_list("position", "impressions", "clicks")
    assert list(rows) == [(1, 1, 0), (2, 1, 0), (3, 1, 0)]

    you.page.evaluate("window.scrollTo(0, 0)")
    you.settle()
    you.scroll_to_block(beacon_expected=False)  # seen again, same page view: not sent again
    assert len(you.beacons) == 1

    target = first_target(source)
    you.click_first_card(target)
    rows = SlotDay.objects.order_by("position").values_list("position", "impressions", "clicks")
    assert list(rows) == [(1, 1, 1), (2, 1, 0), (3, 1, 0)]
    assert SlotDay.objects.get(position=1).target_id == target.pk
    assert you.all_problems() == []


def test_do_not_track_sent_by_the_browser_is_honoured(reader, source):
    you = reader(extra_http_headers={"DNT": "1"})
    you.open(source)
    you.scroll_to_block(beacon_expected=True)  # the page does not know: the server does
    you.click_first_card(first_target(source))
    assert not SlotDay.objects.exists()
    assert you.all_problems() == []


def test_do_not_track_and_gpc_in_the_page_send_no_beacon(reader, source):
    you = reader()
    you.page.add_init_script(OPTED_OUT_IN_THE_PAGE)
    you.open(source)
    assert you.page.evaluate("navigator.doNotTrack") == "1"
    you.scroll_to_block(beacon_expected=False)
    assert you.beacons == []
    assert not SlotDay.objects.exists()
    assert you.all_problems() == []


def test_a_crawler_is_not_counted(reader, source):
    bot = reader(user_agent=GOOGLEBOT)
    bot.open(source)
    bot.scroll_to_block(beacon_expected=True)  # it runs the script; the server ignores it
    bot.click_first_card(first_target(source))
    assert not SlotDay.objects.exists()
    assert bot.all_problems() == []
