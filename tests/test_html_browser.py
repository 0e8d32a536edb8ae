"""The HTML report in a real browser: headless Chromium (Debian's) driven by Selenium.

Each page is written to a file and loaded from it, at a desktop width (1280 px) and a phone
width (390 px): no console error, the figures and the chart in the DOM, sorting and filtering,
every in-page link resolving, nothing wider than the window. A full-page screenshot at each
width is saved under the test's tmp_path, and into ``$SANCTIONS_TRACKER_ARTEFACTS`` when set.

Needs ``chromium`` and ``chromedriver`` (Debian: ``apt-get install chromium chromium-driver``)
and the ``selenium`` package (the ``test`` extra). Without them the tests are skipped, saying
why; with ``SANCTIONS_TRACKER_REQUIRE_BROWSER=1`` (as ``.ci/run`` sets) they fail instead.
Nothing here downloads a browser or a driver: Selenium is given both paths and told to stay
offline.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

import sanctions_tracker
from sanctions_tracker.output.render import render_report
from sanctions_tracker.output.report import build_report

from .conftest import FIXTURES

if TYPE_CHECKING:
    from collections.abc import Iterator

REQUIRE_ENV = "SANCTIONS_TRACKER_REQUIRE_BROWSER"
ARTEFACTS_ENV = "SANCTIONS_TRACKER_ARTEFACTS"
WIDTHS = (1280, 390)
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)
DEBIAN_DRIVER = "/usr/lib/chromium/chromedriver"
HOSTILE_NAME = "<script>alert('name')</script> Trading <b>LLC</b>"


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason}, and {REQUIRE_ENV}=1 requires the browser tests to run")
    pytest.skip(f"{reason}: install chromium and chromium-driver (Debian) and selenium to run "
                "the browser tests")


def _find(names: tuple[str, ...], *extra: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in extra if os.access(path, os.X_OK)), None)


def _driver(*, javascript: bool = True) -> Any:
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed")
    browser = _find(BROWSERS)
    driver = _find(DRIVERS, DEBIAN_DRIVER)
    if browser is None or driver is None:
        _unavailable(f"no {'chromium' if browser is None else 'chromedriver'} on PATH")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a browser or driver
    options = Options()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        return webdriver.Chrome(service=Service(executable_path=driver), options=options)
    except WebDriverException as exc:
        _unavailable(f"chromium did not start ({exc.msg})")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = _driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped data's page and the fixture page (every chart shape, hostile names)."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, dataset in (("shipped", sanctions_tracker.load()),
                          ("fixture", sanctions_tracker.load([FIXTURES / "html"]))):
        path = folder / f"{name}.html"
        report = build_report(dataset, sanctions_tracker.check(dataset))
        path.write_text(render_report(report, "html"), encoding="utf-8")
        written[name] = path
    return written


def _load(browser: Any, page: Path, width: int) -> None:
    browser.set_window_size(width, 900)
    browser.get(page.as_uri())
    browser.get_log("browser")  # start each test with an empty log


def _errors(browser: Any) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")]


def _text(browser: Any, element_id: str) -> str:
    return str(browser.execute_script(
        "return document.getElementById(arguments[0]).innerText", element_id))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["shipped", "fixture"])
def test_the_page_loads_without_errors_and_fits_the_window(
        browser: Any, pages: dict[str, Path], name: str, width: int, tmp_path: Path) -> None:
    _load(browser, pages[name], width)
    assert browser.title == "sanctions-tracker report"
    assert browser.execute_script("return document.documentElement.classList.contains('js')")
    # Nothing is wider than the window: wide tables and the chart scroll inside their boxes.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")
    # The sections follow one another without overlapping.
    boxes = browser.execute_script(
        "return Array.from(document.querySelectorAll('main > section'), s => {"
        " const r = s.getBoundingClientRect(); return [s.id, r.top, r.bottom]; })")
    assert len(boxes) >= 4
    for (_, _, bottom), (section, top, _) in itertools.pairwise(boxes):
        assert top >= bottom - 1, section
    _screenshot(browser, f"{name}-{width}", tmp_path)
    assert _errors(browser) == []


def _screenshot(browser: Any, name: str, tmp_path: Path) -> None:
    """A full-page screenshot: the window made as tall as the page."""
    width = browser.execute_script("return window.outerWidth")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height + 140, 30_000))
    path = tmp_path / f"report-{name}.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    artefacts = os.environ.get(ARTEFACTS_ENV)
    if artefacts:
        Path(artefacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(artefacts) / path.name)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_in_page_link_resolves(browser: Any, pages: dict[str, Path], width: int) -> None:
    for page in pages.values():
        _load(browser, page, width)
        links, dead = browser.execute_script(
            "const links = Array.from(document.querySelectorAll('[href^=\"#\"]'),"
            " a => a.getAttribute('href').slice(1));"
            "return [links.length, links.filter(id => !document.getElementById(id))];")
        assert links > 20
        assert dead == []


def test_the_figures_and_the_chart_are_in_the_dom(browser: Any, pages: dict[str, Path]) -> None:
    _load(browser, pages["fixture"], 1280)
    row = _text(browser, "m-growth-break")
    assert "1,159" in row
    assert "477 (derived)" in row
    points = browser.execute_script(
        "return Array.from(document.querySelectorAll('#chart-growth-list a.point'),"
        " a => [a.getAttribute('href'), a.querySelector('.point-label').textContent,"
        " a.getBoundingClientRect().width > 0])")
    assert points == [["#m-growth-first", "57", True], ["#m-growth-second", "798", True],
                      ["#m-growth-break", "1,159", True], ["#m-growth-carried", "1,402", True]]
    gap = browser.execute_script(
        "return document.querySelector('#chart-growth-list a.gap .gap-label').textContent")
    assert gap == "798 + 682 = 1,480 ≠ 1,159"
    svg = browser.find_element("id", "chart-growth-list")
    assert svg.get_attribute("role") == "img"
    assert svg.accessible_name.startswith("Total items over time:")
    # A point is a link to its row.
    browser.execute_script(
        "document.querySelector('#chart-growth-list a.point[href=\"#m-growth-break\"]')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert browser.execute_script("return location.hash") == "#m-growth-break"
    assert HOSTILE_NAME in _text(browser, "s-round-itemized--1")
    assert _errors(browser) == []


def _column(browser: Any, table: str, index: int) -> list[str]:
    return list(browser.execute_script(
        "return Array.from(document.getElementById(arguments[0]).tBodies[0].rows)"
        ".filter(r => !r.hidden).map(r => r.cells[arguments[1]].innerText.trim())",
        table, index))


def test_tables_sort_by_a_column_both_ways(browser: Any, pages: dict[str, Path]) -> None:
    _load(browser, pages["fixture"], 1280)
    table = "chart-growth-list-table"
    headers = browser.execute_script(
        "return Array.from(document.getElementById(arguments[0]).tHead.rows[0].cells,"
        " c => c.innerText.trim())", table)
    after = headers.index("Total after")
    button = browser.find_element(
        "css selector", f"#{table} thead th:nth-child({after + 1}) button")
    button.click()
    ascending = _column(browser, table, after)
    assert ascending == ["57", "798", "1,159", "1,402 (carried)"]
    header = browser.find_element("css selector", f"#{table} thead th:nth-child({after + 1})")
    assert header.get_attribute("aria-sort") == "ascending"
    button.click()
    assert _column(browser, table, after) == list(reversed(ascending))
    assert header.get_attribute("aria-sort") == "descending"
    # Text columns sort as text: the findings by severity rank, errors first.
    severity = browser.find_element("css selector", "#findings-table thead th:nth-child(2) button")
    severity.click()
    ranks = _column(browser, "findings-table", 1)
    assert ranks[0] == "error"
    assert ranks == sorted(ranks, key=["error", "warning", "info"].index)
    assert _errors(browser) == []


def test_tables_filter_by_what_a_row_says(browser: Any, pages: dict[str, Path]) -> None:
    _load(browser, pages["fixture"], 390)
    field = browser.find_element(
        "css selector", "#findings-table-h ~ label.filter input")
    total = len(_column(browser, "findings-table", 2))
    field.send_keys("chain-break")
    codes = _column(browser, "findings-table", 2)
    assert codes == ["chain-break"]
    count = browser.find_element("css selector", "#findings-table-h ~ .count").text
    assert count == f"1 of {total} rows"
    field.clear()
    field.send_keys(" ")  # an input event with nothing to match: every row again
    assert len(_column(browser, "findings-table", 2)) == total
    assert _errors(browser) == []


def test_without_scripts_every_row_is_there(pages: dict[str, Path]) -> None:
    driver = _driver(javascript=False)
    try:
        driver.set_window_size(1280, 900)
        driver.get(pages["fixture"].as_uri())
        assert driver.find_elements("css selector", "label.filter") == []
        rows = driver.find_elements("css selector", "#timeline-growth-list tbody tr")
        assert [r.get_attribute("id") for r in rows] == [
            "m-growth-first", "m-growth-second", "m-growth-break", "m-growth-carried"]
        assert all(r.is_displayed() for r in rows)
        assert "Sort" not in driver.find_element("id", "timeline-growth-list").text
    finally:
        driver.quit()


def test_dark_and_print_styles_apply(browser: Any, pages: dict[str, Path]) -> None:
    _load(browser, pages["fixture"], 1280)

    def background() -> str:
        return str(browser.execute_script(
            "return getComputedStyle(document.body).backgroundColor"))

    assert background() == "rgb(255, 255, 255)"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    assert background() == "rgb(13, 17, 23)"
    # Printed: light, no filter fields or contents, wide tables unfolded instead of scrolled.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert background() == "rgb(255, 255, 255)"
    hidden = browser.execute_script(
        "return ['label.filter', 'nav'].map(s => getComputedStyle("
        "document.querySelector(s)).display)")
    assert hidden == ["none", "none"]
    assert browser.execute_script(
        "return getComputedStyle(document.querySelector('.table-wrap')).overflowX") == "visible"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    assert _errors(browser) == []
