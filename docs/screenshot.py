"""Make docs/report.png, the README's picture of an HTML report: the top of
`certadvise recommend ... -f html` at 800 pixels wide, in headless Chromium.

    python docs/screenshot.py            # needs the [test] extras and Debian's chromium
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
COMMAND = [
    *("recommend", "--goal", "collegiate-athletes", "--degree", "bachelor"),
    *("--field", "kinesiology", "--have", "CPR-AED", "--budget", "600", "--top", "1"),
]
WIDTH, HEIGHT = 800, 1400


def main() -> None:
    env = {**os.environ, "CERTADVISE_TODAY": "2026-11-26", "CERTADVISE_NO_CACHE": "1"}
    html = subprocess.run(
        [sys.executable, "-m", "certadvise", *COMMAND, "-f", "html", "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    chromium = os.environ.get("CERTADVISE_CHROMIUM") or shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--disable-gpu"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(html)
        page.screenshot(path=str(HERE / "report.png"))
        browser.close()


if __name__ == "__main__":
    main()
