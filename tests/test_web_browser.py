"""The newsroom in a real browser: headless Chromium on a 360 px phone screen opens the home page, a release
and a search result, and the test checks what it rendered.

Debian's ``chromium`` and ``chromium-driver`` are needed (``.ci/run`` installs them); without them locally the
test is skipped and says why. Screenshots go to the test's folder, or to ``NEWSROOM_SCREENSHOTS`` (e.g.
``docs``) when that is set: the README's pictures are made that way.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.domain.text import fold
from fakegram import FakeTelegram
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        (CHROMIUM is None or CHROMEDRIVER is None) and not os.environ.get("NEWSROOM_BROWSER_REQUIRED"),
        reason="no Chromium here: apt-get install chromium chromium-driver (.ci/run does) to run the browser test",
    ),
]

OFFICER = 3001
ORG_NAME = "اداره کل بهزیستی استان ایلام"
TITLE = "توزیع ۵۰۰ بسته معیشتی میان خانواده‌های نیازمند شهرستان مهران"
BODY = (
    "به گزارش روابط عمومی اداره کل بهزیستی استان ایلام، در آستانه فصل سرما ۵۰۰ بسته معیشتی با همکاری خیرین "
    "و هلال احمر میان خانواده‌های تحت پوشش شهرستان مهران توزیع شد.\n\n"
    "مدیرکل بهزیستی استان در این مراسم گفت: این بسته‌ها شامل برنج، روغن، حبوبات و پتو است و در سه مرحله "
    "به دست خانواده‌ها می‌رسد.\n\n"
    "وی افزود: مرحله دوم این طرح در دهه نخست دی‌ماه در شهرستان‌های دهلران و آبدانان اجرا خواهد شد."
)
PHONE = (360, 740)


def chromium() -> Any:
    """Headless Chromium at a phone's size, with its console kept for the test to read."""
    from selenium import webdriver  # noqa: PLC0415 - only when Chromium is there
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fa-IR"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={PHONE[0]},{PHONE[1]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))


def screenshot_folder(tmp_path: Path) -> Path:
    """Where the screenshots go: NEWSROOM_SCREENSHOTS, or the test's own folder."""
    folder = Path(os.environ.get("NEWSROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def test_a_phone_sized_chromium_renders_the_newsroom(tg: FakeTelegram, tmp_path: Path) -> None:
    """Home, a release and a search result: right to left, the Persian title visible in the Vazirmatn font,
    nothing wider than the screen, no console error; screenshots of the home page and the release."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        rt = runtime(app)
        assert rt.web is not None
        store = rt.storage
        org = await store.organizations.create(ORG_NAME, fold(ORG_NAME), "mehran", created_by=1)
        await store.officers.create_invite("web-c", org.id, 1, utcnow().replace(year=utcnow().year + 1))
        await store.officers.redeem_invite("web-c", OFFICER, "کارشناس روابط عمومی", None)
        others = [
            "برگزاری کارگاه آموزشی مهارت‌های زندگی برای نوجوانان در ایلام",
            "افتتاح مرکز مشاوره خانواده در شهرستان دهلران با حضور استاندار",
        ]
        for title in others:
            preview = await rt.desk.create_draft(OFFICER, f"{title}\n\n{BODY.split(chr(10), maxsplit=1)[0]} {title}.")
            await rt.desk.publish(OFFICER, preview.release.id, confirmed=True)
        preview = await rt.desk.create_draft(OFFICER, f"{TITLE}\n\n{BODY}")
        await rt.desk.publish(OFFICER, preview.release.id, confirmed=True)
        release_id = preview.release.id
        base = rt.web.url
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{base}/r/{release_id}")).status_code == 200
        folder = screenshot_folder(tmp_path)

        def browse() -> dict[str, Any]:
            driver = chromium()
            try:
                seen: dict[str, Any] = {}

                def visit(name: str, url: str, shot: str | None = None, height: int = PHONE[1]) -> None:
                    driver.set_window_size(PHONE[0], height)
                    driver.get(url)
                    look: Callable[[str], Any] = driver.execute_script
                    look("return document.fonts.ready")
                    seen[name] = {
                        "dir": look("return document.documentElement.dir"),
                        "lang": look("return document.documentElement.lang"),
                        "h1": driver.find_element("tag name", "h1").text,
                        "h1_shown": driver.find_element("tag name", "h1").is_displayed(),
                        "links": [a.text for a in driver.find_elements("css selector", "main article h2 a")],
                        "font": look("return getComputedStyle(document.body).fontFamily"),
                        "vazirmatn": look("return document.fonts.check('16px Vazirmatn')"),
                        "too_wide": look("return document.documentElement.scrollWidth > window.innerWidth"),
                        "console": driver.get_log("browser"),
                    }
                    if shot:
                        driver.save_screenshot(str(folder / shot))

                visit("home", f"{base}/", "newsroom-home-phone.png")
                visit("release", f"{base}/r/{release_id}", "newsroom-release.png", height=1100)
                visit("search", f"{base}/search?q={'بسته معیشتی'}")
                driver.find_element("link text", TITLE).click()
                seen["followed"] = driver.current_url
                return seen
            finally:
                driver.quit()

        seen = await asyncio.to_thread(browse)
    for name in ("home", "release", "search"):
        page = seen[name]
        assert page["dir"] == "rtl", name
        assert page["lang"] == "fa", name
        assert page["h1_shown"], name
        assert "Vazirmatn" in page["font"], name
        assert page["vazirmatn"], name
        assert not page["too_wide"], name
        assert [entry for entry in page["console"] if entry["level"] in {"SEVERE", "WARNING"}] == [], name
    assert seen["home"]["h1"] == "تازه‌ترین خبرها"
    assert seen["home"]["links"][0] == TITLE
    assert seen["release"]["h1"] == TITLE
    assert TITLE in seen["search"]["links"]
    assert seen["followed"].endswith(f"/r/{release_id}")
    assert (screenshot_folder(tmp_path) / "newsroom-home-phone.png").stat().st_size > 10_000
