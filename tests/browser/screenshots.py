"""scripts/screenshots: a PNG of every page the layout walk opens, as each role, at each size.

    screenshots.py DIR [--readme FOLDER]

Pages are named SIZE-ROLE-ROUTE.png (a page taller than the screen is captured whole, up to 6000 px); with --readme,
the four pictures the README shows are written to FOLDER as well.
"""

import argparse
import pathlib
import re
import shutil
import time

import walk
from conftest import DEMO_PASSWORD, DemoServer, demo_today, make_driver
from test_layout import SIZES, WALL

# The README's four: a community board on a phone, a line of the books with its receipts, the office's matrix, the
# LED screen at the gate. (file, role, route, size, whole page?)
README = [
    ("community-board-phone.png", "resident", "/units/{slug}", "phone", False),
    ("finance-line.png", "resident", "/units/{slug}/finance/entries/{id}", "desktop", True),
    ("compliance-matrix.png", "office_admin", "/admin/units/{slug}/compliance", "desktop", False),
]


def capture(driver, size, file, whole):
    width, height = SIZES[size]
    if whole:
        full = min(driver.execute_script("return document.documentElement.scrollHeight"), 6000)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": max(full, height), "deviceScaleFactor": 1, "mobile": width < 600})
        time.sleep(0.2)  # lazy pictures now in view
    driver.save_screenshot(str(file))
    if whole:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def name(pattern):
    return re.sub(r"[{}]", "", pattern.strip("/")).replace("/", "_") or "home"


def main():
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("folder")
    arguments.add_argument("--readme")
    options = arguments.parse_args()
    folder = pathlib.Path(options.folder)
    folder.mkdir(parents=True, exist_ok=True)
    demo = DemoServer("sqlite", demo_today())
    try:
        demo.wait_until_ready()
        server = {"base": demo.base, "binary": demo.binary, "data": demo.data, "database_url": None}
        match = walk.pattern_matcher(walk.route_table(server))
        site = {}
        for role, username in walk.ROLES.items():
            visitor = walk.Visitor(demo.base)
            if username:
                visitor.login(username, DEMO_PASSWORD)
            pages, _ = walk.crawl(visitor, walk.STARTS.get(role, walk.STAFF_START), match, staff=username is not None)
            site[role] = (visitor, pages)
        count = 0
        for size, (width, height) in SIZES.items():
            driver = make_driver(width, height)
            try:
                for role, (visitor, pages) in site.items():
                    driver.get(demo.base + "/robots.txt")
                    driver.delete_all_cookies()
                    for cookie in visitor.cookies():
                        driver.add_cookie(cookie)
                    for pattern, path in pages.items():
                        driver.get(demo.base + path)
                        capture(driver, size, folder / f"{size}-{role}-{name(pattern)}.png", whole=True)
                        driver.execute_script("sessionStorage.clear()")
                        count += 1
                    if options.readme:
                        for file, readme_role, pattern, readme_size, whole in README:
                            if readme_role == role and readme_size == size:
                                driver.get(demo.base + pages[pattern])
                                pathlib.Path(options.readme).mkdir(parents=True, exist_ok=True)
                                capture(driver, size, pathlib.Path(options.readme) / file, whole)
            finally:
                driver.quit()
        for device, (path, width, height) in WALL.items():
            driver = make_driver(width, height)
            try:
                driver.get(demo.base + path)
                time.sleep(0.3)
                driver.save_screenshot(str(folder / f"{device}.png"))
                count += 1
                if options.readme and device == "led-1080p":
                    driver.save_screenshot(str(pathlib.Path(options.readme) / "led-screen.png"))
            finally:
                driver.quit()
        print(f"{count} screenshots in {folder}")
    finally:
        demo.stop()
        shutil.rmtree(demo.data, ignore_errors=True)


if __name__ == "__main__":
    main()
