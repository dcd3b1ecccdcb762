// Tra cứu tên người và đơn vị, gõ có dấu hay không dấu. Chạy hoàn toàn trên trang, không gửi gì ra ngoài.
// Dữ liệu chia nhỏ (generator/thidua/site/pages/lookup.py): mỗi từ gõ vào tải tệp các từ cùng chữ cái đầu,
// rồi chỉ tải các khối chứa những kết quả được hiện, nên một lần tra không tải cả danh sách.
(function () {
  "use strict";

  var SHOWN = 50;

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
    var folder = input.getAttribute("data-index");
    var block = Number(input.getAttribute("data-block"));
    var letters = input.getAttribute("data-letters");
    var files = {};
    var latest = 0;

    function load(name) {
      if (!files[name]) {
        files[name] = fetch(folder + name + ".json").then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        });
        files[name].catch(function () { delete files[name]; });
      }
      return files[name];
    }

    // Các mục có một từ bắt đầu bằng «word»: hợp các danh sách của những từ ấy.
    function holding(word) {
      return load("tu-" + word[0]).then(function (words) {
        var found = {};
        Object.keys(words).forEach(function (candidate) {
          if (candidate.indexOf(word) !== 0) { return; }
          var number = 0;
          words[candidate].forEach(function (gap) { number += gap; found[number] = true; });
        });
        return found;
      });
    }

    function matching(words) {
      if (words.some(function (word) { return letters.indexOf(word[0]) === -1; })) { return Promise.resolve([]); }
      return Promise.all(words.map(holding)).then(function (sets) {
        var first = Object.keys(sets[0]).map(Number);
        return first.filter(function (number) {
          return sets.every(function (set) { return set[number]; });
        }).sort(function (a, b) { return a - b; });
      });
    }

    function entries(numbers) {
      var needed = numbers.map(function (n) { return Math.floor(n / block); })
        .filter(function (b, i, all) { return all.indexOf(b) === i; });
      return Promise.all(needed.map(function (b) { return load(String(b)); })).then(function (blocks) {
        var byBlock = {};
        needed.forEach(function (b, i) { byBlock[b] = blocks[i]; });
        return numbers.map(function (n) { return byBlock[Math.floor(n / block)][n % block]; });
      });
    }

    function show(found, total) {
      list.textContent = "";
      status.textContent = total ? "Tìm thấy " + total + " kết quả." : "Không tìm thấy kết quả nào.";
      found.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.name;
        item.appendChild(link);
        if (entry.detail) { item.appendChild(document.createTextNode(" — " + entry.detail)); }
        // Khen thưởng trên bảng vàng: mỗi khen thưởng một liên kết tới mục của nó.
        (entry.awards || []).forEach(function (award, index) {
          item.appendChild(document.createTextNode(index ? "; " : ". Khen thưởng: "));
          var honour = document.createElement("a");
          honour.href = award.url;
          honour.textContent = award.label;
          item.appendChild(honour);
        });
        list.appendChild(item);
      });
    }

    function search() {
      var words = fold(input.value).split(" ").filter(Boolean);
      var number = ++latest;
      if (!words.length) { list.textContent = ""; status.textContent = ""; return; }
      matching(words)
        .then(function (numbers) {
          return entries(numbers.slice(0, SHOWN)).then(function (found) { return [found, numbers.length]; });
        })
        .then(function (result) { if (number === latest) { show(result[0], result[1]); } })
        .catch(function () {
          if (number === latest) { list.textContent = ""; status.textContent = "Không tải được dữ liệu tra cứu."; }
        });
    }

    input.addEventListener("input", search);
    search();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
