"""Civic processes in Chromium: an election's timeline with a missed deadline and a stage published through review,
a project's progress moved by its steps with a phone-sized photo, and a quarterly bulletin compiled from what was
published, reviewed, published and printed."""

import datetime
import os

from selenium.webdriver.common.by import By

from conftest import ROOT
from helpers import click_button, get_json, login, logout, wait_for

ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"
PHOTO = ROOT / "tests" / "browser" / "fixtures" / "site-photo.jpg"
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def quarter_before(year, quarter):
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def review_and_publish(driver, base, slug, admin_url):
    """The clerk has drafted: submit it, the supervisor approves, the director publishes."""
    click_button(driver, "提交审核")
    wait_for(driver, "已提交审核。")
    logout(driver)
    login(driver, base, f"{slug}-supervisor")
    wait_for(driver, "您好")
    driver.get(admin_url)
    click_button(driver, "审核通过")
    wait_for(driver, "已审核通过")
    logout(driver)
    login(driver, base, f"{slug}-director")
    wait_for(driver, "您好")
    driver.get(admin_url)
    click_button(driver, "发布")
    wait_for(driver, "已发布，居民现在可以看到。")
    logout(driver)


def set_value(driver, name, value):
    """Date inputs take typed text by locale; set the value the form sends."""
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]", field, value)


def test_election_timeline_shows_a_missed_deadline_and_a_stage_published_through_review(server, desktop, phone):
    base = server["base"]
    # 银北 announced its election but never posted the voter list, due 20 days before the vote.
    title = get_json(server, "/api/v1/units/yinbei/elections")["items"][0]["title"]
    assert title.endswith("银北社区居民委员会换届选举")
    phone.get(base + "/units/yinbei")
    phone.find_element(By.PARTIAL_LINK_TEXT, "看选举进行到哪一步").click()
    wait_for(phone, title)
    steps = phone.find_elements(By.CSS_SELECTOR, "ol.timeline > li")
    assert [step.find_element(By.TAG_NAME, "h3").text for step in steps] == [
        "选举公告", "公布选民名单", "提名候选人", "公布正式候选人", "投票选举", "公布选举结果"]
    assert "step-done" in steps[0].get_attribute("class")
    assert "step-overdue" in steps[1].get_attribute("class") and "尚未完成" in steps[1].text
    assert "missed" in phone.find_element(By.CSS_SELECTOR, ".next-step").get_attribute("class")
    os.makedirs(ARTIFACTS, exist_ok=True)
    phone.save_screenshot(str(ARTIFACTS / "election-timeline-phone.png"))

    # 银城 is at its fourth stage: the clerk drafts the formal candidates, review publishes them.
    election = get_json(server, "/api/v1/units/yincheng/elections")["items"][0]
    assert [stage["state"] for stage in election["stages"][:3]] == ["done"] * 3
    login(desktop, base, "yincheng-clerk")
    wait_for(desktop, "您好")
    desktop.get(base + f"/admin/units/yincheng/civic/elections/{election['id']}")
    wait_for(desktop, "公开下一阶段：公布正式候选人")
    # Without names the stage is refused, in plain words, and what was typed stays.
    desktop.find_element(By.ID, "details").send_keys("经各居民小组酝酿讨论，确定正式候选人如下。")
    click_button(desktop, "生成公告草稿")
    wait_for(desktop, "请逐行填写正式候选人。")
    assert "经各居民小组酝酿讨论" in desktop.find_element(By.ID, "details").get_attribute("value")
    desktop.find_element(By.ID, "names").send_keys("主任：王建国\n副主任：周海涛\n委员：陈晓燕、赵丽萍、刘玉兰、孙德胜")
    click_button(desktop, "生成公告草稿")
    wait_for(desktop, "已生成公开草稿")
    review_and_publish(desktop, base, "yincheng", desktop.current_url.split("?")[0])

    phone.get(base + f"/units/yincheng/elections/{election['id']}")
    wait_for(phone, "委员：陈晓燕、赵丽萍、刘玉兰、孙德胜")
    steps = phone.find_elements(By.CSS_SELECTOR, "ol.timeline > li")
    assert "完成" in steps[3].find_element(By.CSS_SELECTOR, ".state").text
    assert "投票选举" in phone.find_element(By.CSS_SELECTOR, ".next-step").text


def test_a_project_moves_with_its_steps_and_shows_a_phone_sized_photo(server, desktop, phone):
    base = server["base"]
    today = server["today"]
    project = next(p for p in get_json(server, "/api/v1/units/yincheng/projects")["items"] if p["name"] == "东大街上下水管道维修")
    before = project["progress"]
    assert 0 < before < 100

    login(desktop, base, "yincheng-clerk")
    wait_for(desktop, "您好")
    desktop.get(base + f"/admin/units/yincheng/civic/projects/{project['id']}")
    wait_for(desktop, "工程节点")
    # A step that ends before it starts is refused, naming the row; nothing is saved.
    too_early = datetime.date(today.year - 2, 1, 1)
    set_value(desktop, "planned_end_0", too_early.isoformat())
    click_button(desktop, "保存节点")
    wait_for(desktop, f"第 1 个节点：计划完成日期（{too_early.year}年1月1日）不能早于计划开始日期")
    assert desktop.find_element(By.NAME, "planned_end_0").get_attribute("value") == too_early.isoformat()
    desktop.get(base + f"/admin/units/yincheng/civic/projects/{project['id']}")
    wait_for(desktop, "工程节点")
    # The second step is finished.
    assert desktop.find_element(By.NAME, "name_1").get_attribute("value")
    desktop.find_element(By.CSS_SELECTOR, "select[name=status_1] option[value=done]").click()
    set_value(desktop, "actual_end_1", (today - datetime.timedelta(days=2)).isoformat())
    click_button(desktop, "保存节点")
    wait_for(desktop, "节点已保存（还没有公开）")
    # Not public yet: residents still see the last published progress.
    assert get_json(server, f"/api/v1/units/yincheng/projects/{project['id']}")["progress"] == before
    desktop.find_element(By.ID, "note").send_keys("新管道和检查井已全部铺设完毕，正在回填恢复路面。")
    desktop.find_element(By.ID, "photos").send_keys(str(PHOTO))
    click_button(desktop, "生成进展草稿")
    wait_for(desktop, "已生成公开草稿")
    review_and_publish(desktop, base, "yincheng", desktop.current_url.split("?")[0])

    phone.get(base + "/units/yincheng/projects")
    phone.find_element(By.LINK_TEXT, "东大街上下水管道维修").click()
    wait_for(phone, "工程节点")
    after = int(phone.find_element(By.CSS_SELECTOR, ".progress-line progress").get_attribute("value"))
    assert after > before
    assert f"{after}%" in phone.find_element(By.CSS_SELECTOR, ".progress-line").text
    photo = phone.find_element(By.CSS_SELECTOR, ".photos img")
    assert "?size=phone" in photo.get_attribute("src")
    phone.execute_script("arguments[0].scrollIntoView()", photo)
    width = phone.execute_script("return arguments[0].complete ? arguments[0].naturalWidth : -1", photo)
    assert 0 < width <= 1280
    phone.save_screenshot(str(ARTIFACTS / "project-progress-phone.png"))


def test_a_quarterly_bulletin_is_compiled_from_what_was_published_then_reviewed_published_and_printed(server, desktop):
    base = server["base"]
    # 银北 left out the bulletin of the quarter before last. Count that quarter's publications from the public list,
    # independently of the bulletin.
    year, quarter = quarter_before(*quarter_before(server["today"].year, (server["today"].month - 1) // 3 + 1))
    start = datetime.datetime(year, 3 * quarter - 2, 1, tzinfo=SHANGHAI)
    end = datetime.datetime(year + quarter // 4, 3 * quarter % 12 + 1, 1, tzinfo=SHANGHAI)
    name = f"{year}年第{'一二三四'[quarter - 1]}季度"
    published, page = 0, 1
    while True:
        listing = get_json(server, f"/api/v1/units/yinbei/disclosures?per_page=100&page={page}")
        for item in listing["items"]:
            published += start <= datetime.datetime.fromisoformat(item["first_published_at"]) < end
        if page * 100 >= listing["total"]:
            break
        page += 1
    assert published > 0

    login(desktop, base, "yinbei-clerk")
    wait_for(desktop, "您好")
    desktop.get(base + "/admin/units/yinbei/civic")
    period = desktop.find_element(By.ID, "period")
    period.clear()
    period.send_keys(f"{year}-Q{quarter}")
    desktop.find_element(By.ID, "bulletin-text").send_keys("二季度，社区完成北环路下水管道改造，组织居民清理楼院卫生三次。")
    click_button(desktop, "汇总生成简报草稿")
    wait_for(desktop, "已生成公开草稿")
    text = desktop.find_element(By.TAG_NAME, "main").text
    assert f"银北社区工作简报（{name}）" in text
    assert f"本季度共公开 {published} 项" in text
    assert "居民意见" in text and "北环路下水管道改造" in text
    review_and_publish(desktop, base, "yinbei", desktop.current_url.split("?")[0])

    desktop.get(base + "/units/yinbei/bulletins")
    entry = next(li for li in desktop.find_elements(By.CSS_SELECTOR, ".listing") if name in li.text)
    assert f"公开 {published} 项" in entry.text
    entry.find_element(By.LINK_TEXT, "打印").click()
    wait_for(desktop, f"本季度共公开 {published} 项")
    desktop.save_screenshot(str(ARTIFACTS / "bulletin-print.png"))
