# testlib.py - a small test runner and assertions for the firmware's MicroPython tests.
# run_module runs every function named test_* of a test file (by name), each with fresh
# fakes, and prints "ok"/"FAIL" lines and "N passed, M failed".
import sys
import machine
import fake_time

TEST_DIR = "/test"


def eq(actual, expected, what=""):
    if actual != expected:
        raise AssertionError("%s\n  expected: %r\n  actual:   %r" % (what or "values differ", expected, actual))


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def near(actual, expected, tol, what=""):
    if abs(actual - expected) > tol:
        raise AssertionError("%s: %r is not within %r of %r" % (what or "values differ", actual, tol, expected))


def raises(exc_type, fn, *args):
    try:
        fn(*args)
    except exc_type as e:
        return e
    raise AssertionError("%s was not raised" % exc_type.__name__)


def expected_file(name):
    with open(TEST_DIR + "/expected/" + name) as f:
        return f.read()


def same_as_file(actual, name):
    # Compare text with test/expected/NAME; on a difference write NAME.actual beside it
    # (run.mjs copies it back to test/expected/) and fail with the first differing line.
    try:
        expected = expected_file(name)
    except OSError:
        expected = ""
    if actual == expected:
        return
    with open(TEST_DIR + "/expected/" + name + ".actual", "w") as f:
        f.write(actual)
    a, e = actual.split("\n"), expected.split("\n")
    for i in range(max(len(a), len(e))):
        x = a[i] if i < len(a) else "<end>"
        y = e[i] if i < len(e) else "<end>"
        if x != y:
            raise AssertionError("%s differs at line %d (see %s.actual)\n  expected: %s\n  actual:   %s"
                                 % (name, i + 1, name, y, x))


def run_module(modname, host_test_dir=""):
    mod = __import__(modname)
    names = sorted(n for n in dir(mod) if n.startswith("test_"))
    passed = failed = 0
    for name in names:
        machine.reset_fake()
        fake_time.reset(0)
        try:
            getattr(mod, name)()
            passed += 1
            print("ok   " + name)
        except Exception as e:
            failed += 1
            print("FAIL " + name)
            sys.print_exception(e, sys.stderr)
    print("%s: %d passed, %d failed" % (modname, passed, failed))
    return failed
