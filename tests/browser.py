"""Drive headless Chromium from tests, with the network off.

Chromium speaks the DevTools protocol over a pipe (--remote-debugging-pipe: it reads JSON
commands on fd 3 and writes replies and events on fd 4, each message ending in a NUL byte), so
no port is opened and no websocket library is needed. Every request that is not for a local
file goes to a proxy that refuses it, and host names resolve to nothing.

    with Chromium() as browser:
        page = browser.open(path.as_uri())
        page.wait_for("window.kgReady === true")
        page.evaluate("network.body.data.nodes.length")
        page.click(x, y); page.type_text("words"); page.press("Enter")
        page.errors, page.requests, page.dialogs
        page.screenshot(ROOT / "test-artifacts" / "graph.png")
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe",
    # a page opened after another keeps drawing (requestAnimationFrame) as a tab in front would
    "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    # nothing leaves the machine: every proxied request is refused, no name resolves
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


class BrowserError(RuntimeError):
    pass


class Chromium:
    def __init__(self, width: int = 1280, height: int = 900, timeout: float = 60.0):
        if not CHROMIUM.exists():
            raise BrowserError(f"{CHROMIUM} is not installed")
        self.size, self.timeout = (width, height), timeout
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self._log = open(Path(self.profile) / "stderr.log", "wb")
        cmd_r, self._cmd_w = os.pipe()    # we write commands, chromium reads fd 3
        self._out_r, out_w = os.pipe()     # chromium writes fd 4, we read
        args = [*FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"]

        def pipes_on_3_and_4():       # in the child, before exec
            r, w = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)             # dup2 copies are inheritable; os.pipe()'s fds close on exec
            os.dup2(w, 4)
            os.close(r)
            os.close(w)

        self.proc = subprocess.Popen([str(CHROMIUM), *args], preexec_fn=pipes_on_3_and_4, close_fds=False,
                                     stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log)
        os.close(cmd_r)
        os.close(out_w)
        self._buf = b""
        self._id = 0
        self._pages: dict[str, Page] = {}
        try:
            self.call("Browser.getVersion")   # waits until the browser answers
        except BaseException:
            self.close()
            raise

    # -- the protocol ----------------------------------------------------------------------
    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        return self._id

    def _read(self, timeout: float) -> dict | None:
        """The next message, or None when nothing came within `timeout` seconds."""
        end = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self._out_r], [], [], left)[0]:
                return None
            chunk = os.read(self._out_r, 1 << 20)
            if not chunk:
                raise BrowserError(f"chromium exited (code {self.proc.poll()}); see {self._log.name}")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg = json.loads(raw)
        if "method" in msg and msg.get("sessionId") in self._pages:
            self._pages[msg["sessionId"]]._event(msg["method"], msg.get("params", {}))
        return msg

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        want = self._send(method, params, session)
        end = time.monotonic() + self.timeout
        while time.monotonic() < end:
            msg = self._read(end - time.monotonic())
            if msg and msg.get("id") == want:
                if "error" in msg:
                    raise BrowserError(f"{method}: {msg['error']}")
                return msg.get("result", {})
        raise BrowserError(f"{method}: no answer within {self.timeout}s")

    def pump(self, seconds: float) -> None:
        """Handle events for a while."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self._read(left)

    # -- pages -----------------------------------------------------------------------------
    def open(self, url: str) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = self._pages[session] = Page(self, session, target)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(f"{domain}.enable")
        page.call("Page.bringToFront")
        w, h = self.size
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})
        page.loaded = False
        page.call("Page.navigate", {"url": url})
        end = time.monotonic() + self.timeout
        while not page.loaded and time.monotonic() < end:
            self._read(end - time.monotonic())
        if not page.loaded:
            raise BrowserError(f"{url}: not loaded within {self.timeout}s")
        page.wait_for("location.href !== 'about:blank' && document.readyState === 'complete'")
        return page

    def close(self) -> None:
        try:
            self._send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._cmd_w, self._out_r):
            try:
                os.close(fd)
            except OSError:
                pass
        self._log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """One tab. `errors` holds console errors and uncaught exceptions, `requests` every URL the
    page asked for, `dialogs` every alert/confirm/prompt (dismissed at once)."""

    def __init__(self, browser: Chromium, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.loaded = False

    def _event(self, method: str, p: dict) -> None:
        if method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description", "")))
                                                      for a in p.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append("exception: " + d.get("exception", {}).get("description", d.get("text", "")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            self.errors.append(f"log: {e.get('text')} {e.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            self.requests.append(p["request"]["url"])
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(f"{p.get('type')}: {p.get('message')}")
            self.browser._send("Page.handleJavaScriptDialog", {"accept": False}, self.session)

    def call(self, method: str, params: dict | None = None) -> dict:
        return self.browser.call(method, params, self.session)

    def evaluate(self, expression: str):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise BrowserError(f"{expression}: {d.get('exception', {}).get('description', d.get('text'))}")
        return r["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30.0):
        """Evaluate `expression` until it is truthy; its value, or BrowserError after `timeout`."""
        end = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > end:
                raise BrowserError(f"still false after {timeout}s: {expression}")
            self.browser.pump(0.1)

    def mouse_move(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        """A left click at (x, y) in CSS pixels of the viewport, as a mouse makes it."""
        self.mouse_move(x, y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                   "buttons": 1 if kind == "mousePressed" else 0,
                                                   "clickCount": 1})

    def type_text(self, text: str) -> None:
        """Type into the focused element, as a keyboard would."""
        self.call("Input.insertText", {"text": text})

    def press(self, key: str) -> None:
        """Press and release a key; `key` is a DOM key name such as Enter or Escape."""
        codes = {"Enter": (13, "\r"), "Escape": (27, ""), "Tab": (9, "")}
        vk, text = codes[key]
        self.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": key,
                                             "windowsVirtualKeyCode": vk, "text": text})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": key,
                                             "windowsVirtualKeyCode": vk})

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})
        self.browser._pages.pop(self.session, None)
