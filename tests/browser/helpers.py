"""Steps shared by the browser tests."""

import json
import urllib.request

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD


def wait_for(driver, text, timeout=10):
    """Waits until the page shows `text`. A click's navigation may still be under way, so an element found on the
    old page can vanish while it is read: Chromium reports that in several ways, all retried here."""
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: text in d.find_element(By.TAG_NAME, "body").text
    )


def login(driver, base, username, password=DEMO_PASSWORD):
    driver.get(base + "/admin/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def logout(driver):
    driver.find_element(By.CSS_SELECTOR, ".staff-bar button").click()
    wait_for(driver, "您已退出登录。")


def click_button(driver, label):
    """Clicks the submit button whose text is `label`."""
    for button in driver.find_elements(By.CSS_SELECTOR, "button"):
        if button.text.strip() == label:
            button.click()
            return
    raise AssertionError(f"no button {label}")


def get_json(server, path):
    """The JSON the server answers at `path`."""
    with urllib.request.urlopen(server["base"] + path, timeout=30) as response:
        return json.load(response)
