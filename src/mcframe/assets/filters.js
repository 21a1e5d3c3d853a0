/* mcframe filters for browse pages (case studies, policy grid). Each item lists its values per facet
 * in data-<facet>, separated by "|". Works offline; without JavaScript the
 * form stays hidden and every item, plus the lists by facet, stays visible. Facets combine (AND);
 * the number of matches is announced through a live region. */
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
      status.textContent = shown + " of " + items.length + " " + (items.length === 1 ? noun[0] : noun[1]) + " " + shownWord;
      if (empty) empty.hidden = shown !== 0;
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  });
})();
