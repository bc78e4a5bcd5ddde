"""The demo lives on the day it is seeded: whatever the date, a visitor finds what the shop window promises — a notice
open for objections, a reimbursement waiting for signatures, something overdue in the office's compliance matrix, an
election stage due soon, and last quarter's bulletin. Every fact is checked against the demo's day, not a calendar."""

import datetime

from selenium.webdriver.common.by import By

from helpers import get_json, login, wait_for


def last_quarter(today):
    quarter = (today.month - 1) // 3 + 1
    return f"{today.year - 1}-Q4" if quarter == 1 else f"{today.year}-Q{quarter - 1}"


def test_a_notice_is_open_for_objections_today(server):
    today = server["today"]
    open_notices = []
    for slug in ("yincheng", "yinnan", "yinbei", "yinxin"):
        for item in get_json(server, f"/api/v1/units/{slug}/disclosures?class=immediate&per_page=100")["items"]:
            notice = get_json(server, item["api_url"])["notice"]
            if notice and notice["open"]:
                open_notices.append(notice)
    assert open_notices, "no notice is open for objections"
    for notice in open_notices:
        assert datetime.date.fromisoformat(notice["starts"]) <= today <= datetime.date.fromisoformat(notice["ends"])


def test_the_books_have_a_reimbursement_waiting_for_signatures(server, desktop):
    login(desktop, server["base"], "yincheng-director")
    wait_for(desktop, "您好，王建国")
    desktop.get(server["base"] + "/admin/units/yincheng/finance")
    wait_for(desktop, "签字中")


def test_the_compliance_matrix_shows_an_overdue_item(server):
    today = server["today"]
    last_month = (today.replace(day=1) - datetime.timedelta(days=1))
    overdue = []
    # The twelve months before today: 银北 leaves some statements out.
    month = last_month
    for _ in range(12):
        answer = get_json(server, f"/api/v1/units/yinzhou/compliance?period={month:%Y-%m}")
        overdue += [
            o for c in answer["communities"] for o in c["obligations"] if o["status"] == "missing" and o["item"] == "office-funds"
        ]
        month = month.replace(day=1) - datetime.timedelta(days=1)
    assert overdue, "nothing overdue in a year"
    for obligation in overdue:
        assert datetime.date.fromisoformat(obligation["due"]) < today


def test_an_election_stage_is_due_soon(server):
    today = server["today"]
    due = []
    for election in get_json(server, "/api/v1/units/yincheng/elections")["items"]:
        due += [s for s in election["stages"] if s["state"] == "next"]
    assert due, "no election stage is next"
    assert any(today <= datetime.date.fromisoformat(s["deadline"]) <= today + datetime.timedelta(days=14) for s in due), due


def test_last_quarters_bulletin_is_out(server, phone):
    today = server["today"]
    periods = [b["content"]["period"] for b in get_json(server, "/api/v1/units/yincheng/bulletins")["items"]]
    assert last_quarter(today) in periods
    # And a resident finds it under its own quarter's name.
    year, quarter = last_quarter(today).split("-Q")
    phone.get(server["base"] + "/units/yincheng/bulletins")
    wait_for(phone, f"{year}年第{'一二三四'[int(quarter) - 1]}季度")
    assert phone.find_elements(By.CSS_SELECTOR, "main")
