"""Who may be counted: readers' browsers (a headless Chromium included), never crawlers, HTTP
libraries, an empty User-Agent, prefetches and prerenders, or a reader who says Do Not Track or
Global Privacy Control."""

import pytest
from django.test import RequestFactory

from recommendations.counting.visitors import may_count
from tests.recommendations.counting.blocks import BROWSER

BROWSERS = {
    "chrome": BROWSER,
    "firefox": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 "
    "Firefox/133.0",
    "safari-iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
    "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "samsung": "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, "
    "like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "edge": BROWSER + " Edg/131.0.0.0",
    "facebook-app": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.44.109]",
    # What Playwright's Chromium sends: testers browse as readers this way.
    "headless-chrome": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/131.0.6778.33 Safari/537.36",
}

CRAWLERS = {
    "googlebot": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "googlebot-smartphone": "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 "
    "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "bingbot": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
    "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
    "gptbot": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
    "+https://openai.com/gptbot)",
    "yandex": "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "applebot": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
    "facebook": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "slack": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    # A crawler running a headless Chromium still names itself.
    "yext-headless": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/87.0.4280.88 YextBot/Java Safari/537.36",
}

PROGRAMS = {
    "empty": "",
    "blank": "   ",
    "curl": "curl/8.5.0",
    "wget": "Wget/1.21.4",
    "python-requests": "python-requests/2.32.3",
    "httpx": "python-httpx/0.28.1",
    "go": "Go-http-client/1.1",
    "okhttp": "okhttp/4.12.0",
    "java": "Java/17.0.2",
    "scrapy": "Scrapy/2.11.2 (+https://scrapy.org)",
    "deno": "Deno/1.40",  # unknown to the list: no browser starts like this
}


def request(user_agent=BROWSER, **headers):
    meta = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    if user_agent is not None:
        meta["HTTP_USER_AGENT"] = user_agent
    return RequestFactory().get("/r/seen/", **meta)


@pytest.mark.parametrize("agent", BROWSERS.values(), ids=BROWSERS.keys())
def test_readers_browsers_are_counted(agent):
    assert may_count(request(agent))


@pytest.mark.parametrize("agent", CRAWLERS.values(), ids=CRAWLERS.keys())
def test_crawlers_are_not_counted(agent):
    assert not may_count(request(agent))


@pytest.mark.parametrize("agent", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_http_libraries_and_an_empty_user_agent_are_not_counted(agent):
    assert not may_count(request(agent))


def test_no_user_agent_header_at_all_is_not_counted():
    assert not may_count(request(None))


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Sec-Purpose": "prefetch; anonymous-client-ip"},
        {"Purpose": "prefetch"},
        {"Purpose": "Prefetch"},
        {"X-Purpose": "preview"},
        {"X-Moz": "prefetch"},
    ],
    ids=lambda headers: "-".join(f"{k}:{v}" for k, v in headers.items()),
)
def test_prefetches_and_prerenders_are_not_counted(headers):
    assert not may_count(request(**headers))


@pytest.mark.parametrize("headers", [{"DNT": "1"}, {"Sec-GPC": "1"}, {"DNT": "1", "Sec-GPC": "1"}])
def test_do_not_track_and_global_privacy_control_are_honoured(headers):
    assert not may_count(request(**headers))


@pytest.mark.parametrize("headers", [{"DNT": "0"}, {"Sec-GPC": "0"}, {"Sec-Purpose": "other"}])
def test_headers_that_do_not_opt_out_are_counted(headers):
    assert may_count(request(**headers))
