"""Deployment: the files in deploy/ start the server the way systemd would on a Debian machine.

deploy/sunboard.service is read as systemd reads it, and its ExecStart is run with /usr/local/bin/sunboard replaced
by SUNBOARD_BIN: in a temporary stand-in for its WorkingDirectory (made as StateDirectory= makes it), with its
Environment= lines and then an env file made from deploy/sunboard.env.example (the deployment's folders moved into
the temporary folder, a free port), under the unit's UMask and, when the test runs as root, as the unit's User= and
Group= (the account is created when missing). Run as another user, it runs as that user and checks the rest.

A fresh installation has no office yet: the operator creates the office, a community and the first administrator
with the unit's command line and environment (docs/DEPLOY.md, section 4), starts it again and takes a backup.
"""

import grp
import json
import os
import pathlib
import pwd
import re
import shlex
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, free_port

DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "sunboard.service"
ENV_EXAMPLE = DEPLOY / "sunboard.env.example"
NGINX = DEPLOY / "nginx.conf"
INSTALLED = "/usr/local/bin/sunboard"
BINARY = os.environ.get("SUNBOARD_BIN", str(ROOT / ".build" / "debug" / "sunboard"))
# The machine's folders the deployment uses; the test moves each one under its temporary folder.
SYSTEM_FOLDERS = ("/var/lib/sunboard", "/var/backups/sunboard", "/etc/sunboard")
# Read only by `sunboard demo` (serve refuses to start with it set): no deployment setting.
DEMO_ONLY = {"SUNBOARD_TODAY"}
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
AS_ROOT = os.geteuid() == 0


# Reading the files as systemd does


def parse_unit(text):
    """A unit file as {section: [(key, value), …]}: comments skipped, lines ending in a backslash joined."""
    sections, section, pending = {}, None, ""
    for raw in text.splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = sections.setdefault(line[1:-1], [])
            continue
        key, _, value = line.partition("=")
        section.append((key.strip(), value.strip()))
    return sections


def values(section, key):
    return [value for name, value in section if name == key]


def single(section, key):
    found = values(section, key)
    assert len(found) == 1, f"sunboard.service must set {key}= once in [Service], found {found}"
    return found[0]


def unit_environment(section):
    """The Environment= lines in order, each holding one or more NAME=value words."""
    return dict(word.split("=", 1) for value in values(section, "Environment") for word in shlex.split(value))


def parse_env_file(text):
    """NAME=value lines as systemd's EnvironmentFile= reads them: # and ; start comments, quotes are removed."""
    env = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key.strip()), f"not an assignment: {line!r}"
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        env[key.strip()] = value
    return env


def expand(command, env):
    """ExecStart= as systemd expands it: `${NAME}` is one word, a word that is `$NAME` splits at spaces."""
    words = []
    for word in shlex.split(command):
        whole = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)", word)
        if whole:
            words += env.get(whole[1], "").split()
        else:
            words.append(re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", lambda m: env.get(m[1], ""), word))
    words[0] = words[0].lstrip("-@:+!")
    return words


def option(argv, name, default):
    return argv[argv.index(name) + 1] if name in argv else default


def address(argv):
    """Where `serve` listens, by its flags and the program's defaults."""
    return f"{option(argv, '--hostname', '127.0.0.1')}:{option(argv, '--port', '8080')}"


# The stand-in machine


def ensure_account(user, group):
    """The unit's system account, as docs/DEPLOY.md makes it."""
    if subprocess.run(["getent", "group", group], capture_output=True).returncode != 0:
        subprocess.run(["groupadd", "--system", group], check=True)
    if subprocess.run(["getent", "passwd", user], capture_output=True).returncode != 0:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--gid", group, "--home-dir", "/var/lib/sunboard",
             "--shell", "/usr/sbin/nologin", user],
            check=True,
        )


class Machine:
    """A temporary folder standing for /, and the account the unit runs as (the current one unless root)."""

    def __init__(self, unit):
        if AS_ROOT:
            ensure_account(single(unit, "User"), single(unit, "Group"))
            self.account = pwd.getpwnam(single(unit, "User"))
            self.uid, self.gid = self.account.pw_uid, grp.getgrnam(single(unit, "Group")).gr_gid
        else:
            self.account = pwd.getpwuid(os.getuid())
            self.uid, self.gid = os.getuid(), os.getgid()
        # What systemd puts before the command: User=, Group= with their supplementary groups, NoNewPrivileges=.
        self.prefix = []
        if AS_ROOT:
            self.prefix = ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--init-groups"]
            self.prefix += ["--no-new-privs"] if single(unit, "NoNewPrivileges") == "yes" else []
        self.root = tempfile.mkdtemp(prefix="sunboard-deploy-")
        os.chmod(self.root, 0o755)  # the unit's user must reach the folders below

    def moved(self, value):
        """A value naming one of the deployment's folders, moved into the stand-in."""
        for folder in SYSTEM_FOLDERS:
            if value == folder or value.startswith(folder + "/"):
                return self.root + value
        return value

    def give(self, path, mode, group_only=False):
        """chmod, and the owner systemd or the guide would give it."""
        os.chmod(path, mode)
        if AS_ROOT:
            os.chown(path, 0 if group_only else self.uid, self.gid)

    def reachable_binary(self):
        """SUNBOARD_BIN when the unit's user can run it and read its resource bundles; else a copy of both in the
        stand-in's /usr/local/bin (the program finds its bundles beside itself)."""
        assert os.path.isfile(BINARY), f"SUNBOARD_BIN does not name a built sunboard: {BINARY}"
        folder = os.path.dirname(os.path.abspath(BINARY))
        bundles = [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".resources")]
        probe = ["test", "-x", BINARY] + [word for bundle in bundles for word in ("-a", "-x", bundle, "-a", "-r", bundle)]
        if subprocess.run(self.prefix + probe).returncode == 0:
            return BINARY
        target = self.root + os.path.dirname(INSTALLED)
        os.makedirs(target, mode=0o755)
        shutil.copy2(BINARY, os.path.join(target, "sunboard"))
        for bundle in bundles:
            shutil.copytree(bundle, os.path.join(target, os.path.basename(bundle)))
        return os.path.join(target, "sunboard")

    def install(self, unit, port):
        """What the guide and systemd do before the start; returns the working folder and the environment."""
        # /etc/sunboard/sunboard.env from the example, with the folders moved and a free port.
        text = ENV_EXAMPLE.read_text()
        for folder in SYSTEM_FOLDERS:
            text = text.replace(folder, self.root + folder)
        text, replaced = re.subn(r"^#?SUNBOARD_PORT=.*$", f"SUNBOARD_PORT={port}", text, flags=re.MULTILINE)
        assert replaced == 1, "the example names SUNBOARD_PORT once"
        env_file = self.moved(single(unit, "EnvironmentFile").lstrip("-"))
        os.makedirs(os.path.dirname(env_file))
        pathlib.Path(env_file).write_text(text)
        self.give(env_file, 0o640, group_only=True)

        # StateDirectory=: systemd makes the folder, owned by the unit's user, before every start.
        for name in single(unit, "StateDirectory").split():
            path = self.root + "/var/lib/" + name
            os.makedirs(path)
            self.give(path, int((values(unit, "StateDirectoryMode") or ["0755"])[0], 8))
        cwd = self.moved(single(unit, "WorkingDirectory"))
        assert os.path.isdir(cwd), "WorkingDirectory= must exist when the service starts (StateDirectory= makes it)"

        # The environment: systemd's own, then Environment= in order, then the file, which wins.
        env = {"PATH": SYSTEMD_PATH, "HOME": self.moved(self.account.pw_dir), "USER": self.account.pw_name,
               "LOGNAME": self.account.pw_name, "SHELL": self.account.pw_shell}
        env.update({key: self.moved(value) for key, value in unit_environment(unit).items()})
        env.update({key: self.moved(value) for key, value in parse_env_file(pathlib.Path(env_file).read_text()).items()})
        for key, value in env.items():
            assert not value.startswith(SYSTEM_FOLDERS), f"{key} would touch the real machine: {value}"
        return cwd, env


def get(url, headers=None):
    """(status, headers, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class Service:
    """The unit's command, started like `systemctl start` and stopped like `systemctl stop`."""

    def __init__(self, command, cwd, env, umask, log):
        self.base = "http://" + address(command)
        self.log = open(log, "a")
        self.process = subprocess.Popen(command, cwd=cwd, env=env, umask=umask, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                if get(self.base + "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.time() > deadline:
                self.kill()
                pytest.fail(f"the service did not start (exit {self.process.returncode}):\n" + open(log).read())
            time.sleep(0.1)

    def stop(self):
        """SIGTERM, as `systemctl stop` sends; returns the exit status and the seconds it took."""
        started = time.time()
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=20), time.time() - started
        finally:
            self.kill()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


# The tests


@pytest.fixture(scope="module")
def unit():
    return parse_unit(UNIT.read_text())["Service"]


def test_the_env_example_names_every_variable_the_server_reads_and_the_guide_explains_them():
    app = ROOT / "Sources" / "SunboardApp" / "App" / "AppConfiguration.swift"
    sources = [app, *(ROOT / "Sources" / "sunboard").glob("*.swift")]
    read = {name for path in sources for name in re.findall(r'"((?:SUNBOARD|DATABASE|LOG)_[A-Z_]+)"', path.read_text())}
    listed = set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), re.MULTILINE))
    assert read - DEMO_ONLY <= listed, f"missing from sunboard.env.example: {sorted(read - DEMO_ONLY - listed)}"
    guide = (ROOT / "docs" / "DEPLOY.md").read_text()
    assert not [name for name in listed if name not in guide], "every variable of the example is explained in DEPLOY.md"


def test_the_unit_nginx_and_the_app_agree(unit):
    # Hardened, and allowed to write exactly the data folder and the backup folder.
    hardening = {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "PrivateTmp": "yes", "Restart": "on-failure"}
    assert {key: single(unit, key) for key in hardening} == hardening
    writable = [path.lstrip("-") for value in values(unit, "ReadWritePaths") for path in value.split()]
    example = parse_env_file(ENV_EXAMPLE.read_text().replace("#SUNBOARD_BACKUP_DIR=", "SUNBOARD_BACKUP_DIR="))
    defaults = unit_environment(unit)
    data = example.get("SUNBOARD_DATA", defaults.get("SUNBOARD_DATA"))
    assert sorted(writable) == sorted([data, example["SUNBOARD_BACKUP_DIR"]])
    assert single(unit, "WorkingDirectory") == data == "/var/lib/" + single(unit, "StateDirectory")

    # nginx passes to where the unit listens, takes the app's upload limit, keeps /metrics in, sets the header the
    # app trusts.
    nginx = NGINX.read_text()
    assert f"server {address(expand(single(unit, 'ExecStart'), defaults))};" in nginx
    swift = (ROOT / "Sources" / "SunboardApp" / "Web" / "MultipartForm.swift").read_text()
    limit = 1
    for factor in re.search(r"static let maximumBody = ([\d\s*]+)\n", swift)[1].split("*"):
        limit *= int(factor)
    assert f"client_max_body_size {limit // (1024 * 1024)}m;" in nginx
    assert re.search(r"location \^~ /metrics \{\s*deny all;", nginx)
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx


def test_the_unit_serves_as_its_user_and_stops_cleanly_on_sigterm(unit):
    machine = Machine(unit)
    try:
        port = free_port()
        cwd, env = machine.install(unit, port)
        # The operator turns Prometheus's /metrics on in the env file.
        env["SUNBOARD_METRICS"] = "1"
        argv = expand(single(unit, "ExecStart"), env)
        assert argv[:2] == [INSTALLED, "serve"], argv
        assert address(argv) == f"127.0.0.1:{port}", "the unit listens on this machine, on the env file's port"
        sunboard = machine.prefix + [machine.reachable_binary()]
        command = sunboard + argv[1:]
        umask = int((values(unit, "UMask") or ["0022"])[0], 8)
        data = env["SUNBOARD_DATA"]
        log = os.path.join(machine.root, "journal.log")

        # The first start: an empty data folder, migrated and served as the unit's user.
        service = Service(command, cwd, env, umask, log)
        try:
            status, headers, body = get(service.base + "/healthz")
            assert status == 200 and headers["Content-Type"].startswith("application/json")
            assert json.loads(body)["status"] == "ok" and json.loads(body)["database"] == "sqlite"
            assert headers["Strict-Transport-Security"], "the unit's defaults reached the server: secure cookies, HSTS"
            # A scraper on this machine reads the metrics; a request through a proxy (or claiming one) does not.
            status, headers, body = get(service.base + "/metrics")
            assert status == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4"), body[:300]
            assert 'http_route="/healthz"' in body
            assert get(service.base + "/metrics", {"X-Forwarded-For": "127.0.0.1"})[0] == 403
            folder = os.stat(data)
            assert (folder.st_uid, folder.st_gid) == (machine.uid, machine.gid)
            assert stat.S_IMODE(folder.st_mode) & 0o007 == 0, "the data folder is closed to other users"
            database = os.stat(os.path.join(data, "sunboard.sqlite"))
            assert database.st_uid == machine.uid and stat.S_IMODE(database.st_mode) & 0o007 == 0
        finally:
            exit_status, seconds = service.stop()
        assert exit_status == 0 and seconds < 15, f"SIGTERM stops it cleanly (exit {exit_status}):\n" + open(log).read()

        # An operator sets the installation up with the unit's command line and environment, then starts it again.
        def run(*arguments):
            done = subprocess.run(sunboard + list(arguments), cwd=cwd, env=env, umask=umask,
                                  capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stdout + done.stderr
            return done.stdout
        run("unit", "add", "--slug", "hexi", "--name", "河西街道办事处", "--kind", "office")
        run("unit", "add", "--slug", "liuyuan", "--name", "柳园社区", "--kind", "community", "--parent", "hexi")
        assert "初始密码" in run("user", "add", "--username", "wang-admin", "--name", "王建国", "--role", "office_admin",
                                "--unit", "hexi")
        service = Service(command, cwd, env, umask, log)
        try:
            status, headers, body = get(service.base + "/")
            assert status == 200 and headers["Content-Type"].startswith("text/html") and "河西街道办事处" in body
            status, _, body = get(service.base + "/units/liuyuan")
            assert status == 200 and "柳园社区" in body
            # A backup while it serves, written as the unit's user into a folder it may write.
            backups = os.path.join(machine.root, "backups")
            os.makedirs(backups)
            os.chown(backups, machine.uid, machine.gid)
            assert "Backup written" in run("backup", "--to", os.path.join(backups, "first"))
            manifest = json.load(open(os.path.join(backups, "first", "manifest.json")))
            assert manifest["database"] == "sqlite" and manifest["ledger_head"]["sequence"] > 0
            for path, folders, files in os.walk(data):
                for name in folders + files:
                    owner = os.stat(os.path.join(path, name)).st_uid
                    assert owner == machine.uid, f"{name} in the data folder belongs to the unit's user"
        finally:
            exit_status, _ = service.stop()
        assert exit_status == 0
        assert f"listening on 127.0.0.1:{port}" in open(log).read()
    finally:
        shutil.rmtree(machine.root, ignore_errors=True)
