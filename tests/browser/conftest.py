"""Browser tests: the demo server in a real Chromium, as residents and staff use it.

The server is the `sunboard` binary built by scripts/test, started with the
demo on a free port and a temporary data folder: once on SQLite and, when
SUNBOARD_BROWSER_DATABASE_URL names a PostgreSQL database, once on that.
A failing test saves a screenshot under tests/browser/screenshots/.
"""

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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def databases():
    names = ["sqlite"]
    if os.environ.get("SUNBOARD_BROWSER_DATABASE_URL"):
        names.append("postgresql")
    return names


@pytest.fixture(scope="session", params=databases())
def server(request):
    binary = os.environ.get("SUNBOARD_BIN", str(ROOT / ".build" / "debug" / "sunboard"))
    port = free_port()
    data = tempfile.mkdtemp(prefix="sunboard-browser-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SUNBOARD_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the webhook tests' receivers run on 127.0.0.1
    env["SUNBOARD_WEBHOOK_RETRY_BASE"] = "1"  # a post that fails for a moment is tried again within seconds
    if request.param == "postgresql":
        env["DATABASE_URL"] = os.environ["SUNBOARD_BROWSER_DATABASE_URL"]
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen(
        [binary, "demo", "--port", str(port), "--data", data], stdout=log, stderr=subprocess.STDOUT, env=env
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            process.kill()
            raise RuntimeError("the demo server did not start:\n" + open(os.path.join(data, "server.log")).read())
        time.sleep(0.2)
    yield {"base": base, "database": request.param}
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
    shutil.rmtree(data, ignore_errors=True)


def make_driver(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
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
