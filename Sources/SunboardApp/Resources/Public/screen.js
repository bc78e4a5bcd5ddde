// The LED screen at the gate: shows the notices one at a time in very large
// type, asks the server for new ones every 30 seconds, and when the network
// drops keeps showing what it has and tries again until it is back.
(function () {
  "use strict";
  var root = document.getElementById("screen");
  if (!root) { return; }
  document.documentElement.classList.add("js-screen");
  var list = document.getElementById("screen-items");
  var status = document.getElementById("screen-status");
  var counter = document.getElementById("screen-counter");
  var clock = document.getElementById("screen-clock");
  var feed = root.dataset.feed;
  var SHOW = 12000, POLL = 30000, RETRY = 10000;
  var current = 0, signature = "";

  function show(index) {
    var items = list.children;
    if (items.length === 0) { counter.textContent = ""; return; }
    current = index % items.length;
    for (var i = 0; i < items.length; i++) { items[i].classList.toggle("current", i === current); }
    counter.textContent = (current + 1) + " / " + items.length;
  }

  function item(data) {
    var li = document.createElement("li");
    var h = document.createElement("h2"); h.textContent = data.title; li.appendChild(h);
    var meta = document.createElement("p"); meta.className = "screen-meta";
    meta.textContent = data.date + (data.notice ? " · " + data.notice : ""); li.appendChild(meta);
    var p = document.createElement("p"); p.className = "screen-summary"; p.textContent = data.summary; li.appendChild(p);
    return li;
  }

  function signatureOf(items) {
    return items.map(function (item) { return item.id + "@" + item.date; }).join(",");
  }

  function render(content) {
    var next = signatureOf(content.items);
    if (next === signature) { return; }
    signature = next;
    list.textContent = "";
    content.items.forEach(function (data) { list.appendChild(item(data)); });
    root.classList.toggle("empty", content.items.length === 0);
    show(0);
  }

  function poll() {
    // A request that hangs is given up after 15 s, so polling never stops.
    var controller = new AbortController();
    var timeout = setTimeout(function () { controller.abort(); }, 15000);
    fetch(feed, { cache: "no-cache", signal: controller.signal }).then(function (response) {
      clearTimeout(timeout);
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (content) {
      render(content);
      status.hidden = true;
      root.dataset.state = "online";
      setTimeout(poll, POLL);
    }).catch(function () {
      clearTimeout(timeout);
      // Keep the last content on screen; say so, and try again soon.
      status.hidden = false;
      root.dataset.state = "offline";
      setTimeout(poll, RETRY);
    });
  }

  function tick() {
    var now = new Date();
    clock.textContent = now.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", month: "long", day: "numeric", weekday: "long", hour: "2-digit", minute: "2-digit" });
  }

  signature = root.dataset.signature || "";
  show(0);
  setInterval(function () { show(current + 1); }, SHOW);
  tick();
  setInterval(tick, 15000);
  setTimeout(poll, POLL);
  window.sunboardScreen = { poll: poll, show: show };
})();
