"""Runs one module of CPython's Lib/test in this interpreter and records every test case's outcome.

    python3.11 run_module.py MODULE RESULTS.jsonl [EXCLUDED-ID-PREFIX...]
        (MODULE e.g. test_math, or test_json — a package; excluded cases are not run)

Run by tools/cpython_tests.py, once under python3.11 and once under pyjit; it writes
one JSON line per finished case, {"id": test id, "outcome": pass|fail|error|skip|xfail|xpass}
(a later line for the same id wins), or one {"load_error": text} line. Lines are appended and
flushed as cases finish, so a run that crashes or hangs still tells which cases finished before.
"""

import json
import sys
import unittest

from test import support


class RecordingResult(unittest.TextTestResult):
    """Appends one line per outcome to the results file as soon as it is known."""

    def __init__(self, results_file, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.results_file = results_file
        self.outcomes = {}

    def _record(self, test, outcome):
        test_id = test.id()
        # A subTest failure marks its parent case failed; a later addSuccess must not undo that.
        if self.outcomes.get(test_id) in ("fail", "error") and outcome == "pass":
            return
        self.outcomes[test_id] = outcome
        self.results_file.write(json.dumps({"id": test_id, "outcome": outcome}) + "\n")
        self.results_file.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "pass")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "fail")

    def addError(self, test, err):
        super().addError(test, err)
        # Errors in setUpClass/setUpModule arrive as a _ErrorHolder with its own id.
        self._record(test, "error")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skip")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "xfail")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "xpass")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._record(test, "error" if not issubclass(err[0], test.failureException) else "fail")


def without_excluded(suite, excluded_prefixes):
    kept = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            kept.addTest(without_excluded(test, excluded_prefixes))
        elif not any(test.id() == p or test.id().startswith(p + ".") for p in excluded_prefixes):
            kept.addTest(test)
    return kept


def main():
    module_name, results_path, excluded_prefixes = sys.argv[1], sys.argv[2], sys.argv[3:]
    # As regrtest does by default: no optional resources (network, cpu-heavy, ...), the same for
    # both interpreters. Outside regrtest every resource would count as enabled.
    support.use_resources = []
    support.verbose = 0
    with open(results_path, "w") as results_file:
        try:
            suite = unittest.defaultTestLoader.loadTestsFromName("test." + module_name)
            suite = without_excluded(suite, excluded_prefixes)
        except Exception as exc:  # an import error is a result too: both interpreters must agree
            results_file.write(json.dumps({"load_error": "%s: %s" % (type(exc).__name__, exc)}))
            return 1
        runner = unittest.TextTestRunner(
            stream=sys.stderr, verbosity=2,
            resultclass=lambda *a, **k: RecordingResult(results_file, *a, **k))
        runner.run(suite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
