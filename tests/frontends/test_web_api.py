"""The web app in process (Starlette's TestClient over the real app, real corpus, real SQLite store): the JSON
API and its errors, the guards (auth, body cap, CSRF, escaping, headers) and the pages' content. The same pages
in a real browser: test_web_browser.py."""
import json
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import corpus
from bot.dialogue.assistant import Assistant
from bot.dialogue.store import SQLiteStore
from bot.eligibility.rules import rulebook, uses_of
from bot.frontends.web.app import create_app
from bot.frontends.web.pages import _quote_marks
from bot.frontends.web.server import ServeError, is_loopback, serve
from retrieval.highlight import locate


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("web") / "sessions.db")
    with TestClient(create_app(Assistant(store)), base_url="http://127.0.0.1:8000") as c:
        yield c


def csrf(client) -> str:
    client.get("/chat")
    return client.cookies.get("pb_csrf")


# -- API ------------------------------------------------------------------------------------------------------

def test_api_search_is_the_cli_json(client):
    r = client.get("/api/search", params={"q": "青年项目年龄要求", "top": 3})
    assert r.status_code == 200
    hits = r.json()
    assert len(hits) == 3
    assert {"doc", "article", "title", "text", "text_en", "answer", "score"} <= set(hits[0])
    assert (hits[0]["doc"], hits[0]["article"]) in {("qianren-2017", "第八条"), ("haiju-intro", "三、引进条件—青年项目")}
    en = client.get("/api/search", params={"q": "Can my spouse work in Beijing?"}).json()
    assert en[0]["answer"] and not re.search(r"[\u4e00-\u9fff]", en[0]["answer"])  # the answer in English


@pytest.mark.parametrize("params, fragment", [
    ({}, "q"), ({"q": ""}, "q"), ({"q": "x" * 501}, "q"), ({"q": "年龄", "top": 0}, "top"),
    ({"q": "年龄", "top": "many"}, "top"), ({"q": "年龄", "doc": "nope"}, "unknown document"),
])
def test_api_search_errors_are_422_with_a_message(client, params, fragment):
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["error"]


def test_api_check_gives_section_5_json(client):
    profile = {"age": 34, "degree": "phd", "field": "engineering", "overseas_title": "assistant_professor",
               "overseas_employer_renowned": True, "overseas_months_after_phd": 48, "fulltime_in_china": False,
               "commit_fulltime_years": 3, "employer_type": "university", "as_of": "2026-06-01"}
    r = client.post("/api/check", json=profile, params={"lang": "en", "program": "qianren.youth"})
    assert r.status_code == 200
    body = r.json()
    assert body["as_of"] == "2026-06-01"
    [v] = body["verdicts"]
    assert v["program"] == "qianren.youth" and v["status"] in ("eligible", "undetermined")
    assert all({"status", "quote", "article", "doc"} <= set(c) for c in v["conditions"])


@pytest.mark.parametrize("body, status, fragment", [
    (b"{not json", 400, "not valid JSON"),
    (b"\xff\xfe", 400, "not UTF-8"),
    (b"[1, 2]", 422, "JSON object"),
    (json.dumps({"age": "34"}).encode(), 422, "age"),
    (json.dumps({"age": 300}).encode(), 422, "age"),
    (json.dumps({"agee": 30}).encode(), 422, "agee"),
    (json.dumps({"nationality": "martian"}).encode(), 422, "nationality"),
    (b"[" * 100000 + b"]" * 100000, 413, ""),
])
def test_api_check_errors(client, body, status, fragment):
    r = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status
    if status != 413:
        assert fragment in r.json()["error"]
        assert "Traceback" not in r.text


def test_api_check_unknown_program(client):
    r = client.post("/api/check", json={"age": 30}, params={"program": "qianren.nope"})
    assert r.status_code == 422 and "qianren.nope" in r.json()["error"]


def test_api_say_keeps_the_conversation(client):
    first = client.post("/api/say", json={"user": "api-test-1", "text": "我想申请青年项目，今年34岁"})
    assert first.status_code == 200
    assert first.json()["facts"].get("age") == 34
    second = client.post("/api/say", json={"user": "api-test-1", "text": "博士"}).json()
    assert second["facts"].get("age") == 34  # the same session continued
    assert {"reply", "lang", "asking", "verdicts", "options", "kind"} <= set(second)


@pytest.mark.parametrize("body, fragment", [
    ({"text": "hi"}, "user"), ({"user": "", "text": "hi"}, "user"), ({"user": "u" * 201, "text": "hi"}, "user"),
    ({"user": "a\x00b", "text": "hi"}, "user"), ({"user": "u", "text": "x" * 4001}, "text"),
    ({"user": "u", "text": 5}, "text"),
])
def test_api_say_errors(client, body, fragment):
    r = client.post("/api/say", json=body)
    assert r.status_code == 422
    assert fragment in r.json()["error"]


def test_openapi_and_its_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/check", "/api/say"} <= set(spec["paths"])
    assert "age" in json.dumps(spec["paths"]["/api/check"]["post"]["requestBody"])
    page = client.get("/docs").text
    assert "/api/check" in page and "cdn" not in page.lower() and "<script src=\"http" not in page


def test_every_body_is_capped(client):
    token = csrf(client)
    r = client.post("/chat", data={"csrf": token, "text": "x" * 70000}, headers={"origin": "http://127.0.0.1:8000"})
    assert r.status_code == 413


# -- guards ---------------------------------------------------------------------------------------------------

def test_headers_keep_scripts_to_the_app(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "uvicorn" not in r.headers.get("server", "")


def test_user_strings_are_escaped(client):
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    for url in (f"/search?q={quote(evil)}", f"/check?age={quote(evil)}", f"/article/qianren-2017/{quote(evil)}"):
        r = client.get(url)
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
    token = csrf(client)
    client.post("/chat", data={"csrf": token, "text": evil}, headers={"origin": "http://127.0.0.1:8000"})
    page = client.get("/chat").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page


def test_forms_that_change_something_need_the_token_and_this_origin(client):
    token = csrf(client)
    assert client.post("/chat", data={"text": "hi"}).status_code == 403  # no token
    assert client.post("/chat", data={"csrf": "forged", "text": "hi"}).status_code == 403
    r = client.post("/chat", data={"csrf": token, "text": "hi"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    ok = client.post("/chat", data={"csrf": token, "text": "hi"}, headers={"origin": "http://127.0.0.1:8000"},
                     follow_redirects=False)
    assert ok.status_code == 303


def test_basic_auth_when_configured(tmp_path):
    app = create_app(Assistant(SQLiteStore(tmp_path / "s.db")), auth=("staff", "correct horse"))
    with TestClient(app) as c:
        assert c.get("/").status_code == 401
        assert c.get("/").headers["www-authenticate"].startswith("Basic")
        assert c.get("/api/search?q=年龄", auth=("staff", "wrong password")).status_code == 401
        assert c.get("/api/search?q=年龄", auth=("staff", "correct horse")).status_code == 200


def test_other_hosts_need_auth():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    with pytest.raises(ServeError, match="--auth"):
        serve("0.0.0.0", 8000, None)


def test_cli_refuses_an_open_page_without_auth():
    from conftest import policybot

    r = policybot("web", "--host", "0.0.0.0", "--port", "8799")
    assert r.returncode == 2 and "--auth" in r.stderr and "Traceback" not in r.stderr
    r = policybot("web", "--host", "0.0.0.0", "--auth", "nopassword")
    assert r.returncode == 2 and "user:password" in r.stderr
    r = policybot("web", "--port", "70000")
    assert r.returncode == 2 and "--port" in r.stderr


def test_errors_are_pages_not_tracebacks(client):
    r = client.get("/nowhere")
    assert r.status_code == 404 and "Traceback" not in r.text and "<html" in r.text
    assert client.get("/article/qianren-2017/第九十九条").status_code == 404
    assert client.get("/article/nodoc/第八条").status_code == 404
    api = client.get("/api/nowhere")
    assert api.status_code == 404 and api.json()["error"]  # the API answers JSON, not a page


# -- pages ----------------------------------------------------------------------------------------------------

def test_search_page_marks_the_matched_words_and_puts_the_answer_first(client):
    page = client.get("/search", params={"q": "青年项目的年龄要求"}).text
    assert page.index('class="answer"') < page.index('class="results"')
    assert '<mark class="hit">年龄</mark>' in page
    assert "《国家海外高层次人才引进计划管理办法》第八条" in page


def test_search_page_english_shows_the_rendering_beside_the_chinese(client):
    page = client.get("/search", params={"q": "age limit for the youth program", "lang": "en"}).text
    assert 'class="pair"' in page and 'blockquote class="en"' in page and 'blockquote class="zh"' in page
    assert re.search(r'<mark class="hit">[Aa]ge</mark>', page)


def test_search_filter_by_document(client):
    page = client.get("/search", params={"q": "年龄", "doc": "haiju-intro"}).text
    cites = re.findall(r'<h3><a href="/article/([^/"]+)/', page)
    assert cites and set(cites) == {"haiju-intro"}


def test_article_page_puts_each_rule_beside_its_quote(client):
    page = client.get("/article/qianren-2017/第八条").text
    assert "年龄不超过40岁" in page
    assert page.count('<mark class="quote"') >= 10
    assert 'id="use-' in page and "qianren.youth" in page
    assert 'rel="prev" href="/article/qianren-2017/%E7%AC%AC%E4%B8%83%E6%9D%A1"' in page  # 第七条
    assert "Youth Project" in page  # the English rendering


def test_article_page_links_the_clauses_the_rules_read_with_it(client):
    """Haiju's basic conditions are used by programs defined on other slides, and relaxed by 破格 clauses: the
    staff member reaches them from here. (Articles named in a clause's text: test_web_browser, on an added
    document; the built-in ones name none.)"""
    page = client.get("/article/haiju-intro/" + quote("三、引进条件—基本条件")).text
    linked = page[page.index('class="linked"'):]
    assert "全职工作类" in linked and "短期项目" in linked
    assert "第二十五条" in client.get("/article/qianren-2017/" + quote("第八条")).text.split('class="linked"')[1]


def test_every_rule_quote_is_found_in_the_text_its_page_marks():
    """The law beside its code: every condition, relaxation and amount is marked in its clause."""
    clauses = {(c.doc, c.article): c for c in corpus.load()}
    checked = 0
    for (doc, article) in {(c.doc, c.article) for c in rulebook().conditions.values()}:
        quotes = [u.quote for u in uses_of(doc, article) if u.quote]
        text = clauses[(doc, article)].text
        _, missing = _quote_marks(text, quotes)
        assert not missing, f"{doc} {article}: {[quotes[n - 1] for n in missing]}"
        checked += len(quotes)
    assert checked > 100
    assert locate("年龄 不超过\n40岁", "……年龄不超过40岁，") == [(2, 10)]


def test_checker_form_comes_from_the_fact_definitions(client):
    from bot.eligibility.facts import facts

    page = client.get("/check").text
    for name, spec in facts().items():
        assert f'name="{name}"' in page, name
        if spec.get("max") is not None and spec["kind"] in ("int", "months"):
            assert f'name="{name}" value="" min="{spec["min"]}" max="{spec["max"]}"' in page
    assert 'id="g-person"' in page and 'id="g-institution"' in page


def test_checker_verdicts_from_the_url_and_the_json_download(client):
    url = ("/check?age=45&nationality=foreign&degree=phd&field=engineering&overseas_title=professor"
           "&commit_fulltime_years=3&employer_type=university&fulltime_in_china=false&lang=en")
    page = client.get(url).text
    assert 'id="v-qianren.youth"' in page
    youth = page[page.index('id="v-qianren.youth"'):]
    youth = youth[:youth.index("</article>")]
    assert "not eligible" in youth and "40" in youth and "Article 8" in youth
    assert "<h4>What would change it</h4>" in youth or "ineligible" in youth
    download = client.get(url.replace("/check?", "/check.json?"))
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.json()["age"] == 45 and "lang" not in download.json()


def test_checker_bad_values_say_which_field(client):
    r = client.get("/check?age=abc")
    assert r.status_code == 422 and "age" in r.text and "whole number" in r.text
    r = client.get("/check?age=30&bogus=1")
    assert r.status_code == 422 and "bogus" in r.text


def test_checker_loads_an_uploaded_profile(client):
    token = csrf(client)
    profile = json.dumps({"age": 38, "degree": "phd"}).encode()
    r = client.post("/check", data={"csrf": token}, files={"file": ("p.json", profile, "application/json")},
                    headers={"origin": "http://127.0.0.1:8000"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/check?age=38&degree=phd"
    bad = client.post("/check", data={"csrf": token}, files={"file": ("p.json", b'{"age": "38"}', "application/json")},
                      headers={"origin": "http://127.0.0.1:8000"})
    assert bad.status_code == 422 and "age" in bad.text


def test_interface_language_from_the_browser_and_the_switch(client):
    client.cookies.delete("pb_lang")
    assert "Checker" in client.get("/check", headers={"accept-language": "en-GB,en;q=0.9"}).text
    assert "资格核查" in client.get("/check", headers={"accept-language": "zh-CN,zh;q=0.9"}).text
    client.get("/check?lang=en")
    assert "Checker" in client.get("/check", headers={"accept-language": "zh-CN"}).text  # remembered
    client.get("/check?lang=zh")


# -- what the black-box test found (each failed before its fix) ---------------------------------------------------

def test_the_api_cannot_reach_a_web_chat_or_plant_one(client):
    token = csrf(client)
    client.post("/chat", data={"csrf": token, "text": "我今年41岁，秘密123"}, headers={"origin": "http://127.0.0.1:8000"})
    cookie = client.cookies.get("pb_chat")
    user, _, mac = cookie.partition(".")
    assert mac  # signed by the server
    peek = client.post("/api/say", json={"user": f"web:{user}", "text": "/profile"}).json()
    assert "41" not in peek["reply"] and "秘密" not in peek["reply"]
    # an id the server did not issue (planted through the API, or made up) is not a conversation
    client.post("/api/say", json={"user": "web:chosen-by-attacker", "text": "hi"})
    client.cookies.set("pb_chat", "chosen-by-attacker")
    assert 'class="turn' not in client.get("/chat").text
    client.cookies.set("pb_chat", f"chosen-by-attacker.{mac}")
    assert 'class="turn' not in client.get("/chat").text


def test_a_rebinding_host_is_refused(tmp_path):
    app = create_app(Assistant(SQLiteStore(tmp_path / "s.db")), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


def test_the_language_link_stays_on_this_site(client):
    page = client.get("//evil.example/x").text
    link = re.search(r'class="lang" href="([^"]+)"', page).group(1)
    assert link.startswith("/") and not link.startswith("//")


def test_head_and_no_store(client):
    assert client.head("/").status_code == 200 and client.head("/check").status_code == 200
    assert client.get("/chat").headers["cache-control"] == "no-store"
    assert client.post("/api/say", json={"user": "x", "text": "hi"}).headers["cache-control"] == "no-store"
    assert "cache-control" not in client.get("/search?q=年龄").headers


def test_api_check_wants_json_and_a_plausible_day(client):
    r = client.post("/api/check", content=b'{"age": 30}', headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/api/check", json={"age": 30, "as_of": "0001-01-01"})
    assert r.status_code == 422 and "1990" in r.json()["error"]


def test_form_errors_in_the_interface_language_beside_the_field(client):
    page = client.get("/check?lang=zh&age=200").text
    assert "年龄：不能大于 100" in page and 'class="field invalid" id="f-age"' in page
    page = client.get("/check?lang=en&overseas_research_years=1_0").text
    assert "a number, please" in page
    page = client.get("/check?lang=en&age=34&age=35").text
    assert "given twice" in page
    client.get("/check?lang=zh")


def test_the_shared_address_carries_the_day(client):
    r = client.get("/check?age=34", follow_redirects=False)
    assert r.status_code == 303 and re.search(r"as_of=\d{4}-\d\d-\d\d", r.headers["location"])
    assert r.headers["location"].endswith("#verdicts")


def test_no_contract_yet_is_not_yet_not_ruled_out(client):
    url = ("/check?lang=en&as_of=2026-06-01&age=36&nationality=chinese&degree=phd&degree_abroad=true&field=engineering"
           "&overseas_title=associate_professor&overseas_employer_renowned=true&overseas_months_after_phd=72"
           "&fulltime_in_china=false&commit_fulltime_years=5&employer_type=university&employer_region=beijing"
           "&has_contract=false")
    page = client.get(url).text
    card = page[page.index('id="v-qianren.youth"') - 40:]
    card = card[:card.index("</article>")]
    assert 'class="card not_yet"' in card and "not yet" in card
    assert page.index('id="v-qianren.youth"') < page.find('class="ruled-out"') or 'class="ruled-out"' not in page


def test_a_met_either_or_folds_the_options_not_needed(client):
    """Issue 16 on the checker: the alternative used is shown, the others are folded away as "not needed", never
    as failing or relaxable."""
    url = ("/check?lang=en&as_of=2026-06-01&age=34&nationality=chinese&degree=phd&degree_abroad=true&field=engineering"
           "&overseas_title=assistant_professor&overseas_employer_renowned=true&overseas_months_after_phd=48"
           "&fulltime_in_china=false&commit_fulltime_years=3&employer_type=university&employer_region=beijing"
           "&has_contract=true&prior_applications=0&multiple_platforms=false&unfulfilled_sponsorship=false"
           "&misconduct=false")
    page = client.get(url).text
    card = page[page.index('id="v-qianren.youth"'):]
    card = card[:card.index("</article>")]
    assert 'class="unused"' in card and "Other options, not needed" in card
    folded = card[card.index('class="unused"'):]
    assert 'class="cond not_needed"' in folded and 'class="cond failed"' not in folded


# -- a second staff player's findings (each failed before its fix) ------------------------------------------------

def test_not_yet_is_only_for_a_contract_to_sign(client):
    """A professor who can come 2 months a year is not one step from a program that needs 6: "not eligible", with
    the gap; "not yet" is kept for the contract nobody has signed yet."""
    url = ("/check?lang=en&as_of=2026-06-01&age=52&nationality=foreign&ethnic_chinese=false&degree=phd"
           "&degree_abroad=true&overseas_title=professor&overseas_employer_renowned=true&commit_fulltime_years=0"
           "&commit_years=3&commit_months_per_year=2&employer_region=beijing")
    page = client.get(url).text
    card = page[page.index('id="v-haiju.foreign_long"') - 40:]
    card = card[:card.index("</article>")]
    assert 'class="card ineligible"' in card and "2 months" in card


def test_checker_small_things(client):
    page = client.get("/check?lang=en&as_of=2026-06-01&age=40&awards=none").text
    assert 'id="verdicts"' in page and "not one of the options" not in page  # "none of these prizes" is an answer
    r = client.get("/check?age=39&lang=zh", follow_redirects=False)
    assert "lang=zh" in r.headers["location"]  # a shared link keeps its language
    page = client.get("/check?lang=en&as_of=2026-06-01&nationality=foreign&ethnic_chinese=false&age=50").text
    assert "Chinese descent: No" in page  # a yes/no beside a condition says which fact
    assert "(CNY) (CNY)" not in client.get("/check?lang=en").text
    page = client.get("/check?lang=en&age=abc").text
    verdicts = page[page.index('id="verdicts"'):]
    assert 'href="#error"' in verdicts  # the verdict pane points at the error, not "fill in the form"
    client.get("/check?lang=zh")


def test_page_titles_are_plain_text(client):
    """The <title> of every page is a line of text (the article page's once held a whole section)."""
    for url in ("/", "/search?q=年龄", "/article/haiju-intro/" + quote("三、引进条件—基本条件"), "/check", "/chat", "/docs"):
        title = re.search(r"<title>(.*?)</title>", client.get(url).text, re.S).group(1)
        assert "<" not in title and "\n" not in title, (url, title)
