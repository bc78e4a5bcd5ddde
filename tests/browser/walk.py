"""The layout walk's map of the site: every page of the app's route table, reached by following links as a resident
and as each role, so a page added to the router cannot be left out of the walk.

`sunboard routes` prints the route table; a crawl over plain HTTP (fast, no browser) follows every link from each
role's start page and keeps, for each route pattern, the first address that answered with a page. The browser then
opens only those addresses. Shared by tests/browser/test_layout.py and scripts/screenshots.
"""

import collections
import html.parser
import http.cookiejar
import os
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

# Who walks: a resident (no account), and one demo account for each role, in the community 银北 and the office.
ROLES = {
    "resident": None,
    "office_admin": "admin",
    "office_leader": "yinzhou-leader",
    "director": "yinbei-director",
    "clerk": "yinbei-clerk",
    "supervisor": "yinbei-supervisor",  # also chairs the supervisory committee
    "secretary": "yinbei-secretary",
    "liaison": "yinbei-liaison",
    "worker": "yinbei-worker1",
}

# Where each walk begins: a resident at the home page (and a search with results, and the gate's screen and the
# courtyard's kiosk, which are opened on those devices rather than by a link), staff at their admin home.
STARTS = {"resident": ["/", "/search?q=%E4%BD%8E%E4%BF%9D", "/admin/login", "/screen/yinbei", "/kiosk/yinbei"]}
STAFF_START = ["/admin"]

# Routes that are not pages, with why they are not walked. Every other GET route must be reached by some role.
NOT_PAGES = {
    "/api/": "JSON: every answer is checked against the OpenAPI document by the Swift tests and Schemathesis",
    "/static/{name}": "the stylesheet, scripts and icon the pages load (a failed load is a console error)",
    "/favicon.ico": "the icon",
    "/robots.txt": "for crawlers",
    "/healthz": "for the operator's monitoring",
    "/metrics": "for Prometheus, off in the demo",
    "/screen/{slug}/items.json": "the LED screen's data (its page is walked)",
    "/ledger/check": "answers a form on /ledger, walked with the form filled",
}


def route_table(server):
    """Every `GET` pattern of the running server's route table, from `sunboard routes`."""
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if server.get("database_url"):
        env["DATABASE_URL"] = server["database_url"]
    output = subprocess.run(
        [server["binary"], "routes", "--data", server["data"]], env=env, check=True, capture_output=True, text=True
    ).stdout
    return [line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("GET ")]


def pattern_matcher(patterns):
    """A function from a path to its route pattern: the most literal pattern that matches wins, as in the router."""
    compiled = sorted(
        ((re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(p)) + "$"), p) for p in patterns),
        key=lambda pair: -len(re.sub(r"\{[^}]*\}", "", pair[1])),
    )

    def match(path):
        for regex, pattern in compiled:
            if regex.match(path):
                return pattern
        return None

    return match


def is_walked(pattern):
    return not any(pattern == skip or (skip.endswith("/") and pattern.startswith(skip)) for skip in NOT_PAGES)


class Links(html.parser.HTMLParser):
    """The addresses a page links to (`a href`) and loads (`img src`)."""

    def __init__(self):
        super().__init__()
        self.links, self.images = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])


class Visitor:
    """Plain HTTP as one person: a cookie jar, no redirects followed (a redirect is an answer), 429s waited out."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def fetch(self, path, data=None):
        """(status, content type, body) of `path`."""
        for _ in range(60):
            request = urllib.request.Request(self.base + path, data=data)
            try:
                with self.opener.open(request, timeout=60) as response:
                    return response.status, response.headers.get("Content-Type", ""), response.read()
            except urllib.error.HTTPError as error:
                if error.code == 429:
                    time.sleep(1)  # the expensive reads' limiter: wait for its bucket to refill
                    continue
                return error.code, error.headers.get("Content-Type", ""), error.read()
        raise AssertionError(f"{path} kept answering 429")

    def login(self, username, password):
        _, _, body = self.fetch("/admin/login")
        token = re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()
        form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token}).encode()
        status, _, _ = self.fetch("/admin/login", form)
        assert status in (302, 303), f"{username} could not sign in ({status})"

    def cookies(self):
        return [{"name": c.name, "value": c.value, "path": c.path or "/"} for c in self.jar]


def same_site(base, page, href):
    """`href` on `page` as a path of our site (with its query, without its fragment), or None for another site."""
    url = urllib.parse.urljoin(base + page, href)
    parts = urllib.parse.urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(visitor, starts, match, staff, per_pattern=12, limit=2000):
    """Follows links from `starts` within the staff area (`staff`) or the public site, reading up to `per_pattern`
    pages of each route (a page links to more than the first one of its kind shows); returns ({pattern: the first
    address answering a page}, {pattern: [(address, status, content type, the page linking to it)] of the answers
    that were not pages})."""
    pages, others, read = {}, collections.defaultdict(list), collections.Counter()
    queue = collections.deque(starts)
    seen = {start: None for start in starts}
    fetched = 0
    while queue and fetched < limit:
        path = queue.popleft()
        pattern = match(path.split("?")[0])
        if pattern is None or not is_walked(pattern) or read[pattern] >= per_pattern or len(others[pattern]) >= 3:
            continue
        if path.startswith("/admin/") != staff and path not in starts:
            continue
        status, content_type, body = visitor.fetch(path)
        fetched += 1
        if status != 200 or not content_type.startswith("text/html"):
            others[pattern].append((path, status, content_type, seen[path]))
            continue
        pages.setdefault(pattern, path)
        read[pattern] += 1
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        for href in parser.links:
            target = same_site(visitor.base, path, href)
            if target and target not in seen:
                seen[target] = path
                queue.append(target)
    return pages, dict(others)
