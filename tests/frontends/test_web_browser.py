"""The staff page as staff use it: `policybot web` started as a real process on 127.0.0.1, driven by Playwright in
the distribution's headless Chromium (installed by `make test`). Each test types, clicks and reads, in Chinese and
in English; one runs with JavaScript off and one on a phone-sized screen.

With POLICYBOT_SCREENSHOTS=<dir> (`make screenshots`) the tests also save the README's screenshots there."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from local_servers import free_port, wait_serving

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
SHOTS = os.environ.get("POLICYBOT_SCREENSHOTS")


def chromium_path() -> str | None:
    for candidate in (os.environ.get("POLICYBOT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None




# A staff-added document whose articles name each other: the article page links them.
ADDED = """第一条 为吸引海外人才来本市创新创业，制定本办法。
第二条 申报人应当具有博士学位，年龄不超过45周岁。
第三条 符合第二条规定的申报人，可以获得一次性资助。
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("webhome")
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"), POLICYBOT_DB=str(home / "sessions.db"),
               POLICYBOT_AS_OF="2026-06-01")
    exe = str(Path(sys.executable).parent / "policybot")
    src = home / "added.txt"
    src.write_text(ADDED, encoding="utf-8")
    subprocess.run([exe, "corpus", "add", str(src), "--id", "test-city-2026", "--title", "某市海外人才资助办法"],
                   env=env, check=True, capture_output=True, timeout=300)
    port = free_port()
    proc = subprocess.Popen([exe, "web", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    wait_serving(base + "/api/search?q=%E5%B9%B4%E9%BE%84", proc)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed: `make test` installs it (apt-get install chromium)"
        if os.environ.get("POLICYBOT_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30000)
    yield pg
    context.close()


def shot(pg, name: str, full: bool = False) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=full)


QUESTIONS = {"zh": ("青年项目的年龄要求是多少？", "第八条", "年龄"),
             "en": ("What is the age limit for the youth program?", "Article 8", "age")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_then_open_the_article(page, lang):
    question, article, word = QUESTIONS[lang]
    page.goto(f"/?lang={lang}")
    page.fill("input[name=q]", question)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#answer")
    answer = page.inner_text("#answer")
    assert ("40" in answer) and (("岁" in answer) if lang == "zh" else ("40" in answer and "age" in answer.lower()))
    titles = page.locator("li.result h3 a").all_inner_texts()
    assert any(article in t for t in titles[:2]), titles
    marks = [m.lower() for m in page.locator("li.result mark.hit").all_inner_texts()]
    assert word in marks
    if lang == "en":  # the English rendering beside the Chinese
        assert page.locator("li.result blockquote.en").count() == page.locator("li.result").count()
    shot(page, f"search-{lang}")

    page.locator("li.result h3 a", has_text=article).first.click()
    page.wait_for_selector("h1")
    assert article in page.inner_text("h1")
    assert page.locator("mark.quote").count() >= 10  # each rule's quote, marked in the clause
    uses = page.locator("li.use").all_inner_texts()
    assert any("40" in u for u in uses)
    shot(page, f"article-{lang}")
    page.locator("sup.qn a").first.click()  # a marked quote's number leads to its rule
    assert "#use-" in page.url
    page.click("a[rel=next]")
    assert "第九条" in page.inner_text("h1") or "Article 9" in page.inner_text("h1")


def test_an_added_documents_cross_references_are_links(page):
    page.goto("/article/test-city-2026/第三条?lang=zh")
    refers = page.locator("section.refers a")
    assert refers.all_inner_texts() == ["第二条"]
    refers.first.click()
    assert "第二条" in page.inner_text("h1")
    assert "45周岁" in page.inner_text("blockquote.clause")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fill_the_checker_and_read_the_verdicts(page, lang):
    page.goto(f"/check?lang={lang}")
    page.fill("#i-age", "45")
    page.select_option("#i-nationality", "foreign")
    page.select_option("#i-degree", "phd")
    page.select_option("#i-field", "engineering")
    page.check("input[name=fulltime_in_china][value=false]")
    page.fill("#i-commit_fulltime_years", "3")
    page.click("button[type=submit] >> nth=0")
    page.wait_for_selector("#verdicts .card")
    assert "age=45" in page.url and "nationality=foreign" in page.url  # shareable
    youth = page.locator("#v-qianren\\.youth")
    youth.locator("> details > summary").click()  # ruled out: folded until opened
    text = youth.inner_text()
    assert ("不符合条件" if lang == "zh" else "not eligible") in text
    assert "40" in text and ("第八条" in text or "Article 8" in text)
    assert youth.locator("li.cond.failed").count() >= 1
    # the form keeps what was typed
    assert page.input_value("#i-age") == "45"
    shot(page, f"check-{lang}")
    with page.expect_download() as dl:
        page.click("a[download]")
    saved = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert saved["age"] == 45 and saved["nationality"] == "foreign"


def test_checker_refuses_an_impossible_value_with_the_field_named(page):
    page.goto("/check?lang=en&age=7")
    assert page.inner_text("#error") == "Age: at least 16"
    assert page.inner_text("#f-age .field-error") == "Age: at least 16"  # beside the field too


@pytest.mark.parametrize("lang, first, second, fact", [
    ("zh", "我想申请青年项目，今年34岁，在美国做助理教授", "博士", "34"),
    ("en", "Hi, I'm 36 and a tenure-track assistant professor in Toronto. Could I apply for the youth program?",
     "I got my PhD in 2019", "36"),
])
def test_two_chat_messages(page, lang, first, second, fact):
    page.goto(f"/chat?lang={lang}")
    page.fill("textarea[name=text]", first)
    page.click("button.send")
    page.wait_for_selector("li.turn.bot")
    page.fill("textarea[name=text]", second)
    page.click("button.send")
    page.wait_for_function("document.querySelectorAll('li.turn').length >= 4")
    turns = page.locator("li.turn .said").all_inner_texts()
    assert turns[0] == first and turns[2] == second
    replies = turns[1] + turns[3]
    if lang == "en":
        assert sum(ch > "\u4e00" for ch in turns[3]) < len(turns[3]) / 4  # mostly English
    else:
        assert "年" in replies or "项目" in replies
    shot(page, f"chat-{lang}", full=True)
    page.click("form.reset button")
    assert page.locator("li.turn").count() == 0


def test_the_pages_work_without_javascript(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    pg = context.new_page()
    pg.goto("/?lang=zh")
    pg.fill("input[name=q]", "外籍专家子女入学")
    pg.click("form.search button")
    assert pg.locator("li.result").count() >= 1
    pg.goto("/chat?lang=zh")
    pg.fill("textarea[name=text]", "我今年38岁，想申请海聚工程")
    pg.click("button.send")
    assert pg.locator("li.turn.bot").count() == 1
    options = pg.locator("button.option")
    if options.count():  # an answer button is a plain submit
        options.first.click()
        assert pg.locator("li.turn").count() == 4
    context.close()


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    for url in ("/search?q=%E5%B9%B4%E9%BE%84&lang=zh", "/article/qianren-2017/%E7%AC%AC%E5%85%AB%E6%9D%A1",
                "/check?age=34&lang=en", "/chat"):
        pg.goto(url)
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{url}: {overflow}px wider than the phone"
    context.close()


def test_api_errors_over_the_wire(page):
    r = page.request.get("/api/search?q=")
    assert r.status == 422 and "q" in r.json()["error"]
    r = page.request.post("/api/check", data=b"{oops", headers={"content-type": "application/json"})
    assert r.status == 400 and "JSON" in r.json()["error"]
    r = page.request.post("/api/check", data=json.dumps({"age": 200}), headers={"content-type": "application/json"})
    assert r.status == 422 and "age" in r.json()["error"]
    r = page.request.post("/api/say", data=json.dumps({"user": "", "text": "hi"}),
                          headers={"content-type": "application/json"})
    assert r.status == 422
    r = page.request.post("/api/check", data=b"x" * 100_000, headers={"content-type": "application/json"})
    assert r.status == 413
    page.goto("/docs")
    assert page.locator("section.endpoint").count() >= 3
