"""A test passes only when it checked something.

Every check a test makes is counted, from the start of its setup to the end of its call:

- ``assert`` statements that pass: with ``enable_assertion_pass_hook = true`` in
  ``pyproject.toml``, pytest's assertion rewriting (of test modules, conftests and the helper
  packages ``tests/conftest.py`` registers with ``pytest.register_assert_rewrite``) makes each
  passing assert ask whether a ``pytest_assertion_pass`` hook is implemented; this plugin
  counts those questions (see ``_counting_pass_check``);
- ``pytest.raises``, ``pytest.warns`` and ``pytest.deprecated_call``;
- the ``assert*`` and ``fail*`` methods of ``unittest.TestCase`` and the ``assert*`` methods of
  Django's test cases (``assertContains``, ``assertRedirects``, ``assertNumQueries``, ...), also
  through ``pytest_django.asserts``, and those a collected test case inherits from elsewhere
  (Wagtail's ``assertCanCreateAt``, ...);
- pytest-django's ``django_assert_num_queries`` and ``django_assert_max_num_queries``;
- Playwright's ``expect(...).to_*()`` assertions;
- helpers that check without an ``assert`` statement and call :func:`count_assertion`.

A test that ends without any of them fails with "this test reached no assertion". (A test that
reaches ``pytest.fail`` or ``pytest.skip`` has already failed or been skipped.)
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import types
import unittest
from pathlib import Path

import pytest
from _pytest.assertion import rewrite

MESSAGE = "this test reached no assertion"
_SELF = str(Path(__file__).resolve().parent) + os.sep  # tests/plugins/
_TESTS = str(Path(__file__).resolve().parents[1]) + os.sep  # tests/


class _Count:
    checks = 0


_count = _Count()


def count_assertion() -> None:
    """Count one check made by a helper that raises ``AssertionError`` without ``assert``."""
    _count.checks += 1


def _counting(function):
    """``function``, counted as an assertion each time it is called."""
    if getattr(function, "_counts_as_assertion", False):
        return function

    @functools.wraps(function)
    def counted(*args, **kwargs):
        count_assertion()
        return function(*args, **kwargs)

    counted._counts_as_assertion = True
    return counted


def _count_methods(cls, prefixes) -> None:
    for name, value in list(vars(cls).items()):
        if name.startswith(prefixes) and inspect.isfunction(value):
            setattr(cls, name, _counting(value))


def _patch_assertion_apis() -> None:
    pytest.raises = _counting(pytest.raises)
    pytest.warns = _counting(pytest.warns)
    pytest.deprecated_call = _counting(pytest.deprecated_call)

    _count_methods(unittest.TestCase, ("assert", "fail"))
    from django.test import LiveServerTestCase, SimpleTestCase, TestCase, TransactionTestCase

    for cls in (SimpleTestCase, TransactionTestCase, TestCase, LiveServerTestCase):
        _count_methods(cls, ("assert",))
    try:
        from django.contrib.messages.test import MessagesTestMixin
    except ImportError:  # Django < 5.0
        pass
    else:
        _count_methods(MessagesTestMixin, ("assert",))

    # pytest_django.asserts binds the methods when it is imported: after the patches above it
    # binds counted ones; if something imported it earlier, count its functions directly.
    import pytest_django.asserts
    import pytest_django.fixtures

    for name in pytest_django.asserts.__all__:
        setattr(pytest_django.asserts, name, _counting(getattr(pytest_django.asserts, name)))
    # The query-count fixtures look this up when they are requested.
    pytest_django.fixtures._assert_num_queries = _counting(
        pytest_django.fixtures._assert_num_queries
    )

    try:
        from playwright import sync_api
    except ImportError:  # the browser tests skip without Playwright
        return
    for cls in (
        sync_api.PageAssertions,
        sync_api.LocatorAssertions,
        sync_api.APIResponseAssertions,
    ):
        _count_methods(cls, ("to_", "not_to_"))


_patch_assertion_apis()


@functools.cache
def _counts(filename: str) -> bool:
    """Whether an assert in ``filename`` counts: one of the tests or their helpers. Installed
    plugins (pytest-django's among them) are rewritten too, and their asserts do not."""
    filename = os.path.realpath(filename)
    return filename.startswith(_TESTS) and not filename.startswith(_SELF)


_pass_check = rewrite._check_if_assertion_pass_impl


def _counting_pass_check() -> bool:
    """Counts a passing assert of rewritten code, then answers as pytest's own function.

    With ``enable_assertion_pass_hook``, rewritten code calls this after every assert that
    passes, and builds the assert's explanation (the repr of each value in it) only when it
    returns True, that is when a plugin implements ``pytest_assertion_pass``. This plugin does
    not: it counts here instead, because building explanations for passing asserts runs code
    (a model's ``__str__`` can query the database inside ``assertNumQueries``) and slows
    every test down.
    """
    if _counts(sys._getframe(1).f_code.co_filename):
        _count.checks += 1
    return _pass_check()


rewrite._check_if_assertion_pass_impl = _counting_pass_check


def _rewritten_without_pass_hook(code: types.CodeType) -> bool:
    """Whether ``code`` (or code nested in it) has asserts rewritten before the pass hook was
    enabled: pytest then loaded a stale cached ``.pyc`` whose asserts never report a pass."""
    names = set()
    stack = [code]
    while stack:
        current = stack.pop()
        names.update(current.co_names)
        stack.extend(const for const in current.co_consts if isinstance(const, types.CodeType))
    return "_format_explanation" in names and "_check_if_assertion_pass_impl" not in names


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getini("enable_assertion_pass_hook")) and (
        config.getoption("assertmode") == "rewrite"
    )


def pytest_configure(config: pytest.Config) -> None:
    if not _enabled(config):
        config.issue_config_time_warning(
            pytest.PytestConfigWarning(
                "the no-assertion check is off: it needs enable_assertion_pass_hook = true "
                "and --assert=rewrite"
            ),
            stacklevel=2,
        )


def pytest_collection_modifyitems(items) -> None:
    """Count the ``assert*`` methods that test case classes inherit from elsewhere too, such
    as Wagtail's ``WagtailPageTestCase.assertCanCreateAt``."""
    for cls in {getattr(item, "cls", None) for item in items}:
        if isinstance(cls, type) and issubclass(cls, unittest.TestCase):
            for base in cls.__mro__[:-1]:  # all but object
                _count_methods(base, ("assert",))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    _count.checks = 0
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if (
        isinstance(item, pytest.Function)
        and _count.checks == 0
        and _enabled(item.config)
        and not item.get_closest_marker("xfail")
    ):
        message = (
            f"{MESSAGE}: it ran to its end without a passing assert, pytest.raises/warns, "
            "an assert* method of a test case, a query-count check or Playwright's expect(), "
            "so it would pass whatever the site did."
        )
        function = getattr(item, "function", None)
        if function is not None and _rewritten_without_pass_hook(function.__code__):
            message += (
                " Its module was loaded from a .pyc that pytest rewrote before "
                "enable_assertion_pass_hook was on: delete the __pycache__ directories under "
                "tests/ and run again."
            )
        pytest.fail(message, pytrace=False)
    return result
