"""The layout walk: every page of the route table, as a resident and as each role that can open it, at a phone's width
(390 × 844) and a desktop's (1280 × 900), plus the wall's screen and kiosk sizes.

A page fails when it scrolls sideways, when a table's cells are not under their headers (or its cards lose their
labels), when a character is drawn as an empty box, on a console error, a broken image or link to our own site, an
axe-core violation of serious or critical impact; public pages also when text is under 18 px or a target under
44 × 44 px. The checks in the page are tests/browser/layout_checks.js; the map of the site is walk.py.
"""

import os
import pathlib
import urllib.parse

import pytest
import selenium_axe_python

import walk
from conftest import DEMO_PASSWORD, make_driver

HERE = pathlib.Path(__file__).resolve().parent
CHECKS = (HERE / "layout_checks.js").read_text()
AXE = (pathlib.Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text()
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
# Besides every serious or critical violation, the moderate ones that lose a reader: a skipped heading level, a page
# without its main part, a field without a name.
RUN_AXE = """
const done = arguments[arguments.length - 1];
const MODERATE = ["heading-order", "landmark-one-main", "page-has-heading-one", "label", "landmark-unique", "bypass"];
axe.run(document, {resultTypes: ["violations"]}).then(result => done(result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical" || MODERATE.includes(v.id))
    .map(v => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")}`)))
  .catch(error => done([`axe could not run: ${error}`]));
"""
LINKS = """return [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href"))
  .concat([...document.images].map(i => i.getAttribute("src")).filter(Boolean));"""


@pytest.fixture(scope="module")
def site(server):
    """The site as each role finds it: {role: (its HTTP visitor, {route pattern: the first address of that page})},
    the routes nobody reached, and the links that answered an error."""
    patterns = walk.route_table(server)
    match = walk.pattern_matcher(patterns)
    roles, broken = {}, []
    unreached = {pattern for pattern in patterns if walk.is_walked(pattern)}
    for role, username in walk.ROLES.items():
        visitor = walk.Visitor(server["base"])
        if username:
            visitor.login(username, DEMO_PASSWORD)
        pages, others = walk.crawl(visitor, walk.STARTS.get(role, walk.STAFF_START), match, staff=username is not None)
        # Reached: a page, or another answer (a CSV, a file) given in full; a route seen only redirecting is not.
        unreached -= set(pages) | {pattern for pattern, answers in others.items() if any(a[1] == 200 for a in answers)}
        broken += [
            f"{role}: {path} answers {status}, linked from {referrer}"
            for answers in others.values() for path, status, _, referrer in answers if status >= 400
        ]
        roles[role] = (visitor, pages, {})  # the last: each link's status, checked once for both widths
    return {"roles": roles, "unreached": sorted(unreached), "broken": broken}


def test_every_page_is_reached_and_every_link_opens(site):
    """A page in the router that no link reaches is a page the walk would miss; a link a role is shown but may not
    open is a broken link."""
    assert not site["unreached"], f"routes no role reaches by a link: {site['unreached']}"
    assert not site["broken"], "\n".join(site["broken"])


def problems_on(driver, visitor, path, checked, public, axe):
    """Everything wrong with the page open in `driver`."""
    problems = list(driver.execute_script(CHECKS, {"public": public}))
    problems += [f"console: {entry['message']}" for entry in driver.get_log("browser")]
    if axe:
        driver.execute_script(AXE)
        problems += driver.execute_async_script(RUN_AXE)
    for href in driver.execute_script(LINKS):
        target = walk.same_site(visitor.base, path, href)
        if target is None:
            continue
        if target not in checked:
            checked[target] = visitor.fetch(target)[0]
        if checked[target] >= 400:
            problems.append(f"links to {target}, which answers {checked[target]}")
    return problems


def sign_in(driver, server, visitor):
    """Gives the browser the visitor's session (or none)."""
    driver.get(server["base"] + "/robots.txt")
    driver.delete_all_cookies()
    for cookie in visitor.cookies():
        driver.add_cookie(cookie)


@pytest.mark.parametrize("size", SIZES)
def test_every_page_at_every_width(server, site, size):
    driver = make_driver(*SIZES[size])
    driver.set_script_timeout(60)
    failures = []
    try:
        for role, (visitor, pages, checked) in site["roles"].items():
            if os.environ.get("SUNBOARD_WALK_ROLES") and role not in os.environ["SUNBOARD_WALK_ROLES"].split(","):
                continue  # while fixing what the walk finds: SUNBOARD_WALK_ROLES=resident
            sign_in(driver, server, visitor)
            for pattern, path in pages.items():
                driver.get(server["base"] + path)
                public = not urllib.parse.urlsplit(path).path.startswith("/admin")
                # axe reads what the page means more than how it is laid out: every page at desktop width, and the
                # public pages on a phone too, where tables scroll in their own frames.
                axe = size == "desktop" or public
                for problem in problems_on(driver, visitor, path, checked, public, axe):
                    failures.append(f"[{size}, {role}] {path}: {problem}")
                driver.execute_script("sessionStorage.clear()")  # the kiosk's mode lasts a session: not past its page
    finally:
        driver.quit()
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


# The wall: the LED screen at the gate (a 1080p screen, and a 768 × 384 LED panel) and the courtyard's touch screen.
WALL = {"led-1080p": ("/screen/yinbei", 1920, 1080), "led-panel": ("/screen/yinbei", 768, 384), "kiosk": ("/kiosk/yinbei", 1080, 1920)}
FITS = """
const screen = document.getElementById("screen");
if (!screen) return [];
const problems = [];
if (document.documentElement.scrollHeight > innerHeight + 1) problems.push(`the screen scrolls: ${document.documentElement.scrollHeight}px on ${innerHeight}px`);
const footer = screen.querySelector(".screen-footer").getBoundingClientRect();
for (const item of screen.querySelectorAll(".screen-items li")) {
  if (getComputedStyle(item).display === "none") continue;
  const title = item.querySelector("h2").getBoundingClientRect();
  if (title.bottom > footer.top) problems.push("the notice's title runs under the footer");
  if (parseFloat(getComputedStyle(item.querySelector("h2")).fontSize) < 0.08 * innerHeight) problems.push("the title is too small to read from the street");
}
return problems;
"""


@pytest.mark.parametrize("device", WALL)
def test_the_wall(server, site, device):
    path, width, height = WALL[device]
    visitor, _, checked = site["roles"]["resident"]
    driver = make_driver(width, height)
    try:
        driver.get(server["base"] + path)
        problems = problems_on(driver, visitor, path, checked, public=True, axe=True) + driver.execute_script(FITS)
    finally:
        driver.quit()
    assert not problems, f"{device} ({width} × {height}) {path}:\n" + "\n".join(problems)
