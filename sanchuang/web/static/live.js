// Live parts of a page: an element with data-live="/path" is replaced every
// data-live-seconds (default 3) by the HTML fragment that path returns, while the page is
// visible. The fragment is rendered (and escaped) by the server; no inline script is needed.
(function () {
  "use strict";
  function refresh(element) {
    if (document.hidden) { return; }
    fetch(element.dataset.live, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (response.redirected) {  // the session ended: show the login page, not a part of it
          window.location.reload();
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== element.innerHTML) {
          element.innerHTML = html;
          element.dispatchEvent(new CustomEvent("live:updated", { bubbles: true }));
        }
      })
      .catch(function () { /* the next tick tries again */ });
  }
  document.querySelectorAll("[data-live]").forEach(function (element) {
    var seconds = Number(element.dataset.liveSeconds || 3);
    setInterval(function () { refresh(element); }, Math.max(seconds, 1) * 1000);
  });
}());
