"""The link checker benchmark's table and its entry in docs/benchmarks.md, under "Link checker
(issue 19)"."""

from bench.shared.entries import append_to_section, machine_entry
from bench.shared.entries import table as markdown_table

SECTION = "## Link checker (issue 19)"
SECTION_INTRO = f"""{SECTION}

`bench/links/` runs the link checker (`links/checking/`) against local sites on loopback
addresses (no outside network), in a fresh SQLite database: one pass with the per-host rate limit
out of the way (the sites and the checker measured, LINK_CHECK_CONNECTIONS at its default),
its links a minute and memory; the same links with a real limit for a few seconds (how many are
checked, and the most any site was sent); and `article_publish` of articles with 20 outbound
links each, timed with the links app's signal receivers and without (medians, one run), with
the requests the sites saw during the publishes (must be 0: nothing is checked in a request).
"""


def table(r: dict) -> str:
    p = r["publish"]
    statuses = ", ".join(f"{status} {count:,}" for status, count in sorted(r["statuses"].items()))
    rows = [
        ["", "figure"],
        ["---", "---"],
        [
            "throughput (limit out of the way)",
            f"{r['checked']:,} of {r['links']:,} links on {r['hosts']} hosts in "
            f"{r['seconds']:.1f} s: **{r['per_minute']:,.0f} links a minute**, "
            f"{r['connections']} connections, {r['requests']:,} requests ({statuses})",
        ],
        [
            "memory",
            f"RSS {r['rss_before_mib']:.0f} MiB before the pass, {r['rss_after_mib']:.0f} MiB "
            f"after; tracemalloc peak {r['traced_peak_mib']:.1f} MiB during it",
        ],
        [
            f"rate limit {r['per_host']} a minute per host",
            f"{r['limited_checked']:,} checked in {r['limited_elapsed']:.1f} s "
            f"(pass bounded to {r['limit_seconds']:g} s), {r['limited_deferred']:,} left for "
            f"later; the most any site was sent: {r['limited_most_per_site']} requests",
        ],
        [
            "publish (20 outbound links)",
            f"median {p['on_ms']:.1f} ms with the links app's {p['receivers']} receivers, "
            f"{p['off_ms']:.1f} ms without (ratio {p['ratio']:.2f}, {p['publishes']} each); "
            f"requests to the sites during the publishes: {p['requests']}",
        ],
    ]
    return markdown_table(rows)


def entry(results: dict, *, argv: list[str], label: str) -> str:
    return machine_entry(
        heading=f"{results['links']:,} links, {results['hosts']} local hosts",
        module="bench.links",
        argv=argv,
        label=label,
        packages={"httpx": "httpx", "protego": "protego"},
        load=(results["load_before"], results["load_after"]),
        body=table(results),
    )


def record(results: dict, *, argv: list[str], label: str) -> None:
    append_to_section(entry(results, argv=argv, label=label), section=SECTION, intro=SECTION_INTRO)
