"""A resident's suggestion from a phone to the committee's public reply."""

from selenium.webdriver.common.by import By

from helpers import click_button, login, wait_for


def test_a_resident_suggests_and_the_committee_replies_in_public(server, phone, desktop):
    base = server["base"]
    phone.get(base + "/units/yinxin")
    phone.find_element(By.PARTIAL_LINK_TEXT, "看居民意见和答复").click()
    wait_for(phone, "近一年答复情况")
    phone.find_element(By.LINK_TEXT, "提建议或投诉").click()
    # An empty message is refused with a clear message.
    click_button(phone, "提交意见")
    wait_for(phone, "请写下您的意见")
    phone.find_element(By.ID, "text").send_keys("幸福苑小区东门的路灯坏了一个多星期，晚上回家很不方便。")
    phone.find_element(By.CSS_SELECTOR, "input[value=complaint]").click()
    click_button(phone, "提交意见")
    wait_for(phone, "您的意见已经送到居委会")

    login(desktop, base, "yinxin-director")
    wait_for(desktop, "您好")
    desktop.get(base + "/admin/units/yinxin/feedback")
    wait_for(desktop, "东门的路灯坏了")
    section = [s for s in desktop.find_elements(By.CSS_SELECTOR, "section.panel") if "东门的路灯坏了" in s.text][0]
    section.find_element(By.NAME, "reply").send_keys("已报县路灯所，11 月 30 日前修好。谢谢您告诉我们。")
    # Nothing private in it: the resident's words are published with the reply.
    section.find_element(By.NAME, "shows_text").click()
    section.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(desktop, "已答复")

    phone.get(base + "/units/yinxin/feedback")
    wait_for(phone, "11 月 30 日前修好")
    item = [li for li in phone.find_elements(By.CSS_SELECTOR, ".feedback-list li") if "东门的路灯坏了" in li.text][0]
    assert "已答复" in item.text and "投诉" in item.text
