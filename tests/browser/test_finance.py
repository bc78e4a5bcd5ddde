"""A reimbursement in the browser: its handler files it with a receipt, four more people sign, the 报账员 posts it, and a
resident on a phone opens the line and sees the receipt and all five names."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ROOT
from helpers import click_button, login, logout, wait_for

RECEIPT = ROOT / "tests" / "browser" / "fixtures" / "receipt-b.png"
SUMMARY = "更换社区服务中心楼道声控灯"


def test_five_people_sign_a_reimbursement_and_a_resident_sees_it_with_its_receipt(server, desktop, phone):
    base = server["base"]
    # The 经办人 files the request with the scan of the receipt.
    login(desktop, base, "yincheng-worker1")
    wait_for(desktop, "您好，周海涛")
    desktop.get(base + "/admin/units/yincheng/finance/reimbursements/new")
    desktop.find_element(By.ID, "summary").send_keys(SUMMARY)
    desktop.find_element(By.ID, "amount").send_keys("386.50")
    desktop.execute_script(f"document.getElementById('spent_on').value = '{server['today']}'")
    Select(desktop.find_element(By.ID, "category")).select_by_visible_text("维修维护")
    desktop.find_element(By.ID, "payee").send_keys("银州五金电料店")
    desktop.find_element(By.ID, "receipts").send_keys(str(RECEIPT))
    click_button(desktop, "提交报账单")
    wait_for(desktop, "报账单已提交，等待签字。")
    request_url = desktop.current_url.split("?")[0]
    logout(desktop)

    # Four signers, each holding the role for 银城社区, sign in turn.
    for username, name, role in [
        ("yincheng-secretary", "李秀英", "党支部书记"),
        ("yincheng-director", "王建国", "居委会主任"),
        ("yincheng-supervisor", "张桂兰", "监委会主任"),
        ("yincheng-liaison", "刘志强", "包社区领导"),
    ]:
        login(desktop, base, username)
        wait_for(desktop, f"您好，{name}")
        desktop.get(request_url)
        click_button(desktop, f"以{role}身份签字")
        wait_for(desktop, "已签字。")
        # Nobody signs twice: the button is gone, and the table shows the name.
        assert not [b for b in desktop.find_elements(By.CSS_SELECTOR, "button") if b.text.strip() == f"以{role}身份签字"]
        assert f"✓ {name}" in desktop.find_element(By.CSS_SELECTOR, "table.signatures").text
        logout(desktop)

    # The 报账员 posts it.
    login(desktop, base, "yincheng-clerk")
    wait_for(desktop, "您好，陈晓燕")
    desktop.get(request_url)
    wait_for(desktop, "待过账")
    click_button(desktop, "过账")
    wait_for(desktop, "已过账")
    entry_path = desktop.find_element(By.LINK_TEXT, "查看居民看到的这一笔").get_attribute("href")
    logout(desktop)

    # A resident on a phone finds it on the board and opens it.
    phone.get(base + f"/units/yincheng/finance?period={server['today']:%Y-%m}")
    wait_for(phone, SUMMARY)
    phone.find_element(By.LINK_TEXT, SUMMARY).click()
    wait_for(phone, "原始单据")
    assert phone.current_url == entry_path
    body = phone.find_element(By.TAG_NAME, "body").text
    assert "−¥386.50" in body
    for name in ["周海涛", "李秀英", "王建国", "张桂兰", "刘志强"]:
        assert name in body
    image = phone.find_element(By.CSS_SELECTOR, ".receipts img")
    assert re.search(r"/files/[0-9a-f]{64}$", image.get_attribute("src"))
    # The receipt really loads: the browser decoded an image with a size.
    assert phone.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)
