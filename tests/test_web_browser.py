"""The SCO page in a real headless Chromium (Debian's `chromium`), served by uvicorn:
the date picker works without JavaScript, and the page fits a phone's screen."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from conftest import TODAY
from multilateral.web import WebSettings, create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def site(sqlite_url: str) -> Iterator[str]:
    """The site on a free port of 127.0.0.1, in a thread of this process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(WebSettings(database=sqlite_url, today=TODAY))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("MULTILATERAL_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} not found: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} not found")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_the_date_picker_moves_india_from_observer_to_member(site: str, browser: object,
                                                             tmp_path: Path) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    context = browser.new_context(java_script_enabled=False)  # reading needs no script
    page = context.new_page()
    page.goto(f"{site}/org/SCO")
    expect(page.locator("h1")).to_contain_text("Shanghai Cooperation Organisation")

    page.fill("input#on", "2016-01-01")
    page.click("button#show")
    page.wait_for_url("**/org/SCO?on=2016-01-01")
    expect(page.locator("#status-observer")).to_contain_text("India")
    expect(page.locator("#status-member")).not_to_contain_text("India")

    page.fill("input#on", "2019-11-19")
    page.click("button#show")
    page.wait_for_url("**/org/SCO?on=2019-11-19")
    expect(page.locator("#status-member")).to_contain_text("India")
    expect(page.locator("#status-observer")).not_to_contain_text("India")
    expect(page.locator("svg.timeline")).to_be_visible()

    shot = tmp_path / "sco-2019-11-19.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("MULTILATERAL_TEST_OUTPUT")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    print(f"screenshot: {shot}")
    context.close()


def test_the_page_fits_a_phone(site: str, browser: object, tmp_path: Path) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site}/org/SCO?on=2019-11-19")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"
    page.screenshot(path=str(tmp_path / "sco-phone.png"))
    context.close()
