"""One search box over everything public, and the feeds a reader subscribes to."""

import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By

from helpers import wait_for

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_resident_searches_for_a_two_character_word_and_sees_it_marked(server, phone):
    base = server["base"]
    phone.get(base + "/units/yincheng")
    phone.find_element(By.PARTIAL_LINK_TEXT, "搜索").click()
    box = phone.find_element(By.ID, "q")
    box.send_keys("低保")
    box.submit()
    wait_for(phone, "找到")
    marks = phone.find_elements(By.CSS_SELECTOR, ".snippet mark")
    assert marks and all(m.text == "低保" for m in marks[:5])
    first = phone.find_element(By.CSS_SELECTOR, ".search-results h2 a")
    title = first.text
    first.click()
    wait_for(phone, title)
    # A search for a quote is just a search: a clear answer, no error.
    phone.get(base + "/search?q=%27")
    wait_for(phone, "没有找到包含")


def test_the_board_links_feeds_that_parse_as_atom(server, desktop):
    base = server["base"]
    desktop.get(base + "/units/yinnan")
    links = [l.get_attribute("href") for l in desktop.find_elements(By.CSS_SELECTOR, "link[type='application/atom+xml']")]
    assert len(links) == 4
    for link in links:
        with urllib.request.urlopen(link, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("application/atom+xml")
            feed = ET.fromstring(response.read())
        assert feed.tag == ATOM + "feed"
        for name in ("id", "title", "updated"):
            assert feed.find(ATOM + name) is not None and feed.find(ATOM + name).text
        for entry in feed.findall(ATOM + "entry"):
            assert entry.find(ATOM + "id").text.startswith("tag:sunboard,")
            assert entry.find(ATOM + "link").get("href").startswith(base + "/disclosures/")
