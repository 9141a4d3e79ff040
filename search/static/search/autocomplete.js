/* Suggestions as people type in a search box, from /api/v1/suggest.
   A progressive enhancement following the WAI-ARIA combobox pattern (list autocomplete):
   without JavaScript the box is a plain search field in a GET form. */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelector) return;

  var TYPES = { case_study: "Case study", barrier: "Barrier", workaround: "Workaround", pioneer: "Pioneer",
    theme: "Theme", barrier_category: "Barrier category" };
  var DELAY = 200;
  var MIN_LENGTH = 2;
  var count = 0;

  function enhance(input) {
    count += 1;
    var listId = "autocomplete-" + count;
    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "nhsuk-u-visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var items = list.children;
      for (var i = 0; i < items.length; i += 1) items[i].setAttribute("aria-selected", i === index ? "true" : "false");
      active = index;
      if (index < 0) input.removeAttribute("aria-activedescendant");
      else input.setAttribute("aria-activedescendant", items[index].id);
    }

    function go(index) {
      var option = options[index];
      if (option && option.url) window.location.assign(option.url);
    }

    function show(suggestions) {
      options = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, index) {
        var item = document.createElement("li");
        item.id = listId + "-" + index;
        item.className = "autocomplete__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.appendChild(document.createTextNode(suggestion.text));
        var type = document.createElement("span");
        type.className = "autocomplete__type";
        type.textContent = TYPES[suggestion.type] || "";
        item.appendChild(type);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { go(index); });
        list.appendChild(item);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") +
          " available: use the up and down arrows to choose one.";
      } else {
        close();
        status.textContent = "No suggestions.";
      }
    }

    function ask() {
      var words = input.value.trim();
      if (words.length < MIN_LENGTH) { close(); options = []; return; }
      asked += 1;
      var mine = asked;
      fetch("/api/v1/suggest?q=" + encodeURIComponent(words), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) { if (mine === asked && document.activeElement === input) show(body.suggestions || []); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && options.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        if (options.length) choose(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        choose(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); go(active); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; options = []; }
      }
    });
    input.addEventListener("blur", close);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}());
