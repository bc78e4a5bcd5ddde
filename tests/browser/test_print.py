"""Paper: a notice printed to PDF in Chromium carries QR codes a phone can follow back to the page."""

import base64
import pathlib
import shutil
import subprocess
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from helpers import wait_for


def decode(pdf_bytes):
    """Rasterises the PDF and reads every QR code on it (poppler's pdftoppm, zbar's zbarimg)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="sunboard-print-"))
    try:
        (folder / "page.pdf").write_bytes(pdf_bytes)
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(folder / "page.pdf"), str(folder / "page")], check=True)
        codes = []
        for image in sorted(folder.glob("page*.png")):
            result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
            codes += [line for line in result.stdout.splitlines() if line]
        return codes
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stamped(codes, driver):
    """The codes' addresses without the ledger head they carry, after checking it is the one printed on the paper."""
    printed = driver.find_element(By.CSS_SELECTOR, ".ledger-stamp strong").text
    addresses = []
    for code in codes:
        address, _, head = code.partition("?head=")
        assert head == printed, (code, printed)
        addresses.append(address)
    return addresses


def print_pdf(driver):
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    return base64.b64decode(driver.print_page(options))


def test_a_printed_notice_carries_qr_codes_to_its_page_and_objection_form(server, desktop):
    base = server["base"]
    # The latest applicant's notice is still open: its paper has both codes.
    desktop.get(base + "/units/yincheng/disclosures?section=rosters")
    desktop.find_element(By.PARTIAL_LINK_TEXT, "新申请城市低保家庭公示").click()
    wait_for(desktop, "公示")
    page_url = desktop.current_url.split("?")[0]
    desktop.find_element(By.PARTIAL_LINK_TEXT, "打印").click()
    wait_for(desktop, "居务公开栏")
    codes = stamped(decode(print_pdf(desktop)), desktop)
    assert page_url in codes, codes
    assert page_url + "/objection" in codes, codes
    # Following the code from paper leads to the objection form, and the code printed beside it still holds.
    printed = desktop.find_element(By.CSS_SELECTOR, ".ledger-stamp strong").text
    desktop.get(page_url + "/objection?head=" + printed)
    wait_for(desktop, "提交意见")
    desktop.get(base + "/ledger/check?code=" + printed)
    wait_for(desktop, "一致：网上账本的第")
    assert "不一致" not in desktop.find_element(By.CSS_SELECTOR, ".check-verdict h2").text


def test_a_leaflet_has_a_working_code_for_each_notice(server, desktop):
    base = server["base"]
    desktop.get(base + "/units/yincheng")
    desktop.find_element(By.PARTIAL_LINK_TEXT, "打印宣传单").click()
    wait_for(desktop, "居务公开宣传单")
    titles = [h.text for h in desktop.find_elements(By.CSS_SELECTOR, ".printed-notice h1")]
    assert titles
    codes = stamped(decode(print_pdf(desktop)), desktop)
    pages = [code for code in codes if not code.endswith("/objection")]
    assert len(pages) == len(titles), (codes, titles)
    for code in pages:
        assert code.startswith(base + "/disclosures/")
