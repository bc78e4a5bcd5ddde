"""Browser tests: the demo server in a real Chromium, as residents and staff use it.

The server is the `sunboard` binary built by scripts/test, started with the
demo on a free port and a temporary data folder: once on SQLite and, when
SUNBOARD_BROWSER_DATABASE_URL names a PostgreSQL database, once on that.
The demo is played as if today were SUNBOARD_TODAY (YYYY-MM-DD), else the
real day in Shanghai, and tests read that day from `server["today"]`: none
reads the clock. A failing test saves a screenshot under tests/browser/screenshots/.
"""

import datetime
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"
DEMO_PASSWORD = "sunboard-demo"
# Seeding the demo takes seconds; this only stops a server that never comes up.
START_CEILING = float(os.environ.get("SUNBOARD_BROWSER_START_SECONDS", "900"))


def demo_today():
    """The day the demo is played on: SUNBOARD_TODAY, else today in Shanghai (UTC+8, no daylight saving)."""
    text = os.environ.get("SUNBOARD_TODAY")
    if text:
        return datetime.date.fromisoformat(text)
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def databases():
    names = ["sqlite"]
    if os.environ.get("SUNBOARD_BROWSER_DATABASE_URL"):
        names.append("postgresql")
    return names


class DemoServer:
    """`sunboard demo` on one database, seeding in the background from the moment it is launched."""

    def __init__(self, database, today):
        self.binary = binary = os.environ.get("SUNBOARD_BIN", str(ROOT / ".build" / "debug" / "sunboard"))
        self.database, self.today = database, today
        self.database_url = os.environ["SUNBOARD_BROWSER_DATABASE_URL"] if database == "postgresql" else None
        self.data = tempfile.mkdtemp(prefix="sunboard-browser-")
        self.base = f"http://127.0.0.1:{free_port()}"
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SUNBOARD_TODAY")}
        env["SUNBOARD_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the webhook tests' receivers run on 127.0.0.1
        env["SUNBOARD_WEBHOOK_RETRY_BASE"] = "1"  # a post that fails for a moment is tried again within seconds
        if database == "postgresql":
            env["DATABASE_URL"] = self.database_url
        self.log = open(os.path.join(self.data, "server.log"), "w")
        self.started = time.time()
        self.process = subprocess.Popen(
            [binary, "demo", "--port", self.base.rsplit(":", 1)[1], "--data", self.data, "--today", today.isoformat()],
            stdout=self.log, stderr=subprocess.STDOUT, env=env,
        )

    def wait_until_ready(self):
        """Ready when it answers: the demo seeds first, then serves. A server that dies or never answers fails with
        its log."""
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None or time.time() > self.started + START_CEILING:
                self.stop()
                raise RuntimeError(
                    f"the demo server on {self.database} did not start in {time.time() - self.started:.0f} s:\n"
                    + open(os.path.join(self.data, "server.log")).read()
                )
            time.sleep(0.2)
        print(f"\nthe demo on {self.database}, played on {self.today}, answered after {time.time() - self.started:.1f} s")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def demo_servers():
    """Every database's demo, launched together so one seeds while the other's tests run."""
    today = demo_today()
    servers = {database: DemoServer(database, today) for database in databases()}
    yield servers
    for demo in servers.values():
        demo.stop()
        shutil.rmtree(demo.data, ignore_errors=True)


@pytest.fixture(scope="session", params=databases())
def server(request, demo_servers):
    demo = demo_servers[request.param]
    demo.wait_until_ready()
    return {
        "base": demo.base, "database": demo.database, "today": demo.today, "binary": demo.binary, "data": demo.data,
        "database_url": demo.database_url,
    }


def make_driver(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})  # the layout walk fails on console errors
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    # A window is never narrower than 500 px: a phone's screen is emulated, as Chromium's device mode does.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.implicitly_wait(3)
    return driver


@pytest.fixture
def phone():
    """A phone-sized browser with a fresh profile: most residents read on a phone."""
    driver = make_driver(390, 844)
    yield driver
    driver.quit()


@pytest.fixture
def desktop():
    driver = make_driver(1280, 900)
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        SCREENSHOTS.mkdir(exist_ok=True)
        for name in ("phone", "desktop"):
            driver = item.funcargs.get(name)
            if driver is not None:
                path = SCREENSHOTS / f"{item.name}-{name}.png".replace("/", "_")
                driver.save_screenshot(str(path))
                print(f"screenshot: {path}")
