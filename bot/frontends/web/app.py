"""`policybot web`: the staff page and its JSON API (SPEC section 9), one ASGI app over the same core as the
terminal and Telegram. Routes only read the request, call the core or pages.py, and render; every string from
the corpus or a user is escaped by the templates (autoescape) or by pages.marked.

Pages work without JavaScript: forms are GET where nothing changes (search, the checker, whose facts live in the
URL and are never stored) and POST with a CSRF token where something does (the chat)."""
from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from . import pages
from .security import CSRF_COOKIE, BasicAuth, BodyLimit, SecurityHeaders, new_token, same_origin, token_ok

log = logging.getLogger("policybot.web")
HERE = Path(__file__).parent
LANG_COOKIE = "pb_lang"
MAX_QUERY = 500
MAX_PROFILE_BYTES = 64 * 1024


class SayIn(BaseModel):
    user: str = Field(min_length=1, max_length=200, description="the conversation's id; the same id continues it")
    text: str = Field(max_length=4000, description="what the user wrote")


def ui_language(request: Request) -> str:
    """?lang= (remembered in a cookie), else the cookie, else the browser's Accept-Language."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if chosen in pages.LANGS:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"


def create_app(assistant=None, auth: tuple[str, str] | None = None, allowed_hosts: list[str] | None = None,
               secret: bytes | None = None) -> FastAPI:
    """The app over one Assistant (its session store: $POLICYBOT_DB or the default SQLite file); with `auth`
    (user, password) every request needs HTTP Basic auth; with `allowed_hosts` a request naming another Host is
    refused (a DNS-rebinding page cannot drive the app through a browser); `secret` signs the chat cookie (default
    $POLICYBOT_WEB_SECRET or a key file beside the sessions, shared by the workers of one machine)."""
    from ...dialogue.assistant import Assistant
    from .cookies import ChatCookies, load_secret

    cookies = ChatCookies(secret or load_secret())

    core = {"assistant": assistant}

    def get_assistant():
        if core["assistant"] is None:
            core["assistant"] = Assistant()
        return core["assistant"]

    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)

    app = FastAPI(title="policybot", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Clause search, eligibility verdicts and the conversation over China's "
                              "overseas-talent regulations (SPEC section 9).")

    def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        lang = ctx.pop("lang", None) or ui_language(request)
        token = request.cookies.get(CSRF_COOKIE) or new_token()
        html = env.get_template(template).render(t=pages.ui(lang), lang=lang, path=request.url.path,
                                                 query=request.url.query, csrf=token, switch=_switch_url(request, lang),
                                                 **ctx)
        response = HTMLResponse(html, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="lax")
        if request.query_params.get("lang") in pages.LANGS:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
        return response

    def error_page(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return render(request, "error.html", status=status, message=message)

    # -- errors: a message, never a traceback ----------------------------------------------------------------

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        lang = ui_language(request)
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else pages.ui(lang)("not_found")
        return error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        e = exc.errors()[0]
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        return error_page(request, 422, f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("request failed: %s %s", request.method, request.url.path)
        return error_page(request, 500, pages.ui(ui_language(request))("server_error"))

    # -- pages -------------------------------------------------------------------------------------------------

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    @app.api_route("/search", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def search_html(request: Request, q: str = "", doc: str = ""):
        q = q.strip()[:MAX_QUERY]
        doc = doc if doc in _documents() else ""
        page = pages.search_page(q, doc or None) if q else None
        lang = ui_language(request)
        return render(request, "search.html", page=page, q=q, doc=doc, docs=pages.doc_choices(lang), lang=lang)

    @app.api_route("/article/{doc}/{article:path}", methods=["GET", "HEAD"], response_class=HTMLResponse,
                   include_in_schema=False)
    def article_html(request: Request, doc: str, article: str):
        lang = ui_language(request)
        page = pages.article_page(doc, article, lang) if doc in _documents() and len(article) < 60 else None
        if page is None:
            raise HTTPException(404)
        return render(request, "article.html", page=page, lang=lang)

    @app.api_route("/check", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def check_html(request: Request):
        from ...eligibility.profile import ProfileError, from_form

        lang = ui_language(request)
        pairs = _profile_pairs(request)
        cards, error, error_field, as_of = None, "", None, ""
        if pairs:
            try:
                profile = from_form(pairs)
            except ProfileError as e:
                error_field, error = pages.form_error(e, lang)
            else:
                if not dict(pairs).get("as_of"):
                    # the verdicts depend on the day: the address to share carries the day they were made for
                    dated = [(k, v) for k, v in pairs if k != "as_of"] + [("as_of", profile.today().isoformat())]
                    if request.query_params.get("lang") in pages.LANGS:  # a shared link keeps its language
                        dated.append(("lang", request.query_params["lang"]))
                    return RedirectResponse("/check?" + urlencode(dated) + "#verdicts", status_code=303)
                cards = pages.verdict_cards(profile, lang)
                as_of = profile.today().isoformat()
        return render(request, "check.html", status=422 if error else 200, groups=pages.form_fields(pairs, lang),
                      cards=cards, error=error, error_field=error_field, as_of=as_of,
                      given=dict(pairs).get("as_of", ""), share=urlencode(pairs), lang=lang)

    @app.get("/check.json", include_in_schema=False)
    def check_download(request: Request):
        from ...eligibility.profile import ProfileError, from_form

        try:
            profile = from_form(_profile_pairs(request))
        except ProfileError as e:
            return JSONResponse({"error": str(e)}, status_code=422)
        body = json.dumps(profile.known(), ensure_ascii=False, indent=2) + "\n"
        return Response(body, media_type="application/json",
                        headers={"content-disposition": 'attachment; filename="profile.json"'})

    @app.post("/check", include_in_schema=False)
    async def check_upload(request: Request):
        """A JSON profile (a file from /check.json or `policybot check`) loaded into the form's URL."""
        from ...eligibility.profile import ProfileError, profile_from_json, to_form

        form = await _form(request)
        upload = form.get("file")
        raw = await upload.read(MAX_PROFILE_BYTES + 1) if hasattr(upload, "read") else (form.get("profile") or "").encode()
        lang = ui_language(request)
        try:
            if len(raw) > MAX_PROFILE_BYTES:
                raise ProfileError(f"larger than {MAX_PROFILE_BYTES // 1024} KB; a profile is a small JSON object")
            profile = profile_from_json(raw)
        except ProfileError as e:
            return render(request, "check.html", status=422, groups=pages.form_fields([], lang), cards=None,
                          error=str(e), error_field=None, as_of="", given="", share="", lang=lang)
        return RedirectResponse("/check?" + urlencode(to_form(profile)), status_code=303)

    @app.api_route("/chat", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def chat_html(request: Request):
        user = cookies.chat_user(request)
        page = pages.chat_page(get_assistant(), user and "web:" + user, ui_language(request))
        return render(request, "chat.html", page=page)

    @app.post("/chat", include_in_schema=False)
    async def chat_say(request: Request):
        form = await _form(request)
        # an answer button and the text box both send "text": the button's (first in the form) when pressed
        text = next((str(v) for v in form.getlist("text") if str(v).strip()), "")[:4000]
        user = cookies.chat_user(request) or secrets.token_urlsafe(18)
        if text.strip():
            get_assistant().handle("web:" + user, text)
        response = RedirectResponse("/chat#last", status_code=303)
        cookies.set_chat_user(request, response, user)
        return response

    @app.post("/chat/reset", include_in_schema=False)
    async def chat_reset(request: Request):
        await _form(request)
        user = cookies.chat_user(request)
        if user:
            get_assistant().forget("web:" + user)
        response = RedirectResponse("/chat", status_code=303)
        cookies.clear_chat_user(request, response)
        return response

    @app.api_route("/docs", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        from ...eligibility.rules import rulebook

        lang = ui_language(request)
        programs = [(p.id, p.name_en if lang == "en" else p.name) for p in rulebook().programs.values()]
        return render(request, "docs.html", spec=app.openapi(), programs=programs, base=str(request.base_url).rstrip("/"),
                      lang=lang)

    # -- the JSON API ------------------------------------------------------------------------------------------

    @app.get("/api/search", summary="Find the clauses that answer a question",
             description="The `policybot search --json` list (SPEC section 3): best first, each with its citation "
                         "fields, text, English rendering and the plain answer in the question's language.")
    def api_search(q: str = Query(min_length=1, max_length=MAX_QUERY, description="the question or an article"),
                   doc: str | None = Query(None, description="only this document (see `policybot corpus list`)"),
                   top: int = Query(5, ge=1, le=50)):
        from retrieval import search
        from retrieval.english import is_english

        if not q.strip():
            raise HTTPException(422, "q: empty question")
        if doc is not None and doc not in _documents():
            raise HTTPException(422, f"doc: unknown document {doc[:40]!r}; known: {', '.join(_documents())}")
        lang = "en" if is_english(q) else "zh"
        return [h.as_json(lang) for h in search(q, top=top, doc=doc)]

    @app.post("/api/check", summary="Eligibility verdicts for a profile",
              description="POST a profile (SPEC section 4; the JSON Schema below). The answer is SPEC section 5: "
                          "`as_of` and one verdict per program. Bad JSON is 400, a bad profile 422, both with "
                          "`error`.",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": _profile_schema(), "example": {"age": 34, "degree": "phd", "nationality": "foreign"}}}}})
    async def api_check(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                        program: list[str] | None = Query(None, description="only these programs (repeatable)")):
        from ...eligibility.engine import verdicts
        from ...eligibility.profile import ProfileError, profile_from_json
        from ...eligibility.report import verdict_json
        from ...eligibility.rules import program_ids

        if request.headers.get("content-type", "").split(";")[0].strip().lower() not in ("application/json", ""):
            return JSONResponse({"error": "send the profile as application/json"}, status_code=415)
        try:
            profile = profile_from_json(await request.body())
        except ProfileError as e:  # not JSON at all: 400; JSON that is no valid profile: 422
            return JSONResponse({"error": str(e)}, status_code=400 if e.problem == "json" else 422)
        unknown = [p for p in program or [] if p not in program_ids()]
        if unknown:
            return JSONResponse({"error": f"program: unknown program {unknown[0][:60]!r}"}, status_code=422)
        vs = verdicts(profile, program or None)
        return {"as_of": profile.today().isoformat(), "verdicts": [verdict_json(v, lang) for v in vs]}

    @app.post("/api/say", summary="One conversation turn",
              description="The `policybot say --json` object: the reply, its language, the fact it asks for, the "
                          "facts so far, the verdicts of the programs in focus, the answer options. The session "
                          "is kept in the server's store under `user`.")
    def api_say(body: SayIn):
        if any(ord(ch) < 32 for ch in body.user) or not body.user.strip():
            raise HTTPException(422, "user: 1 to 200 printable characters")
        # the API's conversations are its own: no API caller reaches a web chat's or a Telegram user's session
        return get_assistant().handle("api:" + body.user, body.text).as_json()

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    if auth:
        app.add_middleware(BasicAuth, user=auth[0], password=auth[1])  # added last: it runs first
    return app


def _switch_url(request: Request, lang: str) -> str:
    other = "en" if lang == "zh" else "zh"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
    # "//evil.example/x" is a path here but another site in a link: one leading slash, always
    return "/" + quote(request.url.path.lstrip("/\\")) + "?" + urlencode(params)


def _documents() -> dict:
    import corpus

    return corpus.documents()


def _profile_schema() -> dict:
    from ...eligibility.profile import Profile

    return Profile.model_json_schema()


def _profile_pairs(request: Request) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]


async def _form(request: Request):
    """A POSTed form, after the CSRF checks: the Origin is this site and the form carries the cookie's token."""
    if not same_origin(request.headers, request.headers.get("host", "")):
        raise HTTPException(403, "cross-site form refused")
    form = await request.form(max_files=1, max_fields=20)
    if not token_ok(request.cookies.get(CSRF_COOKIE), str(form.get("csrf") or "")):
        raise HTTPException(403, pages.ui(ui_language(request))("csrf"))
    return form
