// Kiosk mode for the courtyard's touch screen. Opening /kiosk/{slug} starts
// it for the browser session: every page then gets large touch targets and a
// “回到首页” button, forms that need typing are hidden, and after a minute
// without a touch the screen goes back to its home. Elsewhere this does nothing.
(function () {
  "use strict";
  var KEY = "sunboard.kiosk";
  // Staff pages never run in kiosk mode, and ?kiosk=off leaves it.
  if (/^\/admin(\/|$)/.test(window.location.pathname)) { return; }
  if (/[?&]kiosk=off\b/.test(window.location.search)) { sessionStorage.removeItem(KEY); return; }
  var start = document.getElementById("kiosk-home");
  if (start) {
    sessionStorage.setItem(KEY, JSON.stringify({ home: start.dataset.home, idle: Number(start.dataset.idle) || 60 }));
  }
  var kiosk;
  try { kiosk = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { kiosk = null; }
  if (!kiosk || !kiosk.home) { return; }

  document.documentElement.classList.add("kiosk");
  function ready() {
    if (!start) {
      var bar = document.createElement("a");
      bar.href = kiosk.home;
      bar.className = "kiosk-home-button";
      bar.textContent = "⌂ 回到首页";
      document.body.appendChild(bar);
    }
    var timer;
    function goHome() {
      if (start) { window.scrollTo(0, 0); arm(); } else { window.location.href = kiosk.home; }
    }
    function arm() {
      clearTimeout(timer);
      timer = setTimeout(goHome, kiosk.idle * 1000);
    }
    ["pointerdown", "touchstart", "keydown", "scroll", "wheel"].forEach(function (name) {
      window.addEventListener(name, arm, { passive: true });
    });
    arm();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();

// A page opened from a printed QR code carries the ledger's head at print
// time (?head=123-1a2b3c4d5e6f7a8b): offer to check that paper against the
// chain. Only a well-formed code is shown, and only as text.
(function () {
  "use strict";
  var match = /[?&]head=(\d{1,12}-[0-9a-fA-F]{16})(?:&|$)/.exec(window.location.search);
  var main = document.getElementById("main");
  if (!match || !main) { return; }
  var code = match[1].toLowerCase();
  var box = document.createElement("p");
  box.className = "paper-head";
  box.appendChild(document.createTextNode("这一页是从纸质公告扫码打开的，纸上的账本核对码是 " + code + "。"));
  var link = document.createElement("a");
  link.href = "/ledger/check?code=" + encodeURIComponent(code);
  link.textContent = "核对网上账本在那以后有没有被改写";
  box.appendChild(link);
  main.insertBefore(box, main.firstChild);
})();

// A table too wide for a phone scrolls sideways in its own frame: the frame
// takes the keyboard's focus, so it can be scrolled without a finger, and
// says what it is to a screen reader. Only frames that do scroll get a stop.
(function () {
  "use strict";
  function mark() {
    var frames = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.scrollWidth > frame.clientWidth + 1) {
        var caption = frame.querySelector("caption");
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "表格 " + (i + 1) + (caption ? "：" + caption.textContent.trim() : "") + "，可以左右滑动");
      } else if (frame.hasAttribute("tabindex")) {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mark); } else { mark(); }
  window.addEventListener("resize", mark);
})();
