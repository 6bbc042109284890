"""The data-quality report: one self-contained HTML page a user reads after each run.

It leads with what needs action, in this order: the run's verdict (failed,
error-level or warning-level expectations failed, nothing validated, or all
passed); what is in quarantine now (the `quarantined_files` view: held until
the file is fixed or removed, whatever run found it); each failed expectation
with what it means (`meta.why` in expectations/<suite>.json), its unexpected
count, sample failing values and its trend; then counts, small charts of the
recent runs and each expectation's history, and the flags of the current
articles summarised per check, each check's full list behind a disclosure.
So a warehouse of thousands of articles still gives a page a person reads.

Flags and counts read the current warehouse (`current_articles`: the latest
version of each file still in the inbox), not history. The page has inline CSS
and inline SVG, no scripts and no external assets, so it renders the same
offline and from any folder. Every value from the data (titles, reasons, file
names, sample values) is HTML-escaped: article text is untrusted input. The
SQL lives in sql/report/*.sql, read by name.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacts.settings import EXPECTATIONS_DIR, SQL_DIR

if TYPE_CHECKING:
    import duckdb

SEVERITY_ORDER = ("error", "warning", "info")
EXAMPLES = 3  # articles shown open under each check
FLAG_LIST_CAP = 100  # articles listed per check behind its disclosure; the rest is a query away
QUARANTINE_OPEN = 10  # quarantined files shown open; up to 500 (sql/report/quarantined_now.sql) behind a disclosure
SAMPLES = 5  # failing values shown per expectation
HISTORY_RUNS = 12  # the recent runs charted, as in sql/report/run_history.sql and expectation_history.sql
SAMPLE_CHARS = 80


def write_report(con: duckdb.DuckDBPyConnection, out: Path, data_docs: Path | None = None) -> Path:
    """Write the report for the latest run in `con` to `out`; link GE's Data Docs if given."""
    run = next(iter(_rows(con, "latest_run")), None)
    if run is None:
        sections = [_no_runs()]
    else:
        counts = _rows(con, "warehouse_counts")[0]
        checked_run = next(iter(_rows(con, "last_validated_run")), None)
        own = checked_run is not None and checked_run["run_id"] == run["run_id"]
        expectations = _rows(con, "run_expectations", {"run_id": checked_run["run_id"]}) if checked_run else []
        which = (
            "this run"
            if own or checked_run is None
            else f"the last run that validated articles ({checked_run['run_id']})"
        )
        runs = _rows(con, "run_history")
        history = _expectation_history(_rows(con, "expectation_history"), runs)
        meanings = _meanings()
        sections = [
            _verdict(run, checked_run, expectations, counts),
            _quarantine(_rows(con, "quarantined_now")),
            _failed(expectations, meanings, history, runs, which),
            _counts(expectations, which),
            _runs(runs, history, meanings),
            _flags(_rows(con, "flag_checks"), _rows(con, "flag_examples", {"per_check": FLAG_LIST_CAP}), counts),
        ]
    docs = _docs_link(out, data_docs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(run, "\n".join(s for s in sections if s), docs), encoding="utf-8")
    return out


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute((SQL_DIR / "report" / f"{name}.sql").read_text(), params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _meanings() -> dict[tuple[str, str, str | None, str], str]:
    """What each expectation is for, from its suite's `meta.why`, by the columns dq_results keeps.

    Two expectations of one suite with the same type, columns and severity (they differ only in
    their arguments) share the key; their reasons are joined.
    """
    meanings: dict[tuple[str, str, str | None, str], str] = {}
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        spec = json.loads(path.read_text())
        for exp in spec["expectations"]:
            meta = exp.get("meta") or {}
            why = meta.get("why")
            if not why:
                continue
            key = (spec["name"], exp["type"], _column_name(exp["kwargs"]), meta.get("severity", "error"))
            meanings[key] = f"{meanings[key]} / {why}" if key in meanings else why
    return meanings


def _column_name(kwargs: dict[str, Any]) -> str | None:
    """The column(s) an expectation reads, written as dq_results.column_name is."""
    if "column" in kwargs:
        columns = [kwargs["column"]]
    elif "column_A" in kwargs:
        columns = [kwargs["column_A"], kwargs["column_B"]]
    else:
        columns = list(kwargs.get("column_list", ()))
    return ", ".join(columns) or None


def _key(row: dict[str, Any]) -> tuple[str, str, str | None, str]:
    return (row["suite"], row["expectation"], row["column_name"], row["severity"])


def _expectation_history(
    rows: list[dict[str, Any]], runs: list[dict[str, Any]]
) -> dict[tuple[str, str, str | None, str], list[dict[str, Any] | None]]:
    """Each expectation's result in each recent run (oldest first); None where it was not run."""
    position = {r["run_id"]: i for i, r in enumerate(runs)}
    history: dict[tuple[str, str, str | None, str], list[dict[str, Any] | None]] = {}
    for row in rows:
        series = history.setdefault(_key(row), [None] * len(runs))
        series[position[row["run_id"]]] = row
    return history


# ---------------------------------------------------------------- formatting


def e(value: Any) -> str:
    """Escape anything for HTML text or attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else e(value if value is not None else "–")


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _pct(part: int, whole: int) -> str:
    if not whole:
        return "–"
    share = 100 * part / whole
    return f"{share:.1f}%" if share >= 0.1 or not part else "<0.1%"


def _time(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "–" if value is None else str(value)


def _when(value: Any) -> str:
    return e(_time(value))


def _badge(severity: str, text: str | None = None) -> str:
    kind = severity if severity in (*SEVERITY_ORDER, "ok") else "info"
    return f'<span class="badge {kind}">{e(text or severity)}</span>'


def _bar(part: int, whole: int, kind: str = "ok") -> str:
    width = 0 if not whole or not part else max(2, round(100 * part / whole))
    return f'<span class="bar"><span class="fill {kind}" style="width:{width}%"></span></span>'


def _status_kind(status: str | None) -> str:
    return {"succeeded": "ok", "failed": "error"}.get(status or "", "warning")


def _section(title: str, body: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<section{cls}><h2>{e(title)}</h2>{body}</section>"


def _samples(texts: Sequence[str] | None) -> list[str]:
    """Distinct failing values from the JSON arrays in dq_results.unexpected_sample, at most SAMPLES."""
    values: list[str] = []
    for text in texts or ():
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = [text]
        for value in parsed if isinstance(parsed, list) else [parsed]:
            shown = "null" if value is None else str(value)
            shown = shown if len(shown) <= SAMPLE_CHARS else shown[: SAMPLE_CHARS - 1] + "…"
            if shown not in values:
                values.append(shown)
    return values[:SAMPLES]


# ---------------------------------------------------------------- charts (inline SVG, no script)


def _bar_chart(values: Sequence[int | None], labels: Sequence[str], kind: str, label: str) -> str:
    """Bars for the recent runs, newest at the right edge, one slot per run of HISTORY_RUNS, so every
    chart has the same scale of time; a grey tick where a run has no value (nothing validated)."""
    width, height = 240, 56
    slot = width / HISTORY_RUNS
    top = max((v for v in values if v), default=0)
    parts = [f'<line class="axis" x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}"/>']
    first = HISTORY_RUNS - len(values)
    for i, (value, text) in enumerate(zip(values, labels, strict=True)):
        x = (first + i) * slot + slot * 0.15
        if value is None:
            shape, cls, tip = f'y="{height - 2}" height="2"', "none", f"{text}: not validated"
        else:
            h = 0 if not top else max(2.0, (height - 4) * value / top) if value else 1.0
            shape, cls, tip = f'y="{height - h:.1f}" height="{h:.1f}"', kind if value else "zero", f"{text}: {value:,}"
        parts.append(f'<rect class="{cls}" x="{x:.1f}" width="{slot * 0.7:.1f}" {shape}><title>{e(tip)}</title></rect>')
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{e(label)}">{"".join(parts)}</svg>'
    )


def _strip(cells: Sequence[tuple[str, str]], label: str) -> str:
    """One square per recent run, oldest left, coloured by the expectation's result in that run."""
    size, gap = 13, 3
    width = len(cells) * (size + gap)
    squares = "".join(
        f'<rect class="{kind}" x="{i * (size + gap)}" y="0" width="{size}" height="{size}" rx="2">'
        f"<title>{e(tip)}</title></rect>"
        for i, (kind, tip) in enumerate(cells)
    )
    return (
        f'<svg class="strip" viewBox="0 0 {width} {size}" width="{width}" height="{size}" '
        f'role="img" aria-label="{e(label)}">{squares}</svg>'
    )


def _run_label(run: dict[str, Any]) -> str:
    return f"{_time(run['started_at'])} ({run['run_id']})"


# ---------------------------------------------------------------- sections


def _no_runs() -> str:
    return (
        '<section class="empty"><h2>No runs yet</h2><p>Run <code>newsfacts run</code> '
        "to load an inbox; this page then reports on it.</p></section>"
    )


def _verdict(
    run: dict[str, Any], checked_run: dict[str, Any] | None, expectations: list[dict[str, Any]], counts: dict[str, Any]
) -> str:
    """The run's verdict first; when it validated nothing, the verdict of the last run that did follows."""
    errors = sum(1 for x in expectations if not x["success"] and x["severity"] == "error")
    warnings = sum(1 for x in expectations if not x["success"] and x["severity"] != "error")
    checked = sum(x["values_checked"] for x in expectations)
    passed = sum(1 for x in expectations if x["success"])
    own = checked_run is not None and checked_run["run_id"] == run["run_id"]
    failures = []
    if errors:
        failures.append(f"{_plural(errors, 'error-level expectation')} failed: their failing rows were quarantined")
    if warnings:
        failures.append(f"{_plural(warnings, 'warning-level expectation')} failed: review the values below")
    if errors:
        outcome = ("error", "; ".join(failures) + ".")
    elif warnings:
        outcome = ("warning", f"Every error-level expectation passed, but {failures[0]}.")
    else:
        outcome = ("ok", f"Every expectation passed: {_plural(passed, 'expectation')} on {checked:,} values.")
    lines = []
    if run["status"] == "failed":
        lines.append(("error", f"This run failed: {run['error'] or 'no error recorded'}."))
    elif run["status"] == "running":
        lines.append(("info", "A run is in progress: the figures below are what it has loaded so far."))
    elif not own:
        lines.append(("info", "This run validated nothing: it found no new or changed article to check."))
    if own and (failures or run["status"] not in ("failed", "running")):
        lines.append(outcome)
    elif checked_run is not None and not own:
        tone, text = outcome
        lines.append(
            (
                tone,
                f"The last run that validated articles ({checked_run['run_id']}, {_time(checked_run['started_at'])}): {text}",
            )
        )
    held = counts["quarantined_files"]
    if held:
        lines.append(
            (
                "warning",
                f"{_plural(held, 'file')} in quarantine now: held back until fixed or removed from the inbox (listed below).",
            )
        )
    expectations_card = (
        (
            f"{passed:,} / {len(expectations):,}",
            f"failed: {errors:,} error-level, {warnings:,} warning"
            + ("" if own else ", in the last run that validated"),
        )
        if checked_run is not None
        else ("–", "nothing validated yet")
    )
    cards = [
        ("Current articles", _n(counts["articles"]), f"{_n(counts['article_versions'])} versions kept in history"),
        (
            "This run",
            _n(run["articles_loaded"]),
            f"articles loaded or rebuilt (--reprocess); {_n(run['files_new'])} new or changed files",
        ),
        (
            "In quarantine now",
            _n(held),
            f"{_n(counts['quarantined_whole_files'])} whole files, {_n(held - counts['quarantined_whole_files'])} "
            "with rejected rows",
        ),
        ("Expectations passed", *expectations_card),
        (
            "Flagged articles",
            _n(counts["flagged_articles"]),
            f"{_pct(counts['flagged_articles'], counts['articles'])} of current articles",
        ),
    ]
    cards_html = "".join(
        f'<div class="card"><div class="label">{e(label)}</div><div class="value">{value}</div>'
        f'<div class="sub">{e(sub)}</div></div>'
        for label, value, sub in cards
    )
    status = _badge(_status_kind(run["status"]), run["status"])
    return f"""<section class="lead">
{"".join(f'<p class="verdict {tone}">{e(text)}</p>' for tone, text in lines)}
<div class="cards">{cards_html}</div>
<p class="meta">Run <code>{e(run["run_id"])}</code> · {status} · started {_when(run["started_at"])}
 · finished {_when(run["finished_at"])} · {_n(run["files_seen"])} files seen in <code>{e(run["inbox"])}</code>
 · pipeline {e(run["pipeline_version"])}</p>
</section>"""


def _quarantine(rows: list[dict[str, Any]]) -> str:
    title = "In quarantine now"
    if not rows:
        return _section(title, '<p class="none">Nothing is in quarantine.</p>', "compact")
    total = rows[0]["total"]

    def row(r: dict[str, Any]) -> str:
        what = "whole file" if r["whole_file"] else _plural(r["records"], "row")
        return (
            f"<tr><td>{e(r['source_file'])}</td><td><code>{e(r['stage'])}</code></td>"
            f"<td>{e(r['reason'])}</td><td>{e(what)}</td><td>{_when(r['first_quarantined_at'])}</td></tr>"
        )

    head = (
        "<table><thead><tr><th>Source file</th><th>Stage</th><th>Reason</th><th>Held</th>"
        "<th>Since</th></tr></thead><tbody>"
    )
    body = head + "".join(row(r) for r in rows[:QUARANTINE_OPEN]) + "</tbody></table>"
    rest = rows[QUARANTINE_OPEN:]
    if rest:
        more = f"{len(rest):,} more" + (
            f" (of {total - QUARANTINE_OPEN:,}; query the view for all)" if total > len(rows) else ""
        )
        body += f"<details><summary>{e(more)}</summary>{head}{''.join(row(r) for r in rest)}</tbody></table></details>"
    hint = (
        '<p class="hint">Files still in the inbox whose current bytes were kept out of the warehouse, '
        "whole or in part, with the input bytes or the rejected rows in the <code>quarantine</code> table. "
        "Each stays here until a fixed version loads or the file leaves the inbox "
        "(view <code>quarantined_files</code>).</p>"
    )
    return _section(f"{title} ({total:,})", hint + body, "attention")


def _failed(
    expectations: list[dict[str, Any]],
    meanings: dict[tuple[str, str, str | None, str], str],
    history: dict[tuple[str, str, str | None, str], list[dict[str, Any] | None]],
    runs: list[dict[str, Any]],
    which: str,
) -> str:
    failed = [x for x in expectations if not x["success"]]
    if not failed:
        return ""
    labels = [_run_label(r) for r in runs]
    items = []
    for x in failed:
        key = _key(x)
        why = meanings.get(key)
        series = history.get(key, [None] * len(runs))
        trend = _bar_chart(
            [None if h is None else h["unexpected_values"] for h in series],
            labels,
            "warning" if x["severity"] != "error" else "error",
            f"unexpected values of {x['expectation']} per run",
        )
        samples = _samples(x["samples"])
        shown = (
            " ".join(f'<code class="sample">{e(s)}</code>' for s in samples)
            if samples
            else '<span class="muted">no sample recorded</span>'
        )
        batches = (
            f" in {x['batches_failed']:,} of {_plural(x['batches'], 'batch', 'batches')}" if x["batches"] > 1 else ""
        )
        runs_failed = sum(1 for h in series if h is not None and not h["success"])
        items.append(
            f'<div class="failure {e(x["severity"])}"><div class="what">'
            f"<h3>{_badge(x['severity'])} <code>{e(x['suite'])}</code> · {e(x['expectation'])}"
            f" · <code>{e(x['column_name'] or '–')}</code></h3>"
            f'<p class="why">{e(why or "(no meta.why in the suite)")}</p>'
            f'<p class="count"><strong>{_n(x["unexpected_values"])}</strong> unexpected of '
            f"{_n(x['values_checked'])} values ({e(_pct(x['unexpected_values'], x['values_checked']))}){batches}</p>"
            f'<p class="samples">Failing values: {shown}</p></div>'
            f'<div class="trend">{trend}<div class="sub">unexpected values, last {_plural(len(runs), "run")}; '
            f"failed in {runs_failed:,}</div></div></div>"
        )
    hint = (
        '<p class="hint">Error-level failures sent their failing rows to quarantine; warnings only count. '
        "Each with what it checks (the suite's <code>meta.why</code>), its failing values and its trend.</p>"
    )
    return _section(f"Failed expectations in {which} ({len(failed):,})", hint + "".join(items), "attention")


def _counts(expectations: list[dict[str, Any]], which: str) -> str:
    title = f"Expectations per suite in {which}"
    if not expectations:
        return _section(title, '<p class="muted">No run has validated articles yet.</p>', "compact")
    suites: dict[str, dict[str, int]] = {}
    for x in expectations:
        s = suites.setdefault(x["suite"], dict.fromkeys(("total", "passed", "errors", "warnings", "checked", "bad"), 0))
        s["total"] += 1
        s["passed"] += bool(x["success"])
        s["errors"] += not x["success"] and x["severity"] == "error"
        s["warnings"] += not x["success"] and x["severity"] != "error"
        s["checked"] += x["values_checked"]
        s["bad"] += x["unexpected_values"]
    order = sorted(suites.items(), key=lambda kv: (-kv[1]["errors"], -kv[1]["warnings"], kv[0]))
    rows = "".join(
        f"<tr><td><code>{e(name)}</code></td>"
        f"<td>{_bar(s['passed'], s['total'], 'ok' if s['passed'] == s['total'] else 'warning')}"
        f" {s['passed']:,} / {s['total']:,}</td>"
        f'<td class="num {"bad" if s["errors"] else ""}">{s["errors"]:,}</td>'
        f'<td class="num {"warn" if s["warnings"] else ""}">{s["warnings"]:,}</td>'
        f'<td class="num">{s["checked"]:,}</td><td class="num">{s["bad"]:,}</td></tr>'
        for name, s in order
    )
    return _section(
        title,
        '<p class="hint">Each expectation counted once per run: passed in every batch, or failed.</p>'
        '<table><thead><tr><th>Suite</th><th>Passed</th><th class="num">Errors failed</th>'
        '<th class="num">Warnings failed</th><th class="num">Values checked</th>'
        f'<th class="num">Unexpected</th></tr></thead><tbody>{rows}</tbody></table>',
    )


def _runs(
    runs: list[dict[str, Any]],
    history: dict[tuple[str, str, str | None, str], list[dict[str, Any] | None]],
    meanings: dict[tuple[str, str, str | None, str], str],
) -> str:
    labels = [_run_label(r) for r in runs]
    charts = [
        ("Articles loaded", [r["articles_loaded"] or 0 for r in runs], "ok"),
        (
            "Quarantined (files + rows)",
            [(r["files_quarantined"] or 0) + (r["rows_quarantined"] or 0) for r in runs],
            "warning",
        ),
        ("Unexpected values", [r["unexpected_values"] if r["validated"] else None for r in runs], "error"),
    ]
    charts_html = "".join(
        f'<figure><figcaption>{e(title)} <span class="muted">· latest {_n(values[-1])}</span></figcaption>'
        f"{_bar_chart(values, labels, kind, title + ' per run')}</figure>"
        for title, values, kind in charts
    )
    strips = []
    steady = 0
    for key, series in sorted(history.items(), key=lambda kv: (kv[0][3] != "error", kv[0])):
        if all(h is None or h["success"] for h in series):
            steady += 1
            continue
        suite, expectation, column, severity = key
        fail_kind = "error" if severity == "error" else "warning"
        cells = [
            ("none", f"{label}: not checked")
            if h is None
            else ("ok", f"{label}: passed")
            if h["success"]
            else (fail_kind, f"{label}: failed, {h['unexpected_values']:,} unexpected")
            for h, label in zip(series, labels, strict=True)
        ]
        strips.append(
            f"<tr><td>{_badge(severity)}</td><td><code>{e(suite)}</code> {e(expectation)} "
            f"<code>{e(column or '–')}</code>"
            f'<div class="muted small">{e(meanings.get(key, ""))}</div></td>'
            f"<td>{_strip(cells, f'{expectation} on {column}: result per run')}</td></tr>"
        )
    per_expectation = (
        '<h3>Expectations that failed in a recent run</h3><table class="history"><tbody>'
        + "".join(strips)
        + "</tbody></table>"
        if strips
        else ""
    )
    per_expectation += (
        f'<p class="hint">{_plural(steady, "other expectation")} passed in every recent run that checked it.</p>'
    )
    table = "".join(
        f"<tr><td>{_when(r['started_at'])}</td><td><code>{e(r['run_id'])}</code></td>"
        f"<td>{_badge(_status_kind(r['status']), r['status'])}</td>"
        f'<td class="num">{_n(r["files_new"])}</td><td class="num">{_n(r["articles_loaded"])}</td>'
        f'<td class="num">{_n(r["files_quarantined"])} / {_n(r["rows_quarantined"])}</td>'
        f'<td class="num">{r["failed_errors"]:,} / {r["failed_warnings"]:,}</td>'
        f'<td class="num">{_n(r["unexpected_values"]) if r["validated"] else "nothing validated"}</td></tr>'
        for r in reversed(runs)
    )
    return _section(
        f"Recent runs ({len(runs):,})",
        '<p class="hint">Oldest left; hover a bar or square for its run. For longer histories query '
        "<code>sql/queries/dq_trend.sql</code> and <code>dq_failing_expectations.sql</code>.</p>"
        f'<div class="charts">{charts_html}</div>{per_expectation}'
        "<details><summary>The runs as a table</summary><table><thead><tr><th>Started</th><th>Run</th>"
        '<th>Status</th><th class="num">New files</th><th class="num">Articles loaded</th>'
        '<th class="num">Quarantined files / rows</th><th class="num">Failed errors / warnings</th>'
        f'<th class="num">Unexpected values</th></tr></thead><tbody>{table}</tbody></table></details>',
    )


def _flags(checks: list[dict[str, Any]], examples: list[dict[str, Any]], counts: dict[str, Any]) -> str:
    title = "Flags on the current articles"
    if not checks:
        return _section(title, '<p class="none">No current article is flagged.</p>')
    by_check: dict[str, list[dict[str, Any]]] = {}
    for row in examples:
        by_check.setdefault(row["check"], []).append(row)
    current = counts["articles"]
    blocks = []
    for c in checks:
        listed = by_check.get(c["check"], [])
        sample = "".join(f"<li>{_flagged(a)}</li>" for a in listed[:EXAMPLES])
        block = (
            f'<div class="check"><div class="head">{_badge(c["severity"])} <code>{e(c["check"])}</code>'
            f" <strong>{_plural(c['articles'], 'article')}</strong> {_bar(c['articles'], current, c['severity'])}"
            f' <span class="muted">{e(_pct(c["articles"], current))} of current articles</span></div>'
            f'<ul class="examples">{sample}</ul>'
        )
        if c["articles"] > EXAMPLES:
            cut = (
                f" (the first {len(listed):,}; the rest: <code>SELECT * FROM dq_flags SEMI JOIN current_articles "
                f"USING (article_id) WHERE \"check\" = '{e(c['check'])}'</code>)"
                if c["articles"] > len(listed)
                else ""
            )
            block += (
                f"<details><summary>All {_plural(c['articles'], 'article')}{cut}</summary>"
                f'<ul class="all">{"".join(f"<li>{_flagged(a)}</li>" for a in listed)}</ul></details>'
            )
        blocks.append(block + "</div>")
    hint = (
        f'<p class="hint">{_n(counts["flagged_articles"])} of {_n(current)} current articles carry at least one '
        "flag; each check counted apart, with a few examples and its full list behind a disclosure.</p>"
    )
    return _section(title, hint + "".join(blocks))


def _flagged(article: dict[str, Any]) -> str:
    where = article["source_file"] + (f" #{article['part']}" if article["part"] else "")
    return (
        f'<span class="title">{e(article["title"] or "(no title)")}</span> '
        f'<span class="muted">{e(where)} · {e(article["message"])}</span>'
    )


def _docs_link(out: Path, data_docs: Path | None) -> str:
    if data_docs is None:
        return ""
    href = Path(os.path.relpath(data_docs.resolve(), out.resolve().parent)).as_posix()
    return (
        f'<a href="{e(href)}">Great Expectations Data Docs</a> (full validation results; '
        "they load their styles from the web, so offline they look plain)"
    )


def _page(run: dict[str, Any] | None, sections: str, docs: str) -> str:
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    footer = f"<p>{docs}</p>" if docs else ""
    title = f"newsfacts data quality · {run['run_id']}" if run else "newsfacts data quality"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>newsfacts · data-quality report</h1><p>Generated {generated}</p></header>
<main>
{sections}
</main>
<footer>{footer}<p>Severity: {_badge("error")} rows rejected to quarantine ·
{_badge("warning")} worth a look · {_badge("info")} for the record</p></footer>
</body>
</html>
"""


CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#f5f7fa; --card:#fff;
  --ok:#2f855a; --ok-bg:#e3f4ea; --warn:#b7791f; --warn-bg:#fdf3dc; --err:#c53030;
  --err-bg:#fde8e8; --info:#2b6cb0; --info-bg:#e6f0fa; --none:#cbd2d9; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color:var(--ink); background:var(--bg); }
header { background:#102a43; color:#fff; padding:16px 32px; }
header h1 { margin:0; font-size:21px; font-weight:600; }
header p { margin:2px 0 0; color:#bcccdc; font-size:13px; }
main { max-width:1180px; margin:0 auto; padding:4px 32px 16px; }
section { background:var(--card); border:1px solid var(--line); border-radius:10px;
  padding:16px 22px; margin:14px 0; }
section.attention { border-left:5px solid var(--warn); }
section.compact { padding:10px 22px; }
section.compact h2 { display:inline; margin-right:12px; }
section.compact p { display:inline; }
h2 { margin:0 0 10px; font-size:18px; }
h3 { font-size:15px; margin:16px 0 6px; }
code { font:12.5px ui-monospace, SFMono-Regular, Menlo, monospace; background:var(--bg);
  padding:1px 5px; border-radius:4px; }
.verdict { font-size:16.5px; font-weight:600; margin:0 0 10px; padding:9px 14px;
  border-radius:8px; border-left:5px solid; }
.verdict.ok { background:var(--ok-bg); border-color:var(--ok); }
.verdict.info { background:var(--info-bg); border-color:var(--info); }
.verdict.warning { background:var(--warn-bg); border-color:var(--warn); }
.verdict.error { background:var(--err-bg); border-color:var(--err); }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(180px, 1fr)); gap:12px; margin-top:14px; }
.card { border:1px solid var(--line); border-radius:8px; padding:10px 14px; }
.card .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.card .value { font-size:24px; font-weight:650; margin:2px 0; }
.card .sub, .sub { color:var(--muted); font-size:13px; }
.meta, .hint { color:var(--muted); font-size:13px; margin:10px 0 0; }
.hint { margin:0 0 8px; }
.muted { color:var(--muted); }
.small { font-size:12.5px; }
.none { color:var(--ok); margin:0; }
table { width:100%; border-collapse:collapse; font-size:14px; }
th { text-align:left; color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase;
  letter-spacing:.03em; border-bottom:2px solid var(--line); padding:6px 8px; }
td code, td:has(.bar) { white-space:nowrap; }
td { border-bottom:1px solid var(--line); padding:6px 8px; vertical-align:top;
  overflow-wrap:anywhere; }
tbody tr:hover { background:#fafbfc; }
.num { text-align:right; white-space:nowrap; }
td.bad { color:var(--err); font-weight:650; }
td.warn { color:var(--warn); font-weight:650; }
.bar { display:inline-block; width:90px; height:8px; background:var(--line); border-radius:4px;
  vertical-align:middle; margin:0 6px; overflow:hidden; }
.fill { display:block; height:100%; background:var(--ok); }
.fill.warning { background:var(--warn); }
.fill.error { background:var(--err); }
.fill.info { background:var(--info); }
.badge { display:inline-block; font-size:11.5px; font-weight:650; text-transform:uppercase;
  letter-spacing:.03em; padding:1px 8px; border-radius:10px; white-space:nowrap; vertical-align:1px; }
.badge.error { color:var(--err); background:var(--err-bg); }
.badge.warning { color:var(--warn); background:var(--warn-bg); }
.badge.info { color:var(--info); background:var(--info-bg); }
.badge.ok { color:var(--ok); background:var(--ok-bg); }
.failure { display:flex; gap:18px; justify-content:space-between; border-top:1px solid var(--line);
  padding:10px 0; }
.failure:first-of-type { border-top:0; }
.failure h3 { margin:0 0 2px; font-size:15px; }
.failure p { margin:2px 0; font-size:14px; }
.failure .why { color:var(--muted); font-style:italic; }
.failure .trend { flex:0 0 250px; }
code.sample { background:var(--warn-bg); margin-right:4px; white-space:pre-wrap; }
.charts { display:flex; flex-wrap:wrap; gap:18px 32px; }
figure { margin:0; }
figcaption { font-size:13px; font-weight:600; margin-bottom:4px; }
svg rect.ok { fill:var(--ok); }
svg rect.warning { fill:var(--warn); }
svg rect.error { fill:var(--err); }
svg rect.none { fill:var(--none); }
svg rect.zero { fill:var(--line); }
svg line.axis { stroke:var(--line); stroke-width:1; }
table.history td { padding:4px 8px; }
table.history td:last-child { width:1%; white-space:nowrap; }
.check { border-top:1px solid var(--line); padding:8px 0; }
.check:first-of-type { border-top:0; }
.check .head { font-size:14.5px; }
ul.examples, ul.all { list-style:none; margin:4px 0 0 0; padding:0 0 0 14px; font-size:13.5px; }
ul.examples li, ul.all li { margin:1px 0; }
details { margin-top:6px; font-size:13.5px; }
summary { cursor:pointer; color:var(--info); }
footer { max-width:1180px; margin:0 auto; padding:0 32px 24px; color:var(--muted); font-size:13px; }
footer a { color:var(--info); }
"""
