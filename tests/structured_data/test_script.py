"""structured_data.script: JSON-LD in a <script> element that its data can never close."""

import json
from html.parser import HTMLParser

from structured_data.script import json_ld_script

HOSTILE = '</script><script>alert(1)</script><!-- & \u2028 "Ai" <b>'


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append({"type": dict(attrs).get("type"), "data": ""})

    def handle_data(self, data):
        if self.scripts:
            self.scripts[-1]["data"] += data


def test_the_element_is_json_ld_and_its_data_comes_back_whole():
    html = json_ld_script({"headline": HOSTILE, "n": 1})
    parser = _Scripts()
    parser.feed(html)

    [script] = parser.scripts
    assert script["type"] == "application/ld+json"
    assert json.loads(script["data"]) == {"headline": HOSTILE, "n": 1}


def test_angle_brackets_and_ampersands_are_escaped_as_json_script_does():
    html = str(json_ld_script({"headline": HOSTILE}))
    inside = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")

    assert not {"<", ">", "&"} & set(inside)
    assert "\\u003C/script\\u003E" in inside
