"""An organizer as a browser would be one, over real HTTP: logs in to the admin and saves an event's change form
as it was rendered (every field, inline formsets included). Used by the load benchmark and the concurrency
tests; only the standard library, so it runs beside any server."""

import http.cookiejar
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The fields a browser would submit from the form with id `form_id`: (name, value) pairs in page order."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            self._input(name, attributes)
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self.fields.append((self._select, attributes.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def _input(self, name: str, attributes: dict) -> None:
        kind = attributes.get("type", "text")
        if kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attributes:
            return
        self.fields.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


class Organizer:
    """One logged-in admin session (its own cookies)."""

    def __init__(self, base: str, username: str, password: str, headers: dict | None = None):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )
        self.headers = headers or {}
        page = self.get("/admin/login/")
        status = self.post(
            "/admin/login/", [*self.form(page, "login-form"), ("username", username), ("password", password)]
        )[0]
        if status != 302:
            raise RuntimeError(f"login as {username} answered {status}")

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, path: str) -> str:
        request = urllib.request.Request(self.base + path, headers=self.headers)
        with self.opener.open(request, timeout=180) as response:
            return response.read().decode()

    def post(self, path: str, fields: list[tuple[str, str]]) -> tuple[int, str]:
        body = urllib.parse.urlencode(fields).encode()
        headers = {**self.headers, "Referer": self.base + path, "X-CSRFToken": self.csrf()}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=180) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    @staticmethod
    def form(page: str, form_id: str) -> list[tuple[str, str]]:
        parser = FormFields(form_id)
        parser.feed(page)
        return parser.fields

    def save_event(self, event_id: int, title: str) -> tuple[int, float]:
        """Opens the event's change page and saves it with a new title: (status, seconds the save took)."""
        path = f"/admin/events/event/{event_id}/change/"
        fields = [(name, value) for name, value in self.form(self.get(path), "event_form") if name != "title"]
        started = time.perf_counter()
        status, _ = self.post(path, [*fields, ("title", title), ("_save", "Save")])
        return status, time.perf_counter() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A 302 after a save is the answer itself (a browser would follow it to the list)."""

    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, request, response, code, message, headers):
        return response

    http_error_301 = http_error_303 = http_error_307 = http_error_302
