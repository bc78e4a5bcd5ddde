"""Continuity in Chromium: the office's matrix with statuses readable without colour, a drill-down to a gap, the
assessment, and a community's public on-time record on a phone."""

import datetime
import os

from selenium.webdriver.common.by import By

from conftest import ROOT
from helpers import login, wait_for

ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"


def months_before(day, count):
    """The first day of the month `count` months before `day`'s."""
    index = day.year * 12 + day.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def matrix_rows(desktop, base, month):
    desktop.get(base + f"/admin/units/yinzhou/compliance?period={month:%Y-%m}")
    wait_for(desktop, f"{month.year}年{month.month}月")
    table = desktop.find_element(By.CSS_SELECTOR, "table.matrix")
    return table, {row.find_element(By.CSS_SELECTOR, "th").text.split("\n")[0]: row for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")}


def test_office_sees_who_is_late_and_residents_see_each_record(server, desktop, phone):
    base = server["base"]
    today = server["today"]
    login(desktop, base, "admin")
    wait_for(desktop, "您好")
    desktop.get(base + "/admin/units/yinzhou")
    desktop.find_element(By.LINK_TEXT, "公开情况总览").click()
    wait_for(desktop, "公开情况总览")
    # Four months ago 银北 left its office-funds statement out.
    table, rows = matrix_rows(desktop, base, months_before(today, 4))
    assert "✗ 缺报" in rows["银北社区"].text
    # Two months ago 银南 published its statement 17 days after the 10th; 银城 on time, as always.
    table, rows = matrix_rows(desktop, base, months_before(today, 2))
    assert set(rows) == {"银城社区", "银南社区", "银北社区", "银新社区"}
    # Statuses are words, not only colours.
    assert "迟 17 天" in rows["银南社区"].text
    assert "✓ 按时" in rows["银城社区"].text
    # The communities with most left undone come first.
    order = [row.find_element(By.CSS_SELECTOR, "th").text.split("\n")[0] for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert order.index("银城社区") > order.index("银南社区") and order.index("银城社区") > order.index("银北社区")
    os.makedirs(ARTIFACTS, exist_ok=True)
    desktop.save_screenshot(str(ARTIFACTS / "compliance-matrix.png"))

    # A gap leads to the community's own page, with what to do.
    table, rows = matrix_rows(desktop, base, months_before(today, 4))
    gap = next(cell for cell in table.find_elements(By.CSS_SELECTOR, "td.status-missing a"))
    gap.click()
    wait_for(desktop, "定期公开提醒")
    assert "缺报" in desktop.page_source

    # The office wrote its notes on the year a month ago.
    year = (today - datetime.timedelta(days=31)).year
    desktop.get(base + f"/admin/units/yinzhou/assessment?year={year}")
    wait_for(desktop, "年度居务公开考核")
    first = next(row for row in desktop.find_elements(By.CSS_SELECTOR, "table.assessment tbody tr") if "银城社区" in row.text)
    assert first.find_element(By.CSS_SELECTOR, ".rank").text == "1"
    assert "评为办事处居务公开示范社区" in first.text

    # A resident on a phone: the board shows the record, the record page every item.
    phone.get(base + "/units/yinbei")
    wait_for(phone, "按时公开记录")
    panel = phone.find_element(By.CSS_SELECTOR, ".record-panel")
    assert "缺报" in panel.text
    panel.find_element(By.LINK_TEXT, "每一项的公开日期 →").click()
    wait_for(phone, "应公开日期")
    assert "缺报" in phone.page_source and "按时" in phone.page_source
    phone.save_screenshot(str(ARTIFACTS / "record-phone.png"))
