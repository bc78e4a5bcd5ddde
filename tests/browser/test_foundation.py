"""The public site skeleton and the admin area's doors."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import get_json, login, wait_for


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def test_office_home_lists_the_four_communities(server, phone):
    phone.get(server["base"] + "/")
    assert "银州镇办事处" in heading(phone)
    links = [a.text for a in phone.find_elements(By.CSS_SELECTOR, ".cards h3 a")]
    assert links == ["银城社区", "银南社区", "银北社区", "银新社区"]
    facts = phone.find_element(By.CSS_SELECTOR, ".facts").text
    for fact in ("11", "平方公里", "6.9万", "379", "1116"):
        assert fact in facts
    # Nothing is wider than the phone's screen.
    assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_community_home_shows_its_sections(server, phone):
    phone.get(server["base"] + "/")
    phone.find_element(By.LINK_TEXT, "银南社区").click()
    wait_for(phone, "居务公开栏")
    assert "银南社区" in heading(phone)
    titles = [h.text for h in phone.find_elements(By.CSS_SELECTOR, "section.board-section h3")]
    for title in ("最新公告", "财务公开", "基本概况", "组织机构", "居务公开制度", "便民服务指南", "光荣榜", "居委会活动剪影"):
        assert title in titles
    # The index jumps to a section, which lists its latest disclosures.
    phone.find_element(By.CSS_SELECTOR, ".board-index a[href='#finance']").click()
    assert phone.current_url.endswith("#finance")
    finance = phone.find_element(By.ID, "finance")
    assert "办公经费使用情况" in finance.text
    assert "查看本栏全部" in finance.text
    # A section with a page of its own leads there: the honor roll.
    honors = phone.find_element(By.ID, "honors")
    year = get_json(server, "/api/v1/units/yinnan/honors")["items"][0]["content"]["year"]
    assert f"银南社区{year}年光荣榜" in honors.text
    assert honors.find_element(By.LINK_TEXT, "看光荣榜 →").get_attribute("href").endswith("/units/yinnan/honors")
    assert "南关街 8 号" in phone.find_element(By.ID, "profile").text
    assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_keyboard_reaches_the_content_first(server, desktop):
    desktop.get(server["base"] + "/units/yincheng")
    desktop.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = desktop.switch_to.active_element
    assert active.text == "跳到正文"
    active.send_keys(Keys.ENTER)
    assert desktop.current_url.endswith("#main")


def test_director_logs_in_and_sees_the_admin_area(server, phone):
    login(phone, server["base"], "yincheng-director")
    wait_for(phone, "您好，王建国")
    assert "银城社区 · 居委会主任" in phone.page_source
    phone.find_element(By.LINK_TEXT, "银城社区").click()
    wait_for(phone, "修改基本概况")
    assert "银城社区" in heading(phone)
    phone.find_element(By.CSS_SELECTOR, ".staff-bar button").click()
    wait_for(phone, "您已退出登录。")


def test_wrong_password_shows_a_clear_chinese_message(server, phone):
    login(phone, server["base"], "yinbei-director", "not-the-password")
    wait_for(phone, "登录名或密码不对")
    message = phone.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert message == "登录名或密码不对，请重新输入。"
    # The name stays filled in; the password does not.
    assert phone.find_element(By.ID, "username").get_attribute("value") == "yinbei-director"
    assert phone.find_element(By.ID, "password").get_attribute("value") == ""


def test_clerk_is_refused_another_communitys_admin_page(server, phone):
    login(phone, server["base"], "yincheng-clerk")
    wait_for(phone, "您好，陈晓燕")
    phone.get(server["base"] + "/admin/units/yinnan")
    assert heading(phone) == "没有权限"
    assert "黄德明" not in phone.page_source
    phone.get(server["base"] + "/admin/units/yincheng")
    assert "银城社区" in heading(phone)


def test_anonymous_visitor_is_sent_to_login(server, phone):
    phone.get(server["base"] + "/admin/units/yincheng")
    assert heading(phone) == "工作人员登录"
    login_form_next = phone.find_element(By.NAME, "next").get_attribute("value")
    assert login_form_next == "/admin/units/yincheng"


def test_director_edits_the_profile_residents_read(server, desktop):
    login(desktop, server["base"], "yinxin-director")
    wait_for(desktop, "您好，高志刚")
    desktop.get(server["base"] + "/admin/units/yinxin/profile")
    population = desktop.find_element(By.ID, "f-population")
    population.clear()
    population.send_keys("一万")
    desktop.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    wait_for(desktop, "需要修改")
    assert "“人口”请填写不带小数的整数" in desktop.find_element(By.CSS_SELECTOR, "[role=alert]").text
    population = desktop.find_element(By.ID, "f-population")
    population.clear()
    population.send_keys("13,600")
    desktop.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    wait_for(desktop, "基本概况已保存")
    desktop.get(server["base"] + "/units/yinxin")
    assert "1.36万" in desktop.find_element(By.ID, "profile").text
