"""People boards in the browser: a 低保 application from the clerk's form to the resident's card, and a guide's flow chart."""

from selenium.webdriver.common.by import By

from helpers import click_button, login, logout, wait_for


def valid_id(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def test_an_application_is_noticed_objected_to_and_decided(server, desktop, phone):
    base = server["base"]
    # The clerk adds an applicant; a wrong ID number is refused first, and never shown back.
    login(desktop, base, "yinbei-clerk")
    wait_for(desktop, "您好")
    desktop.get(base + "/admin/units/yinbei/boards/dibao/new")
    desktop.find_element(By.ID, "f-name").send_keys("郝春花")
    good = valid_id("61272219580506001")
    wrong = good[:-1] + ("1" if good[-1] != "1" else "2")
    desktop.find_element(By.ID, "f-id_number").send_keys(wrong)
    desktop.find_element(By.ID, "f-household_size").send_keys("2")
    desktop.find_element(By.ID, "f-monthly_benefit").send_keys("760")
    desktop.find_element(By.ID, "f-health").send_keys("慢性肾病")
    desktop.find_element(By.ID, "f-phone").send_keys("13991239999")
    click_button(desktop, "保存")
    wait_for(desktop, "校验码要正确")
    assert wrong not in desktop.page_source
    assert desktop.find_element(By.ID, "f-name").get_attribute("value") == "郝春花"
    desktop.find_element(By.ID, "f-id_number").send_keys(good)
    click_button(desktop, "保存")
    wait_for(desktop, "已登记。")
    card_url = desktop.current_url.split("?")[0]
    assert "还没有公示" in desktop.page_source
    click_button(desktop, "提交公示")
    wait_for(desktop, "公示稿已提交审核")
    notice_admin = desktop.find_element(By.LINK_TEXT, "查看公示稿").get_attribute("href")
    logout(desktop)

    # The supervisor approves the notice and the director publishes it.
    login(desktop, base, "yinbei-supervisor")
    wait_for(desktop, "您好")
    desktop.get(notice_admin)
    click_button(desktop, "审核通过")
    wait_for(desktop, "已审核通过")
    logout(desktop)
    login(desktop, base, "yinbei-director")
    wait_for(desktop, "您好")
    desktop.get(notice_admin)
    click_button(desktop, "发布")
    wait_for(desktop, "已发布，居民现在可以看到。")
    notice_id = notice_admin.rstrip("/").split("/")[-1]

    # A resident on a phone reads the notice (name, household, amount; no health, no phone) and objects.
    phone.get(base + f"/disclosures/{notice_id}")
    wait_for(phone, "郝春花")
    text = phone.find_element(By.TAG_NAME, "main").text
    assert "慢性肾病" not in text and "13991239999" not in text
    phone.find_element(By.PARTIAL_LINK_TEXT, "提出异议").click()
    phone.find_element(By.ID, "text").send_keys("她家女儿在县医院上班，收入稳定，请核实。")
    click_button(phone, "提交意见")
    wait_for(phone, "您的意见已经送到居委会")

    # The director sees the objection, and may not decide while the notice runs.
    desktop.get(card_url)
    wait_for(desktop, "她家女儿在县医院上班")
    assert "公示期满后才能决定" in desktop.find_element(By.ID, "decide-blocked").text

    # 任桂珍's notice ended over a week ago with an objection: the director answers it and approves.
    desktop.get(base + "/admin/units/yinbei/boards/dibao")
    desktop.find_element(By.LINK_TEXT, "任桂珍").click()
    wait_for(desktop, "请核实家庭收入")
    click_button(desktop, "确认")
    wait_for(desktop, "请写明核实和处理情况")
    desktop.find_element(By.ID, "note").send_keys("经入户核实，孙子父母每月寄回 300 元，已计入家庭收入，仍符合条件。")
    amount = desktop.find_element(By.ID, "amount")
    amount.clear()
    amount.send_keys("690")
    click_button(desktop, "确认")
    wait_for(desktop, "已审批")
    assert "在册" in desktop.find_element(By.CSS_SELECTOR, "h1").text

    # The resident sees her card with the public fields only, and the change of the month.
    phone.get(base + f"/units/yinbei/boards/dibao?period={server['today']:%Y-%m}")
    wait_for(phone, "任桂珍")
    card = [c for c in phone.find_elements(By.CSS_SELECTOR, ".person-card") if "任桂珍" in c.text][0]
    assert "¥690.00" in card.text and "2" in card.text
    page = phone.find_element(By.TAG_NAME, "main").text
    for secret in ["612722", "慢性肾病", "13991239999", "请核实家庭收入", "经入户核实"]:
        assert secret not in page
    assert "新增" in phone.find_element(By.CSS_SELECTOR, ".changes").text
    assert "郝春花" not in page  # still applying: not on the roster


def test_a_guide_draws_its_steps_as_a_flow_chart(server, phone):
    base = server["base"]
    phone.get(base + "/units/yincheng")
    phone.find_element(By.PARTIAL_LINK_TEXT, "看各项事情怎么办").click()
    phone.find_element(By.PARTIAL_LINK_TEXT, "城市居民最低生活保障").click()
    wait_for(phone, "办理流程")
    steps = phone.find_elements(By.CSS_SELECTOR, ".flow-step")
    assert [s.find_element(By.CSS_SELECTOR, "strong").text for s in steps] == [
        "提出申请", "入户调查", "民主评议", "社区公示 7 天", "办事处审核", "县民政局确认"]
    tops = [s.rect["y"] for s in steps]
    assert tops == sorted(tops) and all(s.rect["width"] > 250 and s.rect["height"] > 40 for s in steps)
    arrows = [phone.execute_script("return getComputedStyle(arguments[0], '::after').content", s) for s in steps]
    assert arrows[:-1] == ['"↓"'] * 5 and arrows[-1] == "none"
    assert "不收费" in phone.find_element(By.CSS_SELECTOR, ".guide-facts").text
    phone.find_element(By.PARTIAL_LINK_TEXT, "申请书").get_attribute("href")
    phone.find_element(By.LINK_TEXT, "打印版").click()
    wait_for(phone, "用浏览器的“打印”功能")
    assert len(phone.find_elements(By.CSS_SELECTOR, ".flow-step")) == 6
