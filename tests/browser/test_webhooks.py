"""Chat-group webhooks survive a crash: the server is killed with SIGKILL while it is delivering to a local
receiver, started again, and every message arrives, signed, with only public fields.

Runs `sunboard serve` itself (not the shared demo server) on SQLite and, when SUNBOARD_WEBHOOK_DATABASE_URL names an
empty PostgreSQL database, on that too.
"""

import hashlib
import hmac
import http.cookiejar
import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import pytest

from conftest import DEMO_PASSWORD, ROOT, free_port

BINARY = os.environ.get("SUNBOARD_BIN", str(ROOT / ".build" / "debug" / "sunboard"))
SECRET = "kill-test-secret"
MESSAGES = 20


class Receiver(http.server.ThreadingHTTPServer):
    """Answers the first few posts at once (two of them with HTTP 500), then holds each post for a while, so the
    server has deliveries in flight when it is killed; `fast()` makes it answer at once again."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.lock = threading.Lock()
        self.started = 0  # posts received, answered or not
        self.posts = []  # (delivery id, status answered)
        self.bad = []  # posts with a wrong signature or non-public keys
        self.bodies = {}
        self.slow = True

    def fast(self):
        self.slow = False

    def delivered(self):
        with self.lock:
            return {delivery for delivery, status in self.posts if status == 200}


class ReceiverHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        delivery = self.headers["X-Sunboard-Delivery"]
        expected = hmac.new(SECRET.encode(), (self.headers["X-Sunboard-Timestamp"] + ".").encode() + body, hashlib.sha256)
        message = json.loads(body)
        with self.server.lock:
            if self.headers["X-Sunboard-Signature"] != "sha256=" + expected.hexdigest():
                self.server.bad.append(("signature", delivery))
            if set(message) != {"id", "event", "at", "unit", "disclosure", "text"}:
                self.server.bad.append(("keys", sorted(message)))
            count = self.server.started
            self.server.started += 1
            status = 500 if count in (1, 3) else 200
            self.server.bodies[delivery] = message
        if self.server.slow and count >= 5:
            time.sleep(6)
        with self.server.lock:
            self.server.posts.append((delivery, status))
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *arguments):
        pass


def databases():
    names = ["sqlite"]
    if os.environ.get("SUNBOARD_WEBHOOK_DATABASE_URL"):
        names.append("postgresql")
    return names


def wait_until(condition, timeout, step=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class Server:
    def __init__(self, data, database):
        self.data = data
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # A real server runs on the real day, and so does the demo it serves.
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SUNBOARD_TODAY")}
        if database == "postgresql":
            self.env["DATABASE_URL"] = os.environ["SUNBOARD_WEBHOOK_DATABASE_URL"]
        # Quick retries and a short lease, so the test waits seconds, not minutes.
        self.env["SUNBOARD_WEBHOOK_RETRY_BASE"] = "1"
        self.env["SUNBOARD_WEBHOOK_TIMEOUT"] = "2"
        self.env["SUNBOARD_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the receiver is on 127.0.0.1
        self.process = None

    def seed(self):
        seeded = subprocess.run([BINARY, "demo", "--seed-only", "--data", self.data], env=self.env, capture_output=True, text=True,
                                timeout=300)
        assert seeded.returncode == 0, seeded.stderr

    def start(self):
        log = open(os.path.join(self.data, "server.log"), "a")
        self.process = subprocess.Popen([BINARY, "serve", "--port", str(self.port), "--data", self.data], stdout=log,
                                        stderr=subprocess.STDOUT, env=self.env)

        def healthy():
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    return response.status == 200
            except OSError:
                return False

        assert wait_until(healthy, 60), open(os.path.join(self.data, "server.log")).read()

    def kill(self):
        self.process.kill()  # SIGKILL: no graceful shutdown, no chance to record what was in flight
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Staff:
    """A signed-in member of staff over plain HTTP, with the form token each page carries."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.get("/admin/login")
        self.post("/admin/login", {"username": username, "password": DEMO_PASSWORD, "next": ""}, page)

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path, fields, page):
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(list(fields.items()) + [("_csrf", token)]).encode()
        with self.opener.open(self.base + path, data=data, timeout=10) as response:
            return response.read().decode()


@pytest.mark.parametrize("database", databases())
def test_every_message_arrives_after_the_server_is_killed_mid_delivery(database):
    data = tempfile.mkdtemp(prefix="sunboard-webhooks-")
    receiver = Receiver()
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    server = Server(data, database)
    try:
        server.seed()
        server.start()
        director = Staff(server.base, "yincheng-director")
        page = director.get("/admin/units/yincheng/webhooks")
        # A new group asks for the 20 latest disclosures at once: 20 messages in the outbox.
        done = director.post("/admin/units/yincheng/webhooks", {
            "name": "区平台接收器", "format": "json", "url": f"http://127.0.0.1:{receiver.server_address[1]}/hook", "secret": SECRET,
            "backfill": str(MESSAGES)}, page)
        assert "已添加" in done

        # Killed while deliveries are in flight: some answered, more held by the slow receiver.
        assert wait_until(lambda: receiver.started >= 12, 30), receiver.posts
        time.sleep(0.5)
        server.kill()
        before = receiver.delivered()
        assert 0 < len(before) < MESSAGES, before

        receiver.fast()
        server.start()
        assert wait_until(lambda: len(receiver.delivered()) == MESSAGES, 90), (
            f"{len(receiver.delivered())} of {MESSAGES} arrived; log:\n" + open(os.path.join(data, "server.log")).read()[-3000:])
        assert receiver.bad == []
        events = {message["event"] for message in receiver.bodies.values()}
        assert events == {"disclosure.published"}
        assert all(message["unit"]["slug"] == "yincheng" for message in receiver.bodies.values())
        assert all(message["disclosure"]["url"].startswith(server.base + "/disclosures/") for message in receiver.bodies.values())

        # The delivery log says so too, once the last answers are recorded (the demo's own group has its log there too).
        ours = re.compile(r"发往 区平台接收器</p>\s*<p>[^<]*</p>\s*<p><strong>已送达</strong>")
        assert wait_until(lambda: len(ours.findall(director.get("/admin/units/yincheng/webhooks"))) == MESSAGES, 30)
        log = director.get("/admin/units/yincheng/webhooks")
        assert "HTTP 500" in log  # the refused first attempts, retried
    finally:
        server.stop()
        receiver.shutdown()
        shutil.rmtree(data, ignore_errors=True)


def test_director_connects_a_group_refusing_a_bad_address_and_sees_the_test_message_delivered(server, phone):
    from selenium.webdriver.common.by import By

    from helpers import click_button, login, wait_for

    receiver = Receiver()
    receiver.fast()
    receiver.started = 10  # no refusals: answer every post with 200
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    try:
        login(phone, server["base"], "yinbei-director")
        wait_for(phone, "您好")
        phone.get(server["base"] + "/admin/units/yinbei")
        phone.find_element(By.LINK_TEXT, "群消息推送").click()
        wait_for(phone, "接入一个群")
        assert "还没有接入任何群" in phone.page_source

        phone.find_element(By.ID, "name").send_keys("银北社区居民群")
        phone.find_element(By.CSS_SELECTOR, "input[name=format][value=json]").click()
        phone.find_element(By.ID, "url").send_keys("ftp://192.168.1.5/hook")
        click_button(phone, "添加")
        wait_for(phone, "Webhook 地址必须以 http:// 或 https:// 开头。")
        assert "还没有接入任何群" in phone.page_source
        assert phone.find_element(By.ID, "name").get_attribute("value") == "银北社区居民群"

        address = phone.find_element(By.ID, "url")
        address.clear()
        address.send_keys(f"http://127.0.0.1:{receiver.server_address[1]}/hook")
        phone.find_element(By.ID, "secret").send_keys(SECRET)
        click_button(phone, "添加")
        wait_for(phone, "已添加")
        assert "推送中" in phone.page_source
        click_button(phone, "发送测试消息")
        wait_for(phone, "测试消息已排队")
        assert wait_until(lambda: len(receiver.delivered()) == 1, 20)
        (message,) = receiver.bodies.values()
        assert message["event"] == "test" and message["unit"]["name"] == "银北社区"
        assert receiver.bad == []

        def logged():
            phone.refresh()
            return "<strong>已送达</strong>" in phone.page_source

        assert wait_until(logged, 45, step=1), phone.find_element(By.CSS_SELECTOR, ".deliveries").text
        os.makedirs(ROOT / "tests" / "browser" / "artifacts", exist_ok=True)
        phone.set_window_size(390, phone.execute_script("return document.body.scrollHeight") + 100)
        phone.save_screenshot(str(ROOT / "tests" / "browser" / "artifacts" / "webhooks-phone.png"))
    finally:
        receiver.shutdown()
