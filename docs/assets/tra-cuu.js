// Tra cứu tên người và đơn vị, gõ có dấu hay không dấu. Chạy hoàn toàn trên trang, không gửi gì ra ngoài.
(function () {
  "use strict";

  function fold(text) {
    return text
      .replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function start() {
    var input = document.getElementById("thidua-lookup-input");
    if (!input) { return; }
    var status = document.getElementById("thidua-lookup-status");
    var list = document.getElementById("thidua-lookup-results");
    var entries = [];

    function show() {
      var words = fold(input.value).split(" ").filter(Boolean);
      list.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var found = entries.filter(function (entry) {
        var haystack = " " + entry.fold + " ";
        return words.every(function (word) { return haystack.indexOf(" " + word) !== -1; });
      });
      status.textContent = found.length ? "Tìm thấy " + found.length + " kết quả." : "Không tìm thấy kết quả nào.";
      found.slice(0, 50).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.name;
        item.appendChild(link);
        if (entry.detail) { item.appendChild(document.createTextNode(" — " + entry.detail)); }
        list.appendChild(item);
      });
    }

    fetch(input.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) { entries = data; show(); })
      .catch(function () { status.textContent = "Không tải được dữ liệu tra cứu."; });
    input.addEventListener("input", show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
