/* mcframe filters for browse pages (case studies, policy grid). Each item lists its values per facet
 * in data-<facet>, separated by "|". Works offline; without JavaScript the
 * form stays hidden and every item, plus the lists by facet, stays visible. Facets combine (AND);
 * the number of matches is announced through a live region. The choice is kept in the address
 * (#filter:key=value&...), so a filtered view can be shared and the back button undoes a choice.
 * On phones the panel starts folded, its summary showing how many filters are active. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-mcf-filter]"), function (form) {
    var name = form.getAttribute("data-mcf-filter");
    var list = document.querySelector('[data-mcf-items="' + name + '"]');
    if (!list) return;
    var items = list.querySelectorAll("[data-mcf-item]");
    var status = form.querySelector("[data-mcf-count]");
    var empty = list.parentNode.parentNode.querySelector("[data-mcf-empty]") || document.querySelector("[data-mcf-empty]");
    var selects = form.querySelectorAll("select");
    var noun = (form.getAttribute("data-mcf-nouns") || "item|items").split("|");
    var shownWord = form.getAttribute("data-mcf-shown") || "shown";

    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var ok = Array.prototype.every.call(selects, function (sel) {
          if (!sel.value) return true;
          var have = (item.getAttribute("data-" + sel.name) || "").split("|");
          return have.indexOf(sel.value) !== -1;
        });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      var what = items.length === 1 ? noun[0] : noun[1];
      // The label "shown" is the word after the count, or (with {shown}) the whole status: another
      // language words it its own way ("Affichage : 3 sur 12 études de cas").
      status.textContent = shownWord.indexOf("{shown}") === -1 ? shown + " of " + items.length + " " + what + " " + shownWord
        : shownWord.replace("{shown}", shown).replace("{total}", items.length).replace("{items}", what);
      if (empty) empty.hidden = shown !== 0;
    }

    var panel = form.querySelector("[data-mcf-panel]");
    var active = form.querySelector("[data-mcf-active]");
    var activeWord = form.getAttribute("data-mcf-active-word") || "active";
    var PREFIX = "filter:";

    function fromAddress() {
      var hash = decodeURIComponent(location.hash.slice(1));
      if (hash && hash.indexOf(PREFIX) !== 0) return false;  // an ordinary anchor: leave the filters be
      var chosen = {};
      hash.slice(PREFIX.length).split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) chosen[pair.slice(0, at)] = pair.slice(at + 1);
      });
      Array.prototype.forEach.call(selects, function (sel) {
        sel.value = chosen[sel.name] || "";
        if (sel.selectedIndex < 0) sel.selectedIndex = 0;  // a value this page does not offer
      });
      return true;
    }

    function toAddress() {
      var parts = [];
      Array.prototype.forEach.call(selects, function (sel) {
        if (sel.value) parts.push(sel.name + "=" + encodeURIComponent(sel.value));
      });
      var hash = parts.length ? "#" + PREFIX + parts.join("&") : "";
      if (hash !== location.hash && (hash || location.hash.indexOf("#" + PREFIX) === 0)) {
        if (hash) location.hash = hash;
        else history.pushState(null, "", location.pathname + location.search);
      }
    }

    function count() {
      var n = Array.prototype.filter.call(selects, function (sel) { return sel.value; }).length;
      if (active) active.textContent = n ? "(" + n + " " + activeWord + ")" : "";
      return n;
    }

    form.hidden = false;
    var chosen = fromAddress() && count() > 0;
    if (panel && !chosen && window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) panel.open = false;
    window.addEventListener("hashchange", function () { if (fromAddress()) { count(); apply(); } });
    window.addEventListener("popstate", function () { if (fromAddress()) { count(); apply(); } });
    form.addEventListener("change", function () { count(); apply(); toAddress(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(function () { count(); apply(); toAddress(); }, 0); });
    apply();
  });
})();
