"""The `sunboard` command as an operator uses it (SQLite, a temporary data folder)."""

import os
import sqlite3
import subprocess
import tempfile

from conftest import ROOT

BINARY = os.environ.get("SUNBOARD_BIN", str(ROOT / ".build" / "debug" / "sunboard"))


def run(*arguments, data):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([BINARY, *arguments, "--data", data], capture_output=True, text=True, env=env, timeout=120)


def count(data, table):
    with sqlite3.connect(os.path.join(data, "sunboard.sqlite")) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_migrate_then_demo_twice_creates_nothing_twice():
    with tempfile.TemporaryDirectory() as data:
        first = run("migrate", data=data)
        assert first.returncode == 0, first.stderr
        assert "已应用" in first.stdout and "010_create_ledger" in first.stdout
        again = run("migrate", data=data)
        assert "数据库已是最新" in again.stdout

        for _ in range(2):
            seeded = run("demo", "--seed-only", data=data)
            assert seeded.returncode == 0, seeded.stderr
            assert "yincheng-clerk" in seeded.stdout and "sunboard-demo" in seeded.stdout
        assert count(data, "units") == 5
        assert count(data, "disclosures") > 150
        assert count(data, "users") == 30
        assert count(data, "role_grants") == 34
        with sqlite3.connect(os.path.join(data, "sunboard.sqlite")) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrate_dry_run_lists_the_steps_and_changes_nothing():
    with tempfile.TemporaryDirectory() as data:
        listed = run("migrate", "--dry-run", data=data)
        assert listed.returncode == 0, listed.stderr
        assert "将要执行" in listed.stdout and "010_create_ledger" in listed.stdout
        with sqlite3.connect(os.path.join(data, "sunboard.sqlite")) as db:
            assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
        assert run("migrate", data=data).returncode == 0
        again = run("migrate", "--dry-run", data=data)
        assert again.returncode == 0 and "没有要执行的迁移" in again.stdout


def test_user_add_checks_its_input_and_prints_a_generated_password():
    with tempfile.TemporaryDirectory() as data:
        assert run("demo", "--seed-only", data=data).returncode == 0
        added = run("user", "add", "--username", "yinnan-lihua", "--name", "李华", "--role", "clerk", "--unit", "yinnan", data=data)
        assert added.returncode == 0, added.stderr
        assert "已创建" in added.stdout and "初始密码" in added.stdout
        assert count(data, "users") == 31

        wrong_role = run("user", "add", "--username", "x-y-z", "--name", "某人", "--role", "mayor", "--unit", "yinnan", data=data)
        assert wrong_role.returncode != 0
        assert "未知角色" in wrong_role.stderr
        wrong_unit = run("user", "add", "--username", "x-y-z", "--name", "某人", "--role", "clerk", "--unit", "yinzhou", data=data)
        assert wrong_unit.returncode != 0
        assert "不能设在办事处" in wrong_unit.stderr
        taken = run("user", "add", "--username", "yinnan-lihua", "--name", "李华", "--role", "clerk", "--unit", "yinnan", data=data)
        assert taken.returncode != 0
        assert count(data, "users") == 31

        reset = run("user", "password", "--username", "yinnan-lihua", data=data)
        assert reset.returncode == 0 and "新密码" in reset.stdout


def test_verify_passes_on_the_demo_and_names_a_tampered_row():
    with tempfile.TemporaryDirectory() as data:
        assert run("demo", "--seed-only", data=data).returncode == 0
        intact = run("verify", data=data)
        assert intact.returncode == 0, intact.stdout + intact.stderr
        assert "账本完好" in intact.stdout
        with sqlite3.connect(os.path.join(data, "sunboard.sqlite")) as db:
            db.execute("UPDATE disclosure_versions SET title = title || '（改）' WHERE id = 20")
        tampered = run("verify", data=data)
        assert tampered.returncode == 1
        assert "账本核对不通过" in tampered.stdout
        assert "公开内容第 20 号" in tampered.stdout and "Ledger check FAILED: disclosure 20" in tampered.stdout


def test_only_the_demo_may_play_another_day():
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["SUNBOARD_TODAY"] = "2027-03-31"
        served = subprocess.run([BINARY, "serve", "--port", "1", "--data", data], capture_output=True, text=True, env=env,
                                timeout=60)
        assert served.returncode != 0
        assert "只用于演示" in served.stderr and "for the demo only" in served.stderr
        assert not os.path.exists(os.path.join(data, "sunboard.sqlite"))  # refused before touching anything
        bad = run("demo", "--seed-only", "--today", "2027-02-30", data=data)
        assert bad.returncode != 0
        assert "不是日期" in bad.stderr
        played = run("demo", "--seed-only", "--today", "2027-03-31", data=data)
        assert played.returncode == 0, played.stderr
        assert "今天 Today:       2027年3月31日" in played.stdout
