// Keyboard and screen-reader fixes for what Material builds in the page (WCAG 2.1.1, 1.3.1):
// - a table too wide for the screen scrolls sideways in its .md-typeset__scrollwrap: the wrapper becomes a
//   focusable, named region so that a keyboard user can scroll it with the arrow keys;
// - each code block's copy-button <nav>, added by Material's script, gets a name of its own, since
//   landmarks of the same kind must be told apart.
(function () {
  "use strict";

  function headingBefore(element) {
    var headings = document.querySelectorAll("article h1, article h2, article h3, article h4");
    var found = null;
    headings.forEach(function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) { found = heading; }
    });
    if (!found) { return ""; }
    var copy = found.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function labelTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        var heading = headingBefore(wrap);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label",
          "Bảng " + (index + 1) + (heading ? " – " + heading : "") + " (cuộn ngang để xem hết)");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function labelCodeNavs() {
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav) {
      var blocks = Array.prototype.slice.call(document.querySelectorAll("pre"));
      nav.setAttribute("aria-label", "Nút của khối mã " + (blocks.indexOf(nav.closest("pre")) + 1));
    });
  }

  function start() {
    labelTables();
    labelCodeNavs();
    new MutationObserver(labelCodeNavs).observe(document.body, { childList: true, subtree: true });
    var pending = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(labelTables, 100);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
