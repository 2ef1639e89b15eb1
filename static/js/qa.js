/* Q&A search box: suggestions as you type (progressive enhancement; the form works without it). */
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-qa-suggest]");
  Array.prototype.forEach.call(inputs, function (input, number) {
    var box = document.createElement("div");
    box.className = "qa-suggestions";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    var list = document.createElement("ul");
    list.id = "qa-suggestions-" + number;
    box.appendChild(status);
    box.appendChild(list);
    input.form.appendChild(box);
    var timer = null;
    var lastQuery = "";

    function clear() {
      list.innerHTML = "";
      status.textContent = "";
    }

    function show(items) {
      clear();
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.path;
        a.textContent = item.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      var lang = document.documentElement.lang;
      status.textContent = items.length
        ? (lang === "nl" ? items.length + " suggesties onder het zoekveld" : items.length + " suggestions below the search box")
        : "";
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < 2) { clear(); return; }
      timer = window.setTimeout(function () {
        lastQuery = query;
        var url = input.dataset.qaSuggest + "?limit=6&locale=" + encodeURIComponent(input.dataset.locale) +
          "&q=" + encodeURIComponent(query);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (data) { if (lastQuery === query) { show(data.items || []); } })
          .catch(clear);
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { clear(); }
    });
  });
})();
