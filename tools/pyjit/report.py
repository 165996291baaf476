"""pyjit.report: what the JIT did in one run, from its event log (-X jit-log=FILE, docs/deopt.md).

    pyjit -m pyjit.report LOG.jsonl                 a text summary on stdout
    pyjit -m pyjit.report LOG.jsonl -o report.html  ... and a self-contained HTML page

The summary lists the hottest deopt sites, the deopt reasons, the type transitions guards saw (expected ->
observed operand types), compiles and recompiles per function and OSR entries. The page adds per-function
tables, each compiled function's bytecode with its guards' execution and failure counts and the source
line beside each instruction (read from the file the log names, when it still exists), and a timeline of
compile, deopt, recompile and OSR events. Standard library only: it also runs under a plain python3.11.

A log cut short (the process was killed while writing the last line) is read up to its last whole line.
pyjit appends to an existing log and child processes write to it too: the process that exited last
(the parent) is reported, its last run.
"""

import argparse
import collections
import dis
import html
import json
import os
import sys
import types

__all__ = ["LogError", "Summary", "load_events", "main", "render_html", "render_text"]

# Timeline rows, top to bottom, and their colours.
TIMELINE_KINDS = (("compile", "#2b7bba"), ("osr", "#7a5195"), ("deopt", "#d1495b"),
                  ("recompile", "#edae49"), ("give-up", "#555555"))


class LogError(Exception):
    """The log cannot be read: the message says why, for the user."""


def load_events(path):
    """The log's events in order, and a list of warnings (a truncated last line is skipped with one)."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise LogError("cannot read %s: %s" % (path, error.strerror)) from None
    lines = data.split(b"\n")
    events, warnings = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
            if not isinstance(event, dict) or "event" not in event:
                raise ValueError("not an event object")
        except (ValueError, UnicodeDecodeError) as error:
            last = all(not rest.strip() for rest in lines[number:])
            if last and events:
                warnings.append("%s:%d: incomplete last line skipped (was the process killed?)" % (path, number))
                continue
            raise LogError("%s:%d: not a pyjit event log line (%s)" % (path, number, error)) from None
        events.append(event)
    if not events:
        raise LogError("%s: no events (is it a pyjit -X jit-log file?)" % path)
    # pyjit appends to the log, and child processes inherit it: report one process, the one that exited
    # last (a parent outlives its children), or without an exit event the one that started last.
    ends = [event for event in events if event["event"] == "exit"] or \
           [event for event in events if event["event"] == "start"] or events
    pid = ends[-1].get("pid")
    starts = [index for index, event in enumerate(events) if event["event"] == "start" and event.get("pid") == pid]
    run = [event for event in events[starts[-1] if starts else 0:] if event.get("pid") == pid]
    others = sorted({str(event.get("pid")) for event in events} - {str(pid)})
    if others or len(starts) > 1:
        warnings.append("%s holds events of other runs or processes (pids %s): reporting pid %s's last run" % (
            path, ", ".join(others) or pid, pid))
    return run, warnings


def _types_text(names):
    return ", ".join(name if name is not None else "?" for name in names or ())


def _function_key(event):
    return (event.get("qualname", "?"), event.get("file", "?"), event.get("line", 0))


class Function:
    """What the log says about one code object (keyed by qualname, file and first line)."""

    def __init__(self, key):
        self.qualname, self.file, self.first_line = key
        self.compiles = []      # compile events
        self.deopts = []        # deopt events
        self.recompiles = []    # recompile events
        self.give_ups = []      # give-up events
        self.osr_entries = 0
        self.guards = []        # from the guards event at exit: counts per guard

    @property
    def name(self):
        return "%s (%s:%d)" % (self.qualname, os.path.basename(self.file), self.first_line)

    def direct_calls(self):
        """The call sites the last compile calls directly (its frame pushed inline, the callee's compiled code
        called): [(bytecode offset, callee qualname)] in offset order."""
        if not self.compiles:
            return []
        return sorted((site.get("offset", 0), site.get("callee", "?"))
                      for site in self.compiles[-1].get("direct_calls", []))

    def direct_calls_text(self):
        """`callee ×count` per callee of direct_calls(), most called first."""
        counts = collections.Counter(callee for _, callee in self.direct_calls())
        return ", ".join(callee if count == 1 else "%s \u00d7%d" % (callee, count)
                         for callee, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


class Summary:
    """Everything the reports show, computed once from the events."""

    def __init__(self, events):
        self.events = events
        self.start = next((e for e in events if e["event"] == "start"), {})
        self.exited = any(e["event"] == "exit" for e in events)
        self.functions = {}
        self.deopt_sites = collections.Counter()   # (key, offset, line, opname) -> deopts
        self.site_reasons = collections.defaultdict(collections.Counter)
        self.transitions = collections.Counter()   # (opname, expected, observed) -> deopts
        self.reasons = collections.Counter()
        for event in events:
            kind = event["event"]
            if kind not in ("compile", "osr", "deopt", "recompile", "give-up", "guards"):
                continue
            function = self.function(event)
            if kind == "osr":
                function.osr_entries += 1
            elif kind == "compile":
                function.compiles.append(event)
            elif kind == "deopt":
                function.deopts.append(event)
                site = ((function.qualname, function.file, function.first_line), event.get("offset"), event.get("line"), event.get("opname", "?"))
                self.deopt_sites[site] += 1
                self.site_reasons[site][event.get("reason", "?")] += 1
                self.transitions[(event.get("opname", "?"), _types_text(event.get("expected")),
                                  _types_text(event.get("observed")))] += 1
                self.reasons[event.get("reason", "?")] += 1
            elif kind == "recompile":
                function.recompiles.append(event)
            elif kind == "give-up":
                function.give_ups.append(event)
            else:
                function.guards = event.get("guards", [])

    def function(self, event):
        key = _function_key(event)
        if event["event"] in ("deopt", "recompile"):
            key = self._enclosing_function(key)
        if key not in self.functions:
            self.functions[key] = Function(key)
        return self.functions[key]

    def _enclosing_function(self, key):
        """deopt and recompile events give the guard's line, not the function's first line: the function is
        the compiled one of that name and file that starts last at or before that line."""
        qualname, file, line = key
        starts = [f.first_line for f in self.functions.values()
                  if f.qualname == qualname and f.file == file and f.first_line <= line]
        return (qualname, file, max(starts)) if starts else key

    def by_activity(self):
        """Functions, those with the most deopts and compiles first."""
        return sorted(self.functions.values(),
                      key=lambda f: (-len(f.deopts), -len(f.compiles), f.qualname, f.first_line))

    def duration(self):
        return max((event.get("ts", 0.0) for event in self.events), default=0.0)


def render_text(summary, top=15):
    out = []
    start = summary.start
    out.append("pyjit run: mode=%s threshold=%s python %s, %.3f s of events%s" % (
        start.get("mode", "?"), start.get("threshold", "?"), start.get("python", "?"), summary.duration(),
        "" if summary.exited else " (no exit event: the process did not finish normally)"))
    total = sum(summary.reasons.values())
    out.append("deopts: %d%s" % (total, "".join(", %s %d" % item for item in summary.reasons.most_common())))
    if summary.deopt_sites:
        out.append("")
        out.append("hottest deopt sites:")
        for site, count in summary.deopt_sites.most_common(top):
            (qualname, file, _), offset, line, opname = site
            reasons = ", ".join("%s %d" % item for item in summary.site_reasons[site].most_common())
            out.append("  %8d  %s at %s:%s offset %s in %s (%s)" % (
                count, opname, os.path.basename(file), line, offset, qualname, reasons))
        out.append("")
        out.append("type transitions (expected -> observed):")
        for (opname, expected, observed), count in summary.transitions.most_common(top):
            out.append("  %8d  %s: %s -> %s" % (count, opname, expected, observed))
    out.append("")
    out.append("functions:")
    out.append("  %8s %10s %6s %8s %10s  %s" % ("compiles", "recompiles", "osr", "deopts", "code bytes", "function"))
    for function in summary.by_activity():
        if not (function.compiles or function.deopts or function.give_ups):
            continue
        code_bytes = function.compiles[-1].get("code_bytes", 0) if function.compiles else 0
        note = "  gave up: %s" % function.give_ups[-1].get("reason", "?") if function.give_ups else ""
        out.append("  %8d %10d %6d %8d %10d  %s%s" % (
            len(function.compiles), len(function.recompiles), function.osr_entries, len(function.deopts),
            code_bytes, function.name, note))
    direct = [f for f in summary.by_activity() if f.direct_calls()]
    if direct:
        out.append("")
        out.append("direct calls (the last compile's call sites: offset -> callee):")
        for function in direct:
            out.append("  %s: %s" % (function.name, ", ".join(
                "%d -> %s" % site for site in function.direct_calls())))
    return "\n".join(out) + "\n"


# --- HTML ---------------------------------------------------------------------------------------------------

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; cursor: pointer; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
pre, .code td { font: 12px/1.3 ui-monospace, monospace; }
.code td { border: none; padding: 0 8px; white-space: pre; }
.code tr.guard { background: #eef6ee; } .code tr.failing { background: #fbeaea; }
.code td.src { color: #666; }
.note { color: #666; }
"""

# Sorts a table by the clicked column; fills the headline from the embedded data (so a page whose scripts
# did not run says so).
_SCRIPT = """
const data = JSON.parse(document.getElementById('report-data').textContent);
document.getElementById('headline').textContent =
  data.functions + ' functions, ' + data.compiles + ' compiles, ' + data.deopts + ' deopts, ' +
  data.recompiles + ' recompiles, ' + data.osr + ' OSR entries';
for (const th of document.querySelectorAll('table.sortable th')) {
  th.addEventListener('click', () => {
    const table = th.closest('table'), index = [...th.parentNode.children].indexOf(th);
    const rows = [...table.tBodies[0].rows];
    const value = r => { const t = r.cells[index].textContent; const n = parseFloat(t); return isNaN(n) ? t : n; };
    const descending = th.dataset.order !== 'desc';
    rows.sort((a, b) => (value(a) > value(b) ? 1 : value(a) < value(b) ? -1 : 0) * (descending ? -1 : 1));
    th.dataset.order = descending ? 'desc' : 'asc';
    rows.forEach(r => table.tBodies[0].appendChild(r));
  });
}
"""


def _e(value):
    return html.escape(str(value))


def _table(headers, rows, numeric=(), css="sortable"):
    out = ['<table class="%s"><thead><tr>' % css]
    out += ["<th>%s</th>" % _e(h) for h in headers]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join('<td%s>%s</td>' % (' class="n"' if i in numeric else "", _e(cell))
                                    for i, cell in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _timeline(summary, width=960):
    """An inline SVG: one row per event kind, one mark per event at its time."""
    row_height, left, right = 26, 90, 20
    duration = summary.duration() or 1.0
    height = row_height * len(TIMELINE_KINDS) + 30
    scale = (width - left - right) / duration
    out = ['<svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" '
           'aria-label="timeline of JIT events">' % (width, height)]
    for row, (kind, colour) in enumerate(TIMELINE_KINDS):
        y = 15 + row * row_height
        count = sum(1 for e in summary.events if e["event"] == kind)
        out.append('<text x="4" y="%d" font-size="12">%s (%d)</text>' % (y + 4, kind, count))
        out.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#ddd"/>' % (left, width - right, y, y))
        for event in summary.events:
            if event["event"] != kind:
                continue
            x = left + event.get("ts", 0.0) * scale
            label = "%s %s at %.4f s" % (kind, event.get("qualname", ""), event.get("ts", 0.0))
            if kind == "deopt":
                label += " line %s: %s -> %s" % (event.get("line"), _types_text(event.get("expected")),
                                                 _types_text(event.get("observed")))
            out.append('<rect class="event %s" x="%.1f" y="%d" width="3" height="14" fill="%s"><title>%s</title>'
                       '</rect>' % (kind, x, y - 7, colour, _e(label)))
    axis_y = height - 8
    for tick in range(6):
        seconds = duration * tick / 5
        out.append('<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%.3g s</text>' % (
            left + seconds * scale, axis_y, seconds))
    out.append("</svg>")
    return "".join(out)


def _code_objects(path):
    """Every code object of the source file, or None when it cannot be read or compiled."""
    try:
        with open(path, "rb") as file:
            source = file.read()
        module = compile(source, path, "exec", dont_inherit=True)
    except (OSError, SyntaxError, ValueError):
        return None, None
    found, pending = [], [module]
    while pending:
        code = pending.pop(0)
        found.append(code)
        pending.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
    return found, source.decode("utf-8", "replace").splitlines()


def _listing(function, sources):
    """The function's bytecode with its guards' counts and the source lines, or a note why not."""
    if function.file not in sources:
        sources[function.file] = _code_objects(function.file)
    codes, lines = sources[function.file]
    if codes is None:
        return '<p class="note">No listing: cannot read %s.</p>' % _e(function.file)
    code = next((c for c in codes if c.co_qualname == function.qualname
                 and c.co_firstlineno == function.first_line), None)
    if code is None:
        return '<p class="note">No listing: %s no longer has this function.</p>' % _e(function.file)
    guards = collections.defaultdict(list)
    for guard in function.guards:
        guards[guard.get("offset")].append(guard)
    deopts = collections.Counter(event.get("offset") for event in function.deopts)
    out = ['<table class="code"><tbody>']
    for instruction in dis.get_instructions(code):
        at = guards.get(instruction.offset, [])
        failures = sum(g.get("failures", 0) for g in at) or deopts.get(instruction.offset, 0)
        note = "; ".join("guard %s: %d executions, %d failures" % (
            _types_text(g.get("expected")) if g.get("guard", "operand-types") == "operand-types" else g["guard"],
            g.get("executions", 0), g.get("failures", 0)) for g in at)
        if not at and failures:
            note = "%d deopts" % failures
        css = "failing" if failures else ("guard" if at else "")
        source = ""
        if instruction.starts_line is not None and 0 < instruction.starts_line <= len(lines):
            source = "%d: %s" % (instruction.starts_line, lines[instruction.starts_line - 1].strip())
        out.append('<tr class="%s"><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td class="src">%s</td></tr>' % (
            css, instruction.offset, _e(instruction.opname), _e(instruction.argrepr), _e(note), _e(source)))
    out.append("</tbody></table>")
    if sys.version_info[:2] != (3, 11):
        out.append('<p class="note">Listed by Python %d.%d: offsets match pyjit only under 3.11.</p>'
                   % sys.version_info[:2])
    return "".join(out)


def render_html(summary, title="pyjit report"):
    data = {
        "functions": sum(1 for f in summary.functions.values() if f.compiles),
        "compiles": sum(len(f.compiles) for f in summary.functions.values()),
        "deopts": sum(summary.reasons.values()),
        "recompiles": sum(len(f.recompiles) for f in summary.functions.values()),
        "osr": sum(1 for e in summary.events if e["event"] == "osr"),
    }
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title><style>%s</style>'
           '</head><body>' % (_e(title), _STYLE)]
    start = summary.start
    out.append("<h1>%s</h1>" % _e(title))
    out.append('<p>mode %s, threshold %s, Python %s. <b id="headline">(scripts did not run)</b></p>' % (
        _e(start.get("mode", "?")), _e(start.get("threshold", "?")), _e(start.get("python", "?"))))
    out.append("<h2>Timeline</h2>" + _timeline(summary))
    out.append("<h2>Functions</h2>")
    out.append(_table(["function", "compiles", "recompiles", "OSR entries", "deopts", "code bytes",
                       "compile ms", "tier", "direct calls", "gave up"],
                      [[f.name, len(f.compiles), len(f.recompiles), f.osr_entries, len(f.deopts),
                        f.compiles[-1].get("code_bytes", 0) if f.compiles else 0,
                        "%.2f" % sum(c.get("ms", 0.0) for c in f.compiles),
                        f.compiles[-1].get("tier", "") if f.compiles else "",
                        f.direct_calls_text(),
                        f.give_ups[-1].get("reason", "") if f.give_ups else ""]
                       for f in summary.by_activity()], numeric=(1, 2, 3, 4, 5, 6)))
    out.append("<h2>Deopt sites</h2>")
    out.append(_table(["deopts", "function", "line", "offset", "opname", "reasons"],
                      [[count, site[0][0], site[2], site[1], site[3],
                        ", ".join("%s %d" % item for item in summary.site_reasons[site].most_common())]
                       for site, count in summary.deopt_sites.most_common()], numeric=(0, 2, 3)))
    out.append("<h2>Type transitions</h2>")
    out.append(_table(["deopts", "opname", "expected", "observed"],
                      [[count, *transition] for transition, count in summary.transitions.most_common()],
                      numeric=(0,)))
    out.append("<h2>Compiled code</h2>")
    sources = {}
    for function in summary.by_activity():
        if not function.compiles:
            continue
        out.append('<h3 class="function">%s</h3>' % _e(function.name))
        out.append(_listing(function, sources))
    out.append('<script type="application/json" id="report-data">%s</script>' % json.dumps(data))
    out.append("<script>%s</script></body></html>" % _SCRIPT)
    return "".join(out)


def _argument_parser():
    parser = argparse.ArgumentParser(
        prog="pyjit -m pyjit.report",
        description="Summarize a pyjit event log (-X jit-log=FILE): deopt sites, reasons, type transitions, "
                    "compiles, recompiles and OSR entries; with -o, also a self-contained HTML page.")
    parser.add_argument("log", metavar="LOG.jsonl", help="the event log")
    parser.add_argument("-o", "--output", metavar="REPORT.html", help="write the HTML report here")
    parser.add_argument("--top", type=int, default=15, help="deopt sites and transitions listed (default 15)")
    return parser


def main(argv=None):
    args = _argument_parser().parse_args(argv)
    try:
        events, warnings = load_events(args.log)
    except LogError as error:
        print("pyjit.report: %s" % error, file=sys.stderr)
        return 2
    for warning in warnings:
        print("pyjit.report: warning: %s" % warning, file=sys.stderr)
    summary = Summary(events)
    sys.stdout.write(render_text(summary, args.top))
    if args.output:
        title = "pyjit report: %s" % os.path.basename(args.log)
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(render_html(summary, title))
        except OSError as error:
            print("pyjit.report: cannot write %s: %s" % (args.output, error.strerror), file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
