"""The web app in a real browser: Debian's Chromium, driven by Playwright, against a real
``medcite serve`` process on loopback.

ask → answer → follow-up → submit → review → approve → the library shows it approved;
the ask page used with the keyboard alone, with JavaScript off, and its waiting state;
screenshots of the answer page at phone and desktop widths saved under tests/artifacts/.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from medcite.db import Database, database_url
from medcite.web.templating import ENHANCE_URL
from support.web import HOSTILE_QUESTION, PASSWORD, add_accounts, build_index

ARTIFACTS = Path(__file__).parents[1] / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``medcite serve`` over the fixture index, with accounts, on a free loopback port."""
    data_dir = tmp_path_factory.mktemp("served")
    settings = build_index(data_dir)
    database = Database.open(database_url(settings))
    database.upgrade()
    add_accounts(database)
    database.close()
    port = free_port()
    log = (data_dir / "serve.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "medcite",
            "--data-dir",
            str(data_dir),
            "serve",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"medcite serve did not start: {(data_dir / 'serve.log').read_text()}")
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def new_page(browser: object, width: int = 1280, height: int = 900, script: bool = True):  # type: ignore[no-untyped-def]
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": height}, java_script_enabled=script
    )
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    return page


def sign_in(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form[action='/signin'] button[type=submit]")
    page.wait_for_load_state()


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("form[action='/signout'] button")
    page.wait_for_load_state()


def test_the_ask_page_works_with_the_keyboard_alone(server: str, browser: object) -> None:
    page = new_page(browser)
    page.goto(server + "/")
    assert page.evaluate("document.documentElement.dataset.enhanced") == "true"  # CSP lets it
    assert page.evaluate("document.activeElement.id") == "q"  # the question box has focus
    page.keyboard.type(HOSTILE_QUESTION)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "audience-clinician"
    page.keyboard.press("ArrowRight")  # radio group: arrows choose
    assert page.is_checked("#audience-researcher")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Ask"
    page.keyboard.press("Enter")
    page.wait_for_url("**/answers/**")
    assert page.inner_text("h1") == HOSTILE_QUESTION
    assert "pending human review" in page.inner_text(".status")
    page.goto(server + "/")  # the audience is remembered
    assert page.is_checked("#audience-researcher")
    assert page.console_errors == []


def test_an_answer_on_its_way_says_so_and_cannot_be_sent_twice(
    server: str, browser: object
) -> None:
    page = new_page(browser)
    page.goto(server + "/")
    page.fill("#q", HOSTILE_QUESTION)
    form = "form[action='/ask']"
    # Hold the form where it is (as a slow answer would) to see the waiting state.
    page.eval_on_selector(form, "f => f.addEventListener('submit', e => e.preventDefault())")
    page.click(f"{form} button")
    assert page.get_attribute(form, "aria-busy") == "true"
    assert page.is_disabled(f"{form} button")
    assert page.inner_text(f"{form} button") == "Finding evidence…"
    assert page.console_errors == []


def test_asking_works_with_javascript_off(server: str, browser: object) -> None:
    page = new_page(browser, script=False)
    page.goto(server + "/")
    page.fill("#q", HOSTILE_QUESTION)
    page.click("form[action='/ask'] button")
    page.wait_for_url("**/answers/**")
    assert page.locator("ol.references li").count() >= 1
    page.fill("#follow-up", "and calcinosis in children?")
    page.click("section.box form button")
    page.wait_for_url("**/answers/**")
    assert page.inner_text("h1") == "and calcinosis in children?"


def test_ask_follow_up_submit_review_approve_and_the_library_shows_it(
    server: str, browser: object
) -> None:
    page = new_page(browser)
    page.goto(server + "/")
    page.fill("#q", HOSTILE_QUESTION)
    page.click("form[action='/ask'] button")
    page.wait_for_url("**/answers/**")
    first = page.url
    assert page.locator("ol.references li").count() >= 1
    assert page.locator(f"script:not([src='{ENHANCE_URL}'])").count() == 0  # markup is text
    assert "alert('title')" in page.inner_text("ol.references")

    ARTIFACTS.mkdir(exist_ok=True)
    for name, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
        shot = new_page(browser, width, height)
        shot.goto(first)
        shot.screenshot(path=str(ARTIFACTS / f"answer-{name}.png"), full_page=True)
        # Nothing is wider than the screen: no sideways scrolling on a phone.
        assert shot.evaluate("document.documentElement.scrollWidth") <= width
    assert (ARTIFACTS / "answer-phone.png").stat().st_size > 10_000

    page.fill("#follow-up", "and calcinosis in children?")
    page.click("section.box form button")
    page.wait_for_url("**/answers/**")
    assert page.url != first
    follow_up = httpx.get(f"{server}/api/v1/answers/{page.url.rsplit('/', 1)[1]}").json()
    assert follow_up["snapshot"]["conversation"] == first.rsplit("/", 1)[1]

    sign_in(page, server, "ed")
    page.goto(first)
    page.click("text=Submit for review")
    page.wait_for_url("**/review/**")
    review_url = page.url
    assert "Submitted" in page.inner_text("main")
    sign_out(page)

    sign_in(page, server, "rev")
    page.goto(server + "/review")
    page.click(f"a[href='{review_url.replace(server, '')}']")
    page.click("button[value=start_review]")
    page.wait_for_load_state()
    page.fill("#comment", "Checked each statement against its abstract.")
    page.click("button[value=approve]")
    page.wait_for_load_state()
    assert "Approved" in page.inner_text("main p")
    assert "Checked each statement against its abstract." in page.inner_text("table")
    sign_out(page)

    page.goto(server + "/library")
    row = page.locator("tbody tr").first
    assert HOSTILE_QUESTION in row.inner_text() and "rev" in row.inner_text()
    row.locator("a").click()
    page.wait_for_url(first)
    assert "Approved by the medical advisory board (rev," in page.inner_text(".status")
    assert page.console_errors == []
