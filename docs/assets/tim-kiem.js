// Ô tìm kiếm ở đầu trang: tìm trong mọi trang bằng chỉ mục Pagefind mà «thidua build» dựng sẵn (thư mục pagefind/).
// Chỉ mục chỉ được tải khi người đọc bắt đầu tìm, và chỉ những phần cần cho từ đang gõ; không gửi gì ra ngoài.
(function () {
  "use strict";

  var SHOWN = 5; // kết quả mỗi lần hiện: mỗi kết quả tải phần chỉ mục của trang đó
  var HINT = "Gõ từ cần tìm, có dấu hay không dấu đều được.";
  var UNAVAILABLE = "Chưa tải được chỉ mục tìm kiếm. Chỉ mục có trên trang đã dựng bằng «thidua build» và mở qua máy chủ web; bản xem thử «thidua serve» chưa có chỉ mục.";

  function start() {
    var box = document.querySelector("[data-thidua-search]");
    var toggle = document.getElementById("__search");
    if (!box || !toggle) { return; }
    var input = document.getElementById("thidua-search-input");
    var status = document.getElementById("thidua-search-status");
    var list = box.querySelector(".md-search-result__list");
    var opener = document.querySelector(".thidua-search__open");
    var bundle = new URL(box.getAttribute("data-thidua-search"), document.baseURI).href;
    var root = new URL(box.getAttribute("data-thidua-root"), document.baseURI).pathname;
    var pagefind = null;
    var latest = 0;

    function load() {
      if (!pagefind) {
        pagefind = import(bundle + "pagefind.js").then(function (module) {
          return module.options({ baseUrl: root, excerptLength: 20 }).then(function () { return module; });
        });
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    }

    function setOpen(open) {
      toggle.checked = open;
      if (opener) { opener.setAttribute("aria-expanded", open ? "true" : "false"); }
    }

    function show(page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = page.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("p");
      title.className = "thidua-search__title";
      title.textContent = page.meta && page.meta.title ? page.meta.title : page.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt; // Pagefind thoát sẵn chữ của trang, chỉ thêm thẻ <mark>
      article.appendChild(title);
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
      return item;
    }

    function showFrom(results, from, number) {
      return Promise.all(results.slice(from, from + SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
        if (number !== latest) { return; }
        var more = list.querySelector(".thidua-search__more");
        if (more) { more.remove(); }
        pages.forEach(function (page) { list.appendChild(show(page)); });
        var left = results.length - from - SHOWN;
        if (left > 0) {
          var item = document.createElement("li");
          item.className = "thidua-search__more";
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = "Xem thêm " + Math.min(left, SHOWN) + " trang";
          button.addEventListener("click", function () {
            var next = list.children.length - 1;
            showFrom(results, from + SHOWN, number).then(function () {
              var link = list.children[next] && list.children[next].querySelector("a");
              if (link) { link.focus(); }
            });
          });
          item.appendChild(button);
          list.appendChild(item);
        }
      });
    }

    function search() {
      var query = input.value.trim();
      var number = ++latest;
      if (!query) {
        list.textContent = "";
        status.textContent = HINT;
        return;
      }
      load()
        .then(function (module) { return module.debouncedSearch(query, {}, 150); })
        .then(function (found) {
          if (found === null || number !== latest) { return; }
          list.textContent = "";
          var count = found.results.length;
          status.textContent = count ? "Tìm thấy " + count + " trang có “" + query + "”." : "Không tìm thấy trang nào có “" + query + "”.";
          return showFrom(found.results, 0, number);
        })
        .catch(function () {
          if (number === latest) { list.textContent = ""; status.textContent = UNAVAILABLE; }
        });
    }

    if (opener) {
      opener.hidden = false;
      opener.addEventListener("click", function () { setOpen(true); input.focus(); });
    }
    input.addEventListener("focus", function () { setOpen(true); });
    box.addEventListener("focusout", function (event) {
      // Tab ra khỏi ô tìm kiếm thì đóng; bấm ra ngoài thì lớp phủ (label for=__search) tự đóng.
      if (event.relatedTarget && !box.contains(event.relatedTarget)) { setOpen(false); }
    });
    input.addEventListener("input", search);
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { first.click(); }
    });
    input.form.addEventListener("reset", function () {
      latest += 1;
      list.textContent = "";
      status.textContent = HINT;
      input.focus();
    });
    toggle.addEventListener("change", function () {
      if (opener) { opener.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
      if (!toggle.checked) { input.blur(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        setOpen(false);
        input.blur();
        if (opener && opener.offsetParent !== null) { opener.focus(); }
      } else if (event.key === "/" && !toggle.checked && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
