/* The search page without reloads: ticking a filter, changing the sort, removing a chip or
   turning a page fetches the same page's HTML and swaps in its results and filters. The URL
   follows (Back works), focus stays where the reader acts or moves to the results heading.
   Without JavaScript the page is plain GET forms and links. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search-page]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState || !window.URLSearchParams) return;

  var loading = null;

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value === "" || (name === "sort" && value === "relevance")) return;
      params.append(name, value);
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function isSearchLink(link) {
    return link && link.origin === window.location.origin && link.pathname === form.getAttribute("action") &&
      !link.hasAttribute("download");
  }

  function openFacets() {
    var open = {};
    Array.prototype.forEach.call(form.querySelectorAll("details[data-facet]"), function (details) {
      open[details.getAttribute("data-facet")] = {
        open: details.open,
        more: !!(details.querySelector(".search-facet__more") || {}).open
      };
    });
    return open;
  }

  function keepOpen(open) {
    Array.prototype.forEach.call(form.querySelectorAll("details[data-facet]"), function (details) {
      var before = open[details.getAttribute("data-facet")];
      if (!before) return;
      if (before.open) details.open = true;
      var more = details.querySelector(".search-facet__more");
      if (more && before.more) more.open = true;
    });
  }

  function copy(fresh, selector, property) {
    var from = fresh.querySelector(selector);
    var to = document.querySelector(selector);
    if (from && to) to[property] = from[property];
    return from && to;
  }

  function focusAfter(target) {
    var element = target && document.getElementById(target);
    if (!element || element.disabled) element = document.getElementById("results-heading");
    if (element) element.focus();
  }

  function load(url, push, focusId) {
    if (loading) loading.abort();
    var controller = window.AbortController ? new AbortController() : null;
    loading = controller;
    form.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        if (!fresh.getElementById("results-body") || !fresh.getElementById("filters-body")) {
          window.location.assign(url);
          return;
        }
        var open = openFacets();
        copy(fresh, "#filters-body", "innerHTML");
        copy(fresh, "#results-body", "innerHTML");
        copy(fresh, "#filters > summary", "innerHTML");
        copy(fresh, "#sort", "value");
        keepOpen(open);
        document.getElementById("result-count").textContent = fresh.getElementById("result-count").textContent;
        document.title = fresh.title;
        var feed = document.querySelector("link[rel=alternate][type='application/atom+xml']");
        var freshFeed = fresh.querySelector("link[rel=alternate][type='application/atom+xml']");
        if (feed && freshFeed) feed.setAttribute("href", freshFeed.getAttribute("href"));
        if (push) window.history.pushState({ search: true }, "", url);
        focusAfter(focusId);
      })
      .catch(function (error) { if (!error || error.name !== "AbortError") window.location.assign(url); })
      .then(function () { if (loading === controller) form.removeAttribute("aria-busy"); });
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.hasAttribute("data-apply-on-change")) {
      load(formUrl(), true, target.id);
    }
  });

  form.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!isSearchLink(link) || !document.getElementById("results-body").contains(link)) return;
    event.preventDefault();
    var q = new URL(link.href).searchParams.get("q") || "";
    var box = document.getElementById("q");
    if (box) box.value = q;
    load(link.href, true, "results-heading");
  });

  window.history.replaceState({ search: true }, "", window.location.href);
  window.addEventListener("popstate", function (event) {
    if (!event.state || !event.state.search) return;
    var box = document.getElementById("q");
    if (box) box.value = new URL(window.location.href).searchParams.get("q") || "";
    load(window.location.href, false, "results-heading");
  });
}());
