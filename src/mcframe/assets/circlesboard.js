/* mcframe facilitator's board: activity cards placed in the activity circles' regions. Boards are
 * kept in this browser's localStorage (keyed by site and edition); cards move by drag or with the
 * keyboard (each card's "Move to" menu); boards export as JSON, SVG and PNG, import back (checked),
 * print, and compare with the framework's placements. Without JavaScript the page is the diagram
 * and its text list. */
(function () {
  "use strict";
  var root = document.getElementById("mcf-board");
  if (!root) return;
  var KEY = "mcframe:boards:" + root.getAttribute("data-site") + ":" + root.getAttribute("data-edition");
  var FORMAT = "mcframe-activity-board";
  // The words it says come from the page (data-mcf-words: the site's labels), "{name}" places filled in.
  var WORDS = JSON.parse(root.getAttribute("data-mcf-words") || "{}");
  function word(key, values) {
    var text = WORDS[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  var regions = Array.prototype.map.call(root.querySelectorAll("[data-mcf-regions] li"), function (li) {
    return { key: li.getAttribute("data-region"), name: li.textContent.trim() };
  });
  var regionKeys = regions.map(function (r) { return r.key; });
  var framework = [];
  Array.prototype.forEach.call(document.querySelectorAll("ul.mcf-activities"), function (ul) {
    Array.prototype.forEach.call(ul.querySelectorAll("li[data-activity]"), function (li) {
      framework.push({ text: li.getAttribute("data-activity"), region: ul.getAttribute("data-region") });
    });
  });
  var select = document.getElementById("mcf-board-select");
  var nameInput = document.getElementById("mcf-board-name");
  var cardInput = document.getElementById("mcf-card-text");
  var fileInput = document.getElementById("mcf-board-import");
  var status = root.querySelector("[data-mcf-board-status]");
  var area = root.querySelector("[data-mcf-board-regions]");
  var compareBox = root.querySelector("[data-mcf-board-compare]");
  var comparing = false;

  function load() {
    try { var d = JSON.parse(localStorage.getItem(KEY) || "null"); if (d && Array.isArray(d.boards)) return d; } catch (e) { /* start afresh */ }
    return { boards: [], current: null };
  }
  var store = load();
  // The largest file it imports: an exported board is a few KB, and every tool of this site shares the
  // browser's storage (about 5 MB), so a larger file is refused before it is read or anything is written.
  var IMPORT_LIMIT = 256 * 1024;
  function kb(bytes) { return Math.ceil(bytes / 1024); }
  // Keeps the boards in this browser. If the browser cannot (its storage full or blocked), it says so:
  // what was saved before stays, and the reader can export what is on screen. True if it was kept.
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(store)); return true; } catch (e) { say(word("not_saved")); return false; }
  }
  function say(t) { status.textContent = t; }
  function current() { for (var i = 0; i < store.boards.length; i++) if (store.boards[i].id === store.current) return store.boards[i]; return null; }
  function uid() { return Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36); }
  function newBoard(name, cards) {
    var b = { id: "b" + uid(), name: name, cards: cards.map(function (c) { return { id: "c" + uid() + Math.random().toString(36).slice(2, 6), text: c.text, region: c.region }; }) };
    store.boards.push(b); store.current = b.id; return b;
  }
  function regionName(key) { return regions[regionKeys.indexOf(key)].name; }

  function render() {
    select.innerHTML = "";
    store.boards.forEach(function (b) {
      var o = document.createElement("option"); o.value = b.id; o.textContent = b.name; o.selected = b.id === store.current; select.appendChild(o);
    });
    select.closest(".mcf-review__bar").hidden = !store.boards.length;  // nothing to choose or delete yet
    area.innerHTML = "";
    var board = current();
    regions.forEach(function (r) {
      var box = document.createElement("section");
      box.className = "mcf-board__region"; box.setAttribute("data-region", r.key);
      var h = document.createElement("h3"); h.textContent = r.name; h.id = "region-" + r.key.replace(/\+/g, "-");
      box.setAttribute("aria-labelledby", h.id); box.appendChild(h);
      var ul = document.createElement("ul"); ul.className = "mcf-board__cards";
      (board ? board.cards : []).filter(function (c) { return c.region === r.key; }).forEach(function (c) { ul.appendChild(cardElement(c)); });
      box.appendChild(ul);
      box.addEventListener("dragover", function (e) { e.preventDefault(); });
      box.addEventListener("drop", function (e) { e.preventDefault(); move(e.dataTransfer.getData("text/plain"), r.key); });
      area.appendChild(box);
    });
    renderCompare();
  }
  function cardElement(c) {
    var li = document.createElement("li");
    li.className = "mcf-board__card"; li.draggable = true; li.setAttribute("data-card", c.id);
    li.addEventListener("dragstart", function (e) { e.dataTransfer.setData("text/plain", c.id); });
    var text = document.createElement("span"); text.className = "mcf-board__text"; text.textContent = c.text; li.appendChild(text);
    var label = document.createElement("label"); label.textContent = word("move_to", { card: c.text });
    label.className = "mcf-sr"; var id = "move-" + c.id; label.htmlFor = id; li.appendChild(label);
    var sel = document.createElement("select"); sel.id = id; sel.setAttribute("data-move", c.id);
    regions.forEach(function (r) { var o = document.createElement("option"); o.value = r.key; o.textContent = r.name; o.selected = r.key === c.region; sel.appendChild(o); });
    sel.addEventListener("change", function () { move(c.id, sel.value); });
    li.appendChild(sel);
    [["edit", word("edit")], ["remove", word("remove")]].forEach(function (a) {
      var b = document.createElement("button"); b.type = "button"; b.className = "md-button mcf-board__small";
      b.textContent = a[1]; b.setAttribute("aria-label", a[1] + " " + c.text); b.setAttribute("data-card-action", a[0]); b.setAttribute("data-card-id", c.id);
      li.appendChild(b);
    });
    if (comparing) {
      var f = framework.filter(function (x) { return x.text.toLowerCase() === c.text.toLowerCase(); })[0];
      var note = document.createElement("span"); note.className = "mcf-board__diff";
      note.textContent = " (" + (!f ? word("not_in_framework") : f.region !== c.region ? word("elsewhere", { region: regionName(f.region) }) : word("as_framework")) + ")";
      li.appendChild(note);
    }
    return li;
  }
  function renderCompare() {
    compareBox.hidden = !comparing; compareBox.innerHTML = "";
    var board = current();
    if (!comparing || !board) return;
    var have = board.cards.map(function (c) { return c.text.toLowerCase(); });
    var missing = framework.filter(function (f) { return have.indexOf(f.text.toLowerCase()) === -1; });
    var moved = board.cards.filter(function (c) { return framework.some(function (f) { return f.text.toLowerCase() === c.text.toLowerCase() && f.region !== c.region; }); });
    var p = document.createElement("p");
    p.textContent = word("compare_summary", { moved: moved.length, missing: missing.length }) + (missing.length ? ": " + missing.map(function (m) { return m.text; }).join("; ") + "." : ".");
    compareBox.appendChild(p);
  }
  function move(cardId, region) {
    var board = current(); if (!board) return;
    var moved = board.cards.filter(function (c) { return c.id === cardId; })[0];
    if (moved) moved.region = region;
    var kept = save(); render();
    if (kept && moved) say(word("moved", { card: moved.text, region: regionName(region) }));
    var sel = document.getElementById("move-" + cardId); if (sel) sel.focus();
  }
  function ensure() { return current() || newBoard(word("default_name"), []); }

  select.addEventListener("change", function () { store.current = select.value; var kept = save(); render(); if (kept) say(word("showing", { name: current().name })); });
  area.addEventListener("click", function (e) {
    var action = e.target.getAttribute && e.target.getAttribute("data-card-action");
    if (!action) return;
    var board = current(), id = e.target.getAttribute("data-card-id");
    var card = board.cards.filter(function (c) { return c.id === id; })[0];
    if (action === "remove") { board.cards = board.cards.filter(function (c) { return c.id !== id; }); if (save()) say(word("removed", { card: card.text })); render(); }
    if (action === "edit") { var t = window.prompt(word("edit_prompt"), card.text); if (t && t.trim()) { card.text = t.trim(); if (save()) say(word("changed", { card: card.text })); render(); } }
  });

  function download(name, blob) { var a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = name; document.body.appendChild(a); a.click(); a.remove(); }
  function slug(t) { return t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "board"; }
  function esc(t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function boardSvg(board) {
    var w = 900, colW = 300, boxH = 220, rows = Math.ceil(regions.length / 3);
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + (rows * boxH + 40) + '" viewBox="0 0 ' + w + " " + (rows * boxH + 40) + '" font-family="sans-serif">',
      "<title>" + esc(board.name) + "</title>", '<rect width="100%" height="100%" fill="#fff"/>', '<text x="10" y="26" font-size="18" font-weight="bold">' + esc(board.name) + "</text>"];
    regions.forEach(function (r, i) {
      var x = (i % 3) * colW + 10, y = Math.floor(i / 3) * boxH + 40;
      out.push('<rect x="' + x + '" y="' + y + '" width="' + (colW - 20) + '" height="' + (boxH - 20) + '" fill="none" stroke="#555"/>');
      out.push('<text x="' + (x + 8) + '" y="' + (y + 20) + '" font-size="14" font-weight="bold">' + esc(r.name) + "</text>");
      board.cards.filter(function (c) { return c.region === r.key; }).forEach(function (c, n) {
        out.push('<text x="' + (x + 8) + '" y="' + (y + 42 + n * 18) + '" font-size="13">' + esc(c.text) + "</text>");
      });
    });
    return out.join("") + "</svg>";
  }

  root.addEventListener("click", function (e) {
    var action = e.target.getAttribute && e.target.getAttribute("data-board");
    if (!action) return;
    var board = current();
    if (action === "new-framework" || action === "new-empty") {
      var name = nameInput.value.trim() || word("numbered", { n: store.boards.length + 1 });
      newBoard(name, action === "new-framework" ? framework : []); nameInput.value = "";
      if (save()) say(word("started", { name: name })); render();
    } else if (action === "add") {
      var text = cardInput.value.trim(); if (!text) { say(word("write_first")); return; }
      var b = ensure(); var c = { id: "c" + uid(), text: text, region: regionKeys[regionKeys.length - 1] };
      b.cards.push(c); cardInput.value = "";
      if (save()) say(word("added", { card: text, region: regionName(c.region) })); render();
      var sel = document.getElementById("move-" + c.id); if (sel) sel.focus();
    } else if (action === "delete") {
      if (!board) { say(word("none_to_delete")); return; }
      if (!window.confirm(word("confirm_delete", { name: board.name }))) return;
      store.boards = store.boards.filter(function (x) { return x.id !== board.id; });
      store.current = store.boards.length ? store.boards[store.boards.length - 1].id : null;
      if (save()) say(word("deleted", { name: board.name })); render();
    } else if (action === "export-json") {
      if (!board) { say(word("none_to_export")); return; }
      download(slug(board.name) + ".json", new Blob([JSON.stringify({ format: FORMAT, edition: root.getAttribute("data-edition"), name: board.name, cards: board.cards.map(function (c) { return { text: c.text, region: c.region }; }) }, null, 1)], { type: "application/json" }));
      say(word("exported", { name: board.name, format: "JSON" }));
    } else if (action === "export-svg" || action === "export-png") {
      if (!board) { say(word("none_to_export")); return; }
      var svg = new Blob([boardSvg(board)], { type: "image/svg+xml" });
      if (action === "export-svg") { download(slug(board.name) + ".svg", svg); say(word("exported", { name: board.name, format: "SVG" })); return; }
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas"); canvas.width = img.width; canvas.height = img.height;
        canvas.getContext("2d").drawImage(img, 0, 0);
        canvas.toBlob(function (png) { download(slug(board.name) + ".png", png); say(word("exported", { name: board.name, format: "PNG" })); });
      };
      img.src = URL.createObjectURL(svg);
    } else if (action === "print") {
      document.body.classList.add("mcf-printing-board"); window.print(); document.body.classList.remove("mcf-printing-board");
    } else if (action === "compare") {
      comparing = !comparing; e.target.setAttribute("aria-pressed", String(comparing)); render();
      say(comparing ? word("comparing") : word("comparison_hidden"));
    }
  });

  function check(d) {
    if (!d || typeof d !== "object" || d.format !== FORMAT) return word("not_a_board");
    if (typeof d.name !== "string" || !d.name.trim()) return word("no_name");
    if (!Array.isArray(d.cards)) return word("no_cards");
    for (var i = 0; i < d.cards.length; i++) {
      var c = d.cards[i];
      if (!c || typeof c.text !== "string" || !c.text.trim()) return word("card_no_text", { n: i + 1 });
      if (regionKeys.indexOf(c.region) === -1) return word("card_bad_region", { n: i + 1, region: c.region });
    }
    return null;
  }
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0]; if (!file) return;
    if (file.size > IMPORT_LIMIT) { say(word("too_big", { size: kb(file.size), limit: kb(IMPORT_LIMIT) })); fileInput.value = ""; return; }
    var reader = new FileReader();
    reader.onload = function () {
      var d; try { d = JSON.parse(reader.result); } catch (e) { say(word("not_json")); fileInput.value = ""; return; }
      var problem = check(d);
      if (problem) { say(problem + " " + word("nothing_imported")); fileInput.value = ""; return; }
      var before = JSON.stringify(store);
      newBoard(d.name, d.cards); fileInput.value = "";
      // Not kept (the browser's storage full): the import is undone, so that what is on screen is what was saved.
      if (!save()) { store = JSON.parse(before); render(); say(word("not_kept", { name: d.name })); return; }
      render(); say(word("imported", { name: d.name }));
    };
    reader.readAsText(file);
  });
  root.hidden = false;
  render();
})();
