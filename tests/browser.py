"""Open a page in headless Chromium with the network cut off, and report what it tried.

The reader pages promise to work offline. Reading the HTML for ``http`` misses what only a
browser sees (CSS ``url()``, ``@import``, scripts that add scripts), so the page is loaded
for real: every request for a file:// or data: URL is served, every other one is recorded
and aborted. Debian's chromium is used; playwright never downloads a browser here.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:")
# After 'load', long enough for anything a script schedules to start its request.
NETWORK_IDLE_MS = 2000


def chromium_available() -> bool:
    """True when Debian's chromium and the playwright package are both installed."""
    if not os.access(CHROMIUM, os.X_OK):
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def launched():
    """One headless Chromium for several :func:`inspect_offline` calls (launching is slow)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def inspect_offline(html_path: Path, browser=None) -> dict:
    """Load ``html_path`` from a file:// URL and describe what the reader would get.

    Returns ``requests_off_machine`` (every URL the page asked for that is neither file://
    nor data:, all of them aborted), ``images`` and ``images_decoded`` (complete with a
    non-zero natural width), ``tables``, ``title`` and ``text_length`` (visible text).
    Pass ``browser`` from :func:`launched` to reuse one browser; otherwise one is started."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    if browser is None:
        with launched() as own:
            return inspect_offline(html_path, own)

    off_machine: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL_SCHEMES):
            request_route.continue_()
        else:
            off_machine.append(url)
            request_route.abort()

    # A fresh context per page: no cache or service worker can hide a request.
    context = browser.new_context(service_workers="block")
    try:
        context.route("**/*", route)
        page = context.new_page()
        page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
        try:
            page.wait_for_load_state("networkidle", timeout=NETWORK_IDLE_MS)
        except PlaywrightTimeout:  # a page that keeps polling has had its requests recorded
            pass
        facts = page.evaluate(
            """() => {
                const images = Array.from(document.images);
                return {
                    images: images.length,
                    images_decoded: images.filter(i => i.complete && i.naturalWidth > 0).length,
                    tables: document.querySelectorAll('table').length,
                    title: document.title,
                    text_length: (document.body ? document.body.innerText : '').trim().length,
                };
            }"""
        )
    finally:
        context.close()
    return {"requests_off_machine": off_machine, **facts}
