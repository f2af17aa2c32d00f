"""The matcher benchmark's table and its entry in docs/benchmarks.md, under "Featuring matcher
(issue 18)"."""

import statistics

from bench.shared.entries import append_to_section, machine_entry
from bench.shared.entries import table as markdown_table

SECTION = "## Featuring matcher (issue 18)"
SECTION_INTRO = f"""{SECTION}

`bench/featuring/` times the matcher behind the "Featuring" suggestions (`featuring/`): the
catalogue of every artist name and artwork title (normalized forms, the titles' tiers, one
Aho-Corasick automaton), built from rows, and `find_mentions()` over a 3,000-word article made
of the labelled set's paragraphs (names in italics, in links, decoys). The catalogue is Tate's
sample with generated names up to the issue's 4,000 artists and 70,000 artworks. Target: at most
20 ms a search (wall clock; the CPU time beside it is what the code costs on a shared
machine). Memory: resident memory before and after one build (the catalogue kept), what
tracemalloc counts for a build, and the automaton's own size, with the variant that stores the
entries themselves in the automaton.
"""


def table(results: dict) -> str:
    builds = results["builds"]
    verdict = "PASS" if results["p95_ms"] <= results["target_ms"] else "**FAIL**"
    rows = [
        ["", "figure"],
        ["---", "---"],
        [
            "catalogue",
            f"{results['artists']:,} artists, {results['artworks']:,} artworks: "
            f"{results['forms']:,} forms, {results['nodes']:,} nodes "
            f"({results['generic']:,} generic title stems left out)",
        ],
        [
            "build",
            f"{statistics.median(builds):.2f} s median of {len(builds)} "
            f"({', '.join(f'{b:.2f}' for b in builds)} s)",
        ],
        [
            f"find_mentions, {results['words']:,} words",
            f"median {results['median_ms']:.1f} ms, p95 {results['p95_ms']:.1f} ms, "
            f"max {results['max_ms']:.1f} ms over {results['runs']} runs, "
            f"(CPU: median {results['cpu_median_ms']:.1f} ms, p95 {results['cpu_p95_ms']:.1f} ms), "
            f"{results['mentions']} mentions "
            f"({verdict}: p95 at most {results['target_ms']:.0f} ms)",
        ],
        [
            "memory (RSS)",
            f"{results['rss_before_mib']:.0f} MiB before, {results['rss_after_mib']:.0f} MiB after "
            f"one build (+{results['rss_after_mib'] - results['rss_before_mib']:.0f} MiB)",
        ],
        [
            "memory (tracemalloc)",
            f"{results['traced_mib']:.1f} MiB held by the catalogue, "
            f"{results['traced_peak_mib']:.1f} MiB at the build's peak",
        ],
        [
            "automaton",
            f"{results['automaton_mib']:.1f} MiB with the entries' index as values (used); "
            f"{results['automaton_any_mib']:.1f} MiB with the entries themselves",
        ],
    ]
    return markdown_table(rows)


def entry(results: dict, *, argv: list[str], label: str) -> str:
    return machine_entry(
        heading=f"{results['artworks']:,} artworks, {results['artists']:,} artists",
        module="bench.featuring",
        argv=argv,
        label=label,
        packages={"pyahocorasick": "pyahocorasick"},
        load=(results["load_before"], results["load_after"]),
        body=table(results),
    )


def record(results: dict, *, argv: list[str], label: str) -> None:
    append_to_section(entry(results, argv=argv, label=label), section=SECTION, intro=SECTION_INTRO)
