/* mcframe glossary previews: a term link shows its definition on hover, keyboard focus and tap.
 * The text travels on the link (data-definition), so nothing is fetched: it works from file://.
 * WCAG 1.4.13: the preview can be hovered, stays until dismissed or moved away, and Escape hides it
 * without moving focus. Screen readers get the definition as the link's accessible description. */
(function () {
  "use strict";
  // A page carries each definition once, on the first link to that term.
  var definitions = {};
  Array.prototype.forEach.call(document.querySelectorAll("a.mcf-term[data-definition]"), function (a) {
    definitions[a.getAttribute("data-term")] = a.getAttribute("data-definition");
  });
  var links = document.querySelectorAll("a.mcf-term[data-term]");
  if (!links.length) return;
  // The hint on a touch screen: in English, or the page's language (its meta mcf-words).
  var tapHint = "Tap the term again to open its glossary entry.";
  var meta = document.querySelector('meta[name="mcf-words"]');
  if (meta) { try { tapHint = JSON.parse(meta.getAttribute("content")).glossary_tap_hint; } catch (e) { /* keep English */ } }
  function definitionOf(a) { return definitions[a.getAttribute("data-term")] || ""; }

  // Accessible descriptions: one hidden element per term, referenced by aria-describedby.
  var store = document.createElement("div");
  store.hidden = true;
  store.className = "mcf-term-descriptions";
  document.body.appendChild(store);
  var described = {};
  Array.prototype.forEach.call(links, function (a) {
    var id = "mcf-def-" + a.getAttribute("data-term");
    if (!described[id]) {
      var span = document.createElement("span");
      span.id = id;
      span.textContent = definitionOf(a);
      store.appendChild(span);
      described[id] = true;
    }
    a.setAttribute("aria-describedby", id);
  });

  // The visible preview, one for the page. Screen readers already have the description.
  var tip = document.createElement("div");
  tip.className = "mcf-preview";
  tip.id = "mcf-preview";
  tip.setAttribute("role", "tooltip");
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  document.body.appendChild(tip);

  var current = null;
  var hideTimer = null;
  var lastPointer = "mouse";

  function show(a) {
    clearTimeout(hideTimer);
    if (current === a && !tip.hidden) return;
    current = a;
    tip.textContent = "";
    var head = document.createElement("strong");
    head.textContent = a.textContent;
    var body = document.createElement("span");
    body.textContent = " " + definitionOf(a);
    tip.appendChild(head);
    tip.appendChild(body);
    if (lastPointer === "touch") {
      var more = document.createElement("span");
      more.className = "mcf-preview__hint";
      more.textContent = tapHint;
      tip.appendChild(more);
    }
    tip.hidden = false;
    place(a);
  }

  function hide() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function place(a) {
    var r = a.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = left + window.scrollX + "px";
    var below = r.bottom + window.scrollY + 6;
    tip.style.top = below + "px";
    var t = tip.getBoundingClientRect();
    if (t.bottom > window.innerHeight && r.top > t.height + 12) {
      tip.style.top = r.top + window.scrollY - t.height - 6 + "px";
    }
  }

  function termOf(node) {
    return node && node.closest ? node.closest("a.mcf-term[data-term]") : null;
  }

  // Was the preview for this link already open when the finger came down? (Focus opens it before
  // the click arrives, so the click alone cannot tell a first tap from a second.)
  var openAtPress = null;
  function pressed(e, kind) {
    lastPointer = kind;
    var a = termOf(e.target);
    openAtPress = a && current === a && !tip.hidden ? a : null;
  }
  document.addEventListener("pointerdown", function (e) { pressed(e, e.pointerType || "mouse"); }, true);
  document.addEventListener("touchstart", function (e) { pressed(e, "touch"); }, { capture: true, passive: true });
  document.addEventListener("mouseover", function (e) {
    var a = termOf(e.target);
    if (a) show(a);
    else if (tip.contains(e.target)) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (e) {
    var a = termOf(e.target);
    var to = e.relatedTarget;
    if ((a || tip.contains(e.target)) && !(to && (tip.contains(to) || termOf(to) === current))) hideSoon();
  });
  document.addEventListener("focusin", function (e) {
    var a = termOf(e.target);
    if (a) show(a);
    else if (current) hide();
  });
  document.addEventListener("focusout", function (e) {
    if (termOf(e.target)) hideSoon();
  });
  document.addEventListener("click", function (e) {
    var a = termOf(e.target);
    if (!a) {
      if (current && !tip.contains(e.target)) hide();
      return;
    }
    // First tap on a touch screen previews; a second tap follows the link.
    if (lastPointer === "touch" && openAtPress !== a) {
      e.preventDefault();
      show(a);
    }
  });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && !tip.hidden) {
      hide();
      e.stopPropagation();
    }
  }, true);
  window.addEventListener("resize", function () { if (current) place(current); });
})();
