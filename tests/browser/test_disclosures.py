"""A disclosure's life in the browser: three people publish it, a resident reads it and its history."""

import datetime
import pathlib

from selenium.webdriver.common.by import By

from conftest import ROOT
from helpers import click_button, login, logout, wait_for

RECEIPT = ROOT / "tests" / "browser" / "fixtures" / "receipt-a.png"


def test_clerk_supervisor_and_director_publish_and_a_resident_reads_it(server, desktop):
    base = server["base"]
    meeting = server["today"] + datetime.timedelta(days=3)
    meeting_time = f"{meeting.year}年{meeting.month}月{meeting.day}日 15:00"
    # The clerk drafts a notice of a temporary meeting, with a scanned attachment, and submits it.
    login(desktop, base, "yincheng-clerk")
    wait_for(desktop, "您好，陈晓燕")
    desktop.get(base + "/admin/units/yincheng/disclosures/new")
    desktop.find_element(By.PARTIAL_LINK_TEXT, "成员代表大会临时会议").click()
    wait_for(desktop, "新建公开内容")
    desktop.find_element(By.ID, "title").send_keys("关于召开成员代表大会临时会议审议巷道硬化方案的通知")
    desktop.find_element(By.ID, "field_meeting_time").send_keys(meeting_time)
    desktop.find_element(By.ID, "field_place").send_keys("银城社区服务中心二楼会议室")
    desktop.find_element(By.ID, "field_agenda").send_keys("1. 审议城隍庙巷硬化方案\n2. 推选工程监督小组")
    desktop.find_element(By.ID, "body").send_keys("请各位成员代表准时参加。\n\n## 会议议程\n- 审议硬化方案")
    desktop.find_element(By.ID, "files").send_keys(str(RECEIPT))
    click_button(desktop, "保存草稿")
    wait_for(desktop, "已保存。")
    admin_url = desktop.current_url.split("?")[0]
    assert RECEIPT.name in desktop.page_source
    click_button(desktop, "提交审核")
    wait_for(desktop, "已提交审核。")
    logout(desktop)

    # The supervisor approves it.
    login(desktop, base, "yincheng-supervisor")
    wait_for(desktop, "您好，张桂兰")
    desktop.get(admin_url)
    wait_for(desktop, "待审核")
    click_button(desktop, "审核通过")
    wait_for(desktop, "已审核通过")
    logout(desktop)

    # The director publishes it.
    login(desktop, base, "yincheng-director")
    wait_for(desktop, "您好，王建国")
    desktop.get(admin_url)
    click_button(desktop, "发布")
    wait_for(desktop, "已发布，居民现在可以看到。")
    logout(desktop)

    # A resident finds it on the board and reads it.
    desktop.get(base + "/units/yincheng")
    desktop.find_element(By.PARTIAL_LINK_TEXT, "审议巷道硬化方案").click()
    wait_for(desktop, "银城社区服务中心二楼会议室")
    text = desktop.find_element(By.TAG_NAME, "main").text
    assert meeting_time in text
    assert "王建国" in text
    assert "第 1 版" in text
    image = desktop.find_element(By.CSS_SELECTOR, ".attachments img")
    assert desktop.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)
    desktop.find_element(By.PARTIAL_LINK_TEXT, "第 ").click()  # its ledger entry
    wait_for(desktop, "公开账本")


def test_a_resident_reads_a_correction_and_its_first_version(server, phone):
    base = server["base"]
    # 银北 corrected the place of its meeting two quarters ago.
    today = server["today"]
    index = today.year * 4 + (today.month - 1) // 3 - 2
    year, quarter = index // 4, index % 4 + 1
    phone.get(base + f"/units/yinbei/disclosures?item=assembly-agenda&period={year}-Q{quarter}")
    phone.find_element(By.PARTIAL_LINK_TEXT, f"{year}年第{'一二三四'[quarter - 1]}季度社区成员代表大会议程").click()
    wait_for(phone, "本版更正理由")
    text = phone.find_element(By.TAG_NAME, "main").text
    assert "会议地点录入错误" in text
    assert "银北社区服务中心二楼会议室" in text
    assert "与上一版相比" in text
    assert "第 2 版" in text
    phone.find_element(By.LINK_TEXT, "第 1 版").click()
    wait_for(phone, "这是第 1 版，不是最新内容")
    assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_publishing_an_incomplete_notice_names_what_is_missing(server, desktop):
    base = server["base"]
    login(desktop, base, "yinbei-clerk")
    wait_for(desktop, "您好，何静")
    desktop.get(base + "/admin/units/yinbei/disclosures/new")
    desktop.find_element(By.PARTIAL_LINK_TEXT, "捐款捐物情况").click()
    wait_for(desktop, "新建公开内容")
    desktop.find_element(By.ID, "title").send_keys("为受灾群众捐款情况")
    click_button(desktop, "保存草稿")
    wait_for(desktop, "已保存。")
    admin_url = desktop.current_url.split("?")[0]
    click_button(desktop, "提交审核")
    wait_for(desktop, "已提交审核。")
    logout(desktop)
    login(desktop, base, "yinbei-supervisor")
    wait_for(desktop, "您好，胡秀珍")
    desktop.get(admin_url)
    click_button(desktop, "审核通过")
    wait_for(desktop, "已审核通过")
    logout(desktop)
    login(desktop, base, "yinbei-director")
    wait_for(desktop, "您好，马俊峰")
    desktop.get(admin_url)
    click_button(desktop, "发布")
    wait_for(desktop, "还缺少：用途、合计金额、接收单位。补齐后才能发布。")
