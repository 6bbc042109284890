"""The data-quality report: one self-contained HTML page a user reads after each run.

It answers "what can I trust, and what should I look at?": the latest run's
summary, expectations passed and failed per suite, flagged articles with their
flags and a snippet, quarantined inputs with their stage and reason, and the
trend over recent runs. The page has inline CSS and no scripts or external
assets, so it renders the same offline and from any folder. Every value from
the data (titles, bodies, reasons, file names) is HTML-escaped: article text is
untrusted input. The SQL lives in sql/report/*.sql, read by name.
"""

from __future__ import annotations

import html
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacts.settings import SQL_DIR

if TYPE_CHECKING:
    import duckdb

SEVERITY_ORDER = ("error", "warning", "info")
SNIPPET_CHARS = 240  # as cut in sql/report/flagged_articles.sql


def write_report(con: duckdb.DuckDBPyConnection, out: Path, data_docs: Path | None = None) -> Path:
    """Write the report for the latest run in `con` to `out`; link GE's Data Docs if given."""
    run = next(iter(_rows(con, "latest_run")), None)
    run_params = {"run_id": run["run_id"] if run else ""}
    suites = _rows(con, "suites", run_params)
    sections = [
        _summary(run, suites, _rows(con, "warehouse_counts")[0]),
        _suites(suites, _rows(con, "failed_expectations", run_params)),
        _flags(_rows(con, "flagged_articles")),
        _quarantine(_rows(con, "quarantine", run_params)),
        _trends(_rows(con, "trends")),
    ]
    docs = _docs_link(out, data_docs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(run, "\n".join(sections), docs), encoding="utf-8")
    return out


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute((SQL_DIR / "report" / f"{name}.sql").read_text(), params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def e(value: Any) -> str:
    """Escape anything for HTML text or attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else e(value if value is not None else "–")


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return e(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    return e(value if value is not None else "–")


def _badge(severity: str, text: str | None = None) -> str:
    kind = severity if severity in (*SEVERITY_ORDER, "ok") else "info"
    return f'<span class="badge {kind}">{e(text or severity)}</span>'


def _bar(part: int, whole: int, kind: str = "ok") -> str:
    width = 0 if not whole or not part else max(2, round(100 * part / whole))
    return f'<span class="bar"><span class="fill {kind}" style="width:{width}%"></span></span>'


def _summary(run: dict[str, Any] | None, suites: list[dict[str, Any]], counts: dict[str, Any]) -> str:
    if run is None:
        return (
            '<section class="empty"><h2>No runs yet</h2><p>Run <code>newsfacts run</code> '
            "to load an inbox; this page then reports on it.</p></section>"
        )
    total = sum(s["expectations"] for s in suites)
    passed = sum(s["passed"] for s in suites)
    errors = sum(s["failed_errors"] for s in suites)
    warnings = sum(s["failed_warnings"] for s in suites)
    quarantined = (run["files_quarantined"] or 0) + (run["rows_quarantined"] or 0)
    if run["status"] == "failed":
        verdict, tone = f"The run failed: {run['error'] or 'no error recorded'}.", "error"
    elif errors:
        verdict, tone = (
            f"{errors} error-level expectation(s) failed: the failing rows were quarantined, the rest loaded.",
            "warning",
        )
    elif warnings:
        verdict, tone = (f"Every error-level expectation passed; {warnings} warning(s) to review.", "info")
    else:
        verdict, tone = "Every expectation passed.", "ok"
    cards = [
        ("Files seen", _n(run["files_seen"]), f"{_n(run['files_new'])} new or changed"),
        ("Articles loaded", _n(run["articles_loaded"]), f"{_n(counts['articles'])} in the warehouse"),
        ("Quarantined", _n(quarantined), f"{_n(run['files_quarantined'])} files, {_n(run['rows_quarantined'])} rows"),
        ("Expectations passed", f"{passed:,} / {total:,}", f"failed: {errors:,} error-level, {warnings:,} warning"),
        ("Flagged articles", _n(counts["flagged_articles"]), "see below"),
    ]
    cards_html = "".join(
        f'<div class="card"><div class="label">{label}</div><div class="value">{value}</div>'
        f'<div class="sub">{sub}</div></div>'
        for label, value, sub in cards
    )
    status = _badge(_status_kind(run["status"]), run["status"])
    started, finished = _when(run["started_at"]), _when(run["finished_at"])
    return f"""<section>
<p class="verdict {tone}">{e(verdict)}</p>
<div class="cards">{cards_html}</div>
<p class="meta">Run <code>{e(run["run_id"])}</code> · {status} · started {started} · finished {finished}
 · inbox <code>{e(run["inbox"])}</code> · pipeline {e(run["pipeline_version"])}</p>
</section>"""


def _status_kind(status: str | None) -> str:
    return {"succeeded": "ok", "failed": "error"}.get(status or "", "warning")


def _suites(suites: list[dict[str, Any]], failed: list[dict[str, Any]]) -> str:
    if not suites:
        return _section("Expectations per suite", '<p class="none">No validation results for this run.</p>')
    rows = "".join(
        f"<tr><td><code>{e(s['suite'])}</code></td>"
        f"<td>{_bar(s['passed'], s['expectations'], _pass_kind(s))}"
        f" {s['passed']:,} / {s['expectations']:,}</td>"
        f'<td class="num {"bad" if s["failed_errors"] else ""}">{s["failed_errors"]:,}</td>'
        f'<td class="num {"warn" if s["failed_warnings"] else ""}">{s["failed_warnings"]:,}</td>'
        f'<td class="num">{_n(s["values_checked"])}</td>'
        f'<td class="num">{_n(s["unexpected_values"])}</td></tr>'
        for s in suites
    )
    table = (
        '<table><thead><tr><th>Suite</th><th>Passed</th><th class="num">Errors failed</th>'
        '<th class="num">Warnings failed</th><th class="num">Values checked</th>'
        f'<th class="num">Unexpected</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    if failed:
        items = "".join(
            f"<tr><td>{_badge(f['severity'])}</td><td><code>{e(f['suite'])}</code></td>"
            f"<td>{e(f['expectation'])}</td><td><code>{e(f['column_name'])}</code></td>"
            f'<td class="num">{_n(f["unexpected_values"])} of {_n(f["values_checked"])}</td>'
            f'<td class="num">{_n(f["batches_failed"])}</td></tr>'
            for f in failed
        )
        table += (
            '<h3>Failed expectations</h3><p class="hint">Errors sent their failing rows '
            "to quarantine (below); warnings only count.</p>"
            "<table><thead><tr><th>Severity</th><th>Suite</th><th>Expectation</th>"
            '<th>Column</th><th class="num">Unexpected values</th><th class="num">Batches</th>'
            f"</tr></thead><tbody>{items}</tbody></table>"
        )
    return _section("Expectations per suite", table)


def _pass_kind(suite: dict[str, Any]) -> str:
    return "ok" if suite["passed"] == suite["expectations"] else "warning"


def _flags(articles: list[dict[str, Any]]) -> str:
    if not articles:
        return _section("Flagged articles", '<p class="none">No article is flagged.</p>')
    cards = []
    for a in articles:
        flags = "".join(
            f'<li>{_badge(f["severity"])} <span class="check">{e(f["check"])}</span> {e(f["message"])}</li>'
            for f in a["flags"]
        )
        facts = " · ".join(e(v) for v in (a["source_file"], a["outlet"], a["published_date"]) if v is not None)
        cards.append(
            f'<article class="flagged"><h3>{e(a["title"] or "(no title)")}</h3>'
            f'<p class="meta">{facts} · <code>{e(a["article_id"])}</code></p>'
            f'<ul class="flags">{flags}</ul>'
            f"<blockquote>{_snippet(a['snippet'])}</blockquote></article>"
        )
    return _section(f"Flagged articles ({len(articles):,})", "".join(cards))


def _snippet(text: str | None) -> str:
    """The body's start; an ellipsis only when the query cut it (at SNIPPET_CHARS)."""
    text = text or ""
    return e(text) + ("…" if len(text) >= SNIPPET_CHARS else "")


def _quarantine(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return _section("Quarantined in this run", '<p class="none">Nothing was quarantined.</p>')
    body = "".join(
        f"<tr><td><code>{e(r['stage'])}</code></td><td>{e(r['source_file'] or '–')}</td>"
        f"<td>{e(r['reason'])}</td><td>{_kept(r)}</td></tr>"
        for r in rows
    )
    return _section(
        f"Quarantined in this run ({len(rows):,})",
        '<p class="hint">Kept out of the warehouse with the input bytes or the rejected row, '
        "in the <code>quarantine</code> table.</p>"
        "<table><thead><tr><th>Stage</th><th>Source file</th><th>Reason</th><th>Kept</th>"
        f"</tr></thead><tbody>{body}</tbody></table>",
    )


def _kept(row: dict[str, Any]) -> str:
    if row["raw_bytes"] is not None:
        return f"{row['raw_bytes']:,} bytes"
    return "the row" if row["has_row"] else "path and hash"


def _trends(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return ""
    most_loaded = max((r["articles_loaded"] or 0 for r in runs), default=0)
    most_failed = max((r["failed_errors"] + r["failed_warnings"] for r in runs), default=0)
    body = "".join(
        f"<tr><td>{_when(r['started_at'])}</td><td><code>{e(r['run_id'])}</code></td>"
        f"<td>{_badge(_status_kind(r['status']), r['status'])}</td>"
        f"<td>{_bar(r['articles_loaded'] or 0, most_loaded)} {_n(r['articles_loaded'])}</td>"
        f'<td class="num">{_n(r["files_quarantined"])} / {_n(r["rows_quarantined"])}</td>'
        f"<td>{_bar(r['failed_errors'] + r['failed_warnings'], most_failed, 'warning')}"
        f" {r['failed_errors']:,} / {r['failed_warnings']:,}</td>"
        f'<td class="num">{_n(r["unexpected_values"])}</td>'
        f'<td class="num">{_n(r["flags"])}</td></tr>'
        for r in runs
    )
    return _section(
        "Recent runs",
        '<p class="hint">For longer histories query <code>sql/queries/dq_trend.sql</code>, '
        "<code>dq_failing_expectations.sql</code> and <code>dq_quarantine_by_stage.sql</code>.</p>"
        "<table><thead><tr><th>Started</th><th>Run</th><th>Status</th><th>Articles loaded</th>"
        '<th class="num">Quarantined files / rows</th><th>Failed errors / warnings</th>'
        '<th class="num">Unexpected values</th><th class="num">Flags</th></tr></thead>'
        f"<tbody>{body}</tbody></table>",
    )


def _section(title: str, body: str) -> str:
    return f"<section><h2>{e(title)}</h2>{body}</section>"


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
  --err-bg:#fde8e8; --info:#2b6cb0; --info-bg:#e6f0fa; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color:var(--ink); background:var(--bg); }
header { background:#102a43; color:#fff; padding:20px 32px; }
header h1 { margin:0; font-size:22px; font-weight:600; }
header p { margin:4px 0 0; color:#bcccdc; font-size:13px; }
main { max-width:1180px; margin:0 auto; padding:8px 32px 24px; }
section { background:var(--card); border:1px solid var(--line); border-radius:10px;
  padding:18px 22px; margin:18px 0; }
h2 { margin:0 0 12px; font-size:18px; }
h3 { font-size:15px; margin:18px 0 6px; }
code { font:12.5px ui-monospace, SFMono-Regular, Menlo, monospace; background:var(--bg);
  padding:1px 5px; border-radius:4px; }
.verdict { font-size:17px; font-weight:600; margin:0 0 14px; padding:10px 14px;
  border-radius:8px; border-left:5px solid; }
.verdict.ok { background:var(--ok-bg); border-color:var(--ok); }
.verdict.info { background:var(--info-bg); border-color:var(--info); }
.verdict.warning { background:var(--warn-bg); border-color:var(--warn); }
.verdict.error { background:var(--err-bg); border-color:var(--err); }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(180px, 1fr)); gap:12px; }
.card { border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
.card .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.card .value { font-size:26px; font-weight:650; margin:2px 0; }
.card .sub { color:var(--muted); font-size:13px; }
.meta, .hint { color:var(--muted); font-size:13px; margin:10px 0 0; }
.hint { margin:0 0 8px; }
.none { color:var(--ok); margin:0; }
table { width:100%; border-collapse:collapse; font-size:14px; }
th { text-align:left; color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase;
  letter-spacing:.03em; border-bottom:2px solid var(--line); padding:6px 8px; }
td code, td:has(.bar) { white-space:nowrap; }
td { border-bottom:1px solid var(--line); padding:7px 8px; vertical-align:top;
  overflow-wrap:anywhere; }
tbody tr:hover { background:#fafbfc; }
.num { text-align:right; white-space:nowrap; }
td.bad { color:var(--err); font-weight:650; }
td.warn { color:var(--warn); font-weight:650; }
.bar { display:inline-block; width:90px; height:8px; background:var(--line); border-radius:4px;
  vertical-align:middle; margin-right:6px; overflow:hidden; }
.fill { display:block; height:100%; background:var(--ok); }
.fill.warning { background:var(--warn); }
.badge { display:inline-block; font-size:11.5px; font-weight:650; text-transform:uppercase;
  letter-spacing:.03em; padding:1px 8px; border-radius:10px; white-space:nowrap; }
.badge.error { color:var(--err); background:var(--err-bg); }
.badge.warning { color:var(--warn); background:var(--warn-bg); }
.badge.info { color:var(--info); background:var(--info-bg); }
.badge.ok { color:var(--ok); background:var(--ok-bg); }
article.flagged { border-top:1px solid var(--line); padding:12px 0 6px; }
article.flagged:first-of-type { border-top:0; padding-top:0; }
article.flagged h3 { margin:0; font-size:16px; }
article.flagged .meta { margin:2px 0 6px; }
ul.flags { list-style:none; padding:0; margin:0 0 8px; }
ul.flags li { margin:3px 0; }
.check { font-family:ui-monospace, Menlo, monospace; font-size:12.5px; color:var(--muted);
  margin-right:4px; }
blockquote { margin:0; padding:6px 12px; border-left:3px solid var(--line); color:var(--muted);
  font-size:13.5px; }
footer { max-width:1180px; margin:0 auto; padding:0 32px 32px; color:var(--muted); font-size:13px; }
footer a { color:var(--info); }
"""
