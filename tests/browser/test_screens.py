"""The LED screen at the gate and the courtyard's touch kiosk, at their real sizes."""

import pathlib
import time

from selenium.webdriver.common.by import By

from conftest import make_driver
from helpers import click_button, login, logout, wait_for

ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"


def save(driver, name, server):
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}-{server['database']}.png"))


def publish_notice(driver, base, title):
    """The clerk drafts an immediate notice, the supervisor approves it, the director publishes it."""
    login(driver, base, "yincheng-clerk")
    wait_for(driver, "您好")
    driver.get(base + "/admin/units/yincheng/disclosures/new")
    driver.find_element(By.PARTIAL_LINK_TEXT, "其他重大事项").click()
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "body").send_keys("12 月 1 日起，文化广场晚间开放到 21:30。")
    click_button(driver, "保存草稿")
    wait_for(driver, "已保存。")
    url = driver.current_url.split("?")[0]
    click_button(driver, "提交审核")
    wait_for(driver, "已提交审核。")
    logout(driver)
    for username, button, done in [("yincheng-supervisor", "审核通过", "已审核通过"), ("yincheng-director", "发布", "已发布")]:
        login(driver, base, username)
        wait_for(driver, "您好")
        driver.get(url)
        click_button(driver, button)
        wait_for(driver, done)
        logout(driver)


def test_the_led_screen_shows_new_notices_without_a_reload_and_survives_a_dropped_network(server, desktop):
    base = server["base"]
    screen = make_driver(1920, 1080)
    try:
        screen.get(base + "/screen/yincheng")
        wait_for(screen, "银城社区 · 居务公开")
        current = screen.find_element(By.CSS_SELECTOR, "#screen-items li.current h2")
        assert float(current.value_of_css_property("font-size").rstrip("px")) >= 80
        assert current.is_displayed()
        save(screen, "screen-1920x1080", server)

        # A notice published now reaches the screen at its next poll, without a reload.
        title = "文化广场冬季开放时间调整"
        publish_notice(desktop, base, title)
        screen.execute_script("window.sunboardScreen.poll()")
        wait_for(screen, "1 / ")
        deadline = time.time() + 10
        while title not in screen.find_element(By.ID, "screen-items").get_attribute("textContent") and time.time() < deadline:
            time.sleep(0.2)
        assert title in screen.find_element(By.ID, "screen-items").get_attribute("textContent")
        assert screen.execute_script("return performance.getEntriesByType('navigation').length") == 1

        # The network drops: the screen keeps its content and says it is reconnecting; then it comes back.
        screen.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        screen.execute_script("window.sunboardScreen.poll()")
        deadline = time.time() + 10
        while screen.find_element(By.ID, "screen").get_attribute("data-state") != "offline" and time.time() < deadline:
            time.sleep(0.2)
        assert screen.find_element(By.ID, "screen-status").is_displayed()
        assert title in screen.find_element(By.ID, "screen-items").get_attribute("textContent")
        screen.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        deadline = time.time() + 20  # the screen retries by itself every 10 s
        while screen.find_element(By.ID, "screen").get_attribute("data-state") != "online" and time.time() < deadline:
            time.sleep(0.5)
        assert not screen.find_element(By.ID, "screen-status").is_displayed()
    finally:
        screen.quit()


def test_the_kiosk_opens_sections_by_touch_and_returns_home_when_idle(server):
    base = server["base"]
    kiosk = make_driver(1080, 1920)
    try:
        kiosk.get(base + "/kiosk/yincheng?idle=4")
        wait_for(kiosk, "请点选要看的内容")
        tiles = kiosk.find_elements(By.CSS_SELECTOR, ".kiosk-tiles a")
        assert len(tiles) == 8 and all(t.rect["height"] >= 120 and t.rect["width"] >= 400 for t in tiles)
        save(kiosk, "kiosk-1080x1920", server)
        kiosk.find_element(By.PARTIAL_LINK_TEXT, "办事指南").click()
        wait_for(kiosk, "城市居民最低生活保障")
        home = kiosk.find_element(By.CSS_SELECTOR, ".kiosk-home-button")
        assert home.is_displayed() and home.rect["height"] >= 60
        assert kiosk.execute_script("return document.documentElement.classList.contains('kiosk')")
        kiosk.find_element(By.PARTIAL_LINK_TEXT, "城市居民最低生活保障").click()
        wait_for(kiosk, "办理流程")
        assert len(kiosk.find_elements(By.CSS_SELECTOR, ".flow-step")) == 6
        save(kiosk, "kiosk-guide-1080x1920", server)
        # Nobody touches it: back to the home screen by itself, after 4 seconds (more on a busy machine).
        deadline = time.time() + 30
        while "/kiosk/yincheng" not in kiosk.current_url and time.time() < deadline:
            time.sleep(0.5)
        assert "/kiosk/yincheng" in kiosk.current_url, kiosk.execute_script(
            "return [document.readyState, document.documentElement.className, sessionStorage.getItem('sunboard.kiosk'),"
            " !!document.querySelector('.kiosk-home-button')].join(' | ')"
        )
        wait_for(kiosk, "请点选要看的内容")
    finally:
        kiosk.quit()
