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
