/* mcframe self-review: a school rates each area of the success indicators on the stage scale, notes
 * its evidence and answers questions. Reviews live in this browser's localStorage only (keyed by the
 * site and edition), nothing is sent anywhere, and they can be exported as JSON or CSV and imported
 * back. Without JavaScript the page stays a plain document of areas, stages and questions. */
(function () {
  "use strict";
  var root = document.getElementById("mcf-review");
  if (!root) return;
  var KEY = "mcframe:self-review:" + root.getAttribute("data-site") + ":" + root.getAttribute("data-edition");
  // The words it says come from the page (data-mcf-words: the site's labels), "{name}" places filled in.
  var WORDS = JSON.parse(root.getAttribute("data-mcf-words") || "{}");
  function word(key, values) {
    var text = WORDS[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  var FORMAT = "mcframe-self-review";
  var select = document.getElementById("mcf-review-select");
  var nameInput = document.getElementById("mcf-review-name");
  var fileInput = document.getElementById("mcf-review-import");
  var status = root.querySelector("[data-mcf-review-status]");
  var summary = document.getElementById("mcf-review-summary");
  var rates = Array.prototype.slice.call(document.querySelectorAll("fieldset.mcf-rate"));
  var areas = rates.map(function (f) {
    return { id: f.getAttribute("data-area"), title: f.getAttribute("data-title"), field: f };
  });
  var stages = Array.prototype.map.call(rates[0].querySelectorAll("input[value]:not([value=''])"), function (input) {
    return { key: input.value, name: input.parentNode.textContent.trim() };
  });
  var stageKeys = stages.map(function (s) { return s.key; });
  var areaIds = areas.map(function (a) { return a.id; });
  var questionIds = Array.prototype.map.call(document.querySelectorAll("[data-answer]"), function (t) { return t.getAttribute("data-answer"); });

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "null");
      if (data && Array.isArray(data.reviews)) return data;
    } catch (e) { /* a damaged store starts afresh */ }
    return { reviews: [], current: null };
  }
  var store = load();
  // The largest file it imports: an exported review is a few KB, and every tool of this site shares the
  // browser's storage (about 5 MB), so a larger file is refused before it is read or anything is written.
  var IMPORT_LIMIT = 256 * 1024;
  function kb(bytes) { return Math.ceil(bytes / 1024); }
  // Keeps the store in this browser. If the browser cannot (its storage full or blocked), it says so:
  // what was saved before stays, and the reader can export what is on screen. True if it was kept.
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(store)); return true; } catch (e) { say(word("not_saved")); return false; }
  }
  function say(text) { status.textContent = text; }
  function current() {
    for (var i = 0; i < store.reviews.length; i++) if (store.reviews[i].id === store.current) return store.reviews[i];
    return null;
  }
  function newReview(name) {
    var review = { id: "r" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36), name: name, ratings: {}, notes: {}, answers: {} };
    store.reviews.push(review);
    store.current = review.id;
    return review;
  }

  function fill() {
    select.innerHTML = "";
    store.reviews.forEach(function (r) {
      var option = document.createElement("option");
      option.value = r.id;
      option.textContent = r.name;
      option.selected = r.id === store.current;
      select.appendChild(option);
    });
    select.closest(".mcf-review__bar").hidden = !store.reviews.length;  // nothing to choose or delete yet
    var review = current();
    areas.forEach(function (a) {
      var value = (review && review.ratings[a.id]) || "";
      Array.prototype.forEach.call(a.field.querySelectorAll("input"), function (input) { input.checked = input.value === value; });
      var notes = document.querySelector('[data-notes="' + a.id + '"]');
      notes.value = (review && review.notes[a.id]) || "";
    });
    questionIds.forEach(function (q) {
      document.querySelector('[data-answer="' + q + '"]').value = (review && review.answers[q]) || "";
    });
    drawSummary();
  }

  function drawSummary() {
    var review = current();
    var chart = summary.querySelector("[data-mcf-review-chart]");
    var table = summary.querySelector("[data-mcf-review-table]");
    var room = summary.querySelector("[data-mcf-review-room]");
    chart.innerHTML = ""; table.innerHTML = ""; room.innerHTML = "";
    if (!review) return;
    var ns = "http://www.w3.org/2000/svg";
    // Each area's name on a line of its own above its bar, so that no name is cut at either width.
    var rowH = 52, width = 480, barMax = width - 140;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (areas.length * rowH + 30));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "mcf-review-chart-title mcf-review-chart-desc");
    svg.setAttribute("class", "mcf-review-chart");
    var title = document.createElementNS(ns, "title");
    title.id = "mcf-review-chart-title";
    title.textContent = word("stages_by_area", { name: review.name });
    var desc = document.createElementNS(ns, "desc");
    desc.id = "mcf-review-chart-desc";
    desc.textContent = areas.map(function (a) {
      var k = review.ratings[a.id];
      return a.title + ": " + (k ? stages[stageKeys.indexOf(k)].name : word("not_rated"));
    }).join("; ");
    svg.appendChild(title); svg.appendChild(desc);
    areas.forEach(function (a, i) {
      var y = i * rowH + 6;
      var label = document.createElementNS(ns, "text");
      label.setAttribute("x", 0); label.setAttribute("y", y + 14);
      label.textContent = a.title;
      svg.appendChild(label);
      var k = review.ratings[a.id];
      var n = k ? stageKeys.indexOf(k) + 1 : 0;
      var bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", 0); bar.setAttribute("y", y + 22);
      bar.setAttribute("width", Math.max(n * barMax / stages.length, 2)); bar.setAttribute("height", 18);
      bar.setAttribute("class", n ? "mcf-review-chart__bar" : "mcf-review-chart__none");
      bar.setAttribute("data-stage", k || "");
      svg.appendChild(bar);
      var value = document.createElementNS(ns, "text");
      value.setAttribute("x", Math.max(n * barMax / stages.length, 2) + 6); value.setAttribute("y", y + 36);
      value.textContent = k ? stages[n - 1].name : word("not_rated");
      svg.appendChild(value);
    });
    chart.appendChild(svg);
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    [word("area"), word("stage"), word("notes")].forEach(function (h) { var th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th); });
    var body = t.createTBody();
    areas.forEach(function (a) {
      var row = body.insertRow();
      var th = document.createElement("th"); th.scope = "row"; th.textContent = a.title; row.appendChild(th);
      var k = review.ratings[a.id];
      row.insertCell().textContent = k ? stages[stageKeys.indexOf(k)].name : word("not_rated");
      row.insertCell().textContent = review.notes[a.id] || "";
    });
    table.appendChild(t);
    var rated = areas.filter(function (a) { return review.ratings[a.id]; });
    rated.sort(function (x, y) { return stageKeys.indexOf(review.ratings[x.id]) - stageKeys.indexOf(review.ratings[y.id]); });
    var lowest = rated.length ? stageKeys.indexOf(review.ratings[rated[0].id]) : -1;
    var list = document.createElement("ul");
    rated.filter(function (a) { return stageKeys.indexOf(review.ratings[a.id]) === lowest; }).forEach(function (a) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + a.id.toLowerCase();
      link.textContent = a.title;
      item.appendChild(link);
      var related = document.querySelector('[data-area-links="' + a.id + '"]');
      if (related) {
        item.appendChild(document.createTextNode(": " + word("read") + " "));
        Array.prototype.forEach.call(related.querySelectorAll("a"), function (r, i) {
          if (i) item.appendChild(document.createTextNode("; "));
          var copy = document.createElement("a"); copy.href = r.getAttribute("href"); copy.textContent = r.textContent;
          item.appendChild(copy);
        });
      }
      list.appendChild(item);
    });
    room.appendChild(rated.length ? list : document.createTextNode(word("rate_first")));
  }

  function ensure() { return current() || newReview(word("default_name")); }

  rates.forEach(function (f) {
    f.addEventListener("change", function (e) {
      var review = ensure();
      if (e.target.value) review.ratings[f.getAttribute("data-area")] = e.target.value;
      else delete review.ratings[f.getAttribute("data-area")];
      var kept = save(); fill();
      if (kept) say(word("saved"));
    });
  });
  document.addEventListener("input", function (e) {
    var t = e.target;
    var area = t.getAttribute && t.getAttribute("data-notes");
    var q = t.getAttribute && t.getAttribute("data-answer");
    if (!area && !q) return;
    var started = !current(), review = ensure();
    if (area) review.notes[area] = t.value;
    if (q) review.answers[q] = t.value;
    var kept = save();
    if (started) { fill(); if (kept) say(word("saved")); } else { drawSummary(); }  // a first note starts a review: show it in the chooser
  });
  select.addEventListener("change", function () { store.current = select.value; var kept = save(); fill(); if (kept) say(word("showing", { name: current().name })); });

  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "review"; }
  // A cell safe to open in a spreadsheet, by cells.py's rule (OWASP's advice on CSV injection): text that
  // could start a formula, first or after spaces and quote marks, gets a single quote before it; a cell
  // holding a separator (a comma, or the semicolon some spreadsheets split on), a quote, a tab or a line
  // break is quoted, so that nothing in it can start a cell of its own.
  var FORMULA = /^[ \u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff"']*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
  function csvCell(v) {
    v = String(v == null ? "" : v);
    if (FORMULA.test(v)) v = "'" + v;
    return /[",;\t\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  root.addEventListener("click", function (e) {
    var action = e.target.getAttribute && e.target.getAttribute("data-action");
    if (!action) return;
    var review = current();
    if (action === "new") {
      var name = nameInput.value.trim() || word("numbered", { n: store.reviews.length + 1 });
      newReview(name); nameInput.value = "";
      var kept = save(); fill(); if (kept) say(word("started", { name: name }));
    } else if (action === "delete") {
      if (!review) { say(word("none_to_delete")); return; }
      if (!window.confirm(word("confirm_delete", { name: review.name }))) return;
      store.reviews = store.reviews.filter(function (r) { return r.id !== review.id; });
      store.current = store.reviews.length ? store.reviews[store.reviews.length - 1].id : null;
      var gone = save(); fill(); if (gone) say(word("deleted", { name: review.name }));
    } else if (action === "export-json") {
      if (!review) { say(word("none_to_export")); return; }
      var data = { format: FORMAT, edition: root.getAttribute("data-edition"), name: review.name, ratings: review.ratings, notes: review.notes, answers: review.answers };
      download(slug(review.name) + ".json", "application/json", JSON.stringify(data, null, 1));
      say(word("exported", { name: review.name, format: "JSON" }));
    } else if (action === "export-csv") {
      if (!review) { say(word("none_to_export")); return; }
      var lines = [["kind", "id", "title", "stage", "text"].join(",")];
      areas.forEach(function (a) { lines.push(["area", a.id, a.title, review.ratings[a.id] || "", review.notes[a.id] || ""].map(csvCell).join(",")); });
      questionIds.forEach(function (q) { if (review.answers[q]) lines.push(["question", q, "", "", review.answers[q]].map(csvCell).join(",")); });
      download(slug(review.name) + ".csv", "text/csv", "\ufeff" + lines.join("\r\n") + "\r\n");
      say(word("exported", { name: review.name, format: "CSV" }));
    } else if (action === "print") {
      document.body.classList.add("mcf-printing-summary");
      window.print();
      document.body.classList.remove("mcf-printing-summary");
    }
  });

  function check(data) {
    if (!data || typeof data !== "object" || data.format !== FORMAT) return word("not_a_review");
    if (typeof data.name !== "string" || !data.name.trim()) return word("no_name");
    var parts = ["ratings", "notes", "answers"];
    for (var i = 0; i < parts.length; i++) if (typeof data[parts[i]] !== "object" || data[parts[i]] === null || Array.isArray(data[parts[i]])) return word("part_missing", { part: parts[i] });
    for (var a in data.ratings) {
      if (areaIds.indexOf(a) === -1) return word("unknown_area", { id: a });
      if (stageKeys.indexOf(data.ratings[a]) === -1) return word("bad_stage", { id: a, stage: data.ratings[a] });
    }
    for (var n in data.notes) if (areaIds.indexOf(n) === -1 || typeof data.notes[n] !== "string") return word("unknown_notes", { id: n });
    for (var q in data.answers) if (questionIds.indexOf(q) === -1 || typeof data.answers[q] !== "string") return word("unknown_question", { id: q });
    return null;
  }
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (file.size > IMPORT_LIMIT) {
      say(word("too_big", { size: kb(file.size), limit: kb(IMPORT_LIMIT) })); fileInput.value = ""; return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { say(word("not_json")); fileInput.value = ""; return; }
      var problem = check(data);
      if (problem) { say(problem + " " + word("nothing_imported")); fileInput.value = ""; return; }
      var before = JSON.stringify(store);
      var review = newReview(data.name);
      review.ratings = data.ratings; review.notes = data.notes; review.answers = data.answers;
      fileInput.value = "";
      // Not kept (the browser's storage full): the import is undone, so that what is on screen is what was saved.
      if (!save()) { store = JSON.parse(before); fill(); say(word("not_kept", { name: data.name })); return; }
      fill(); say(word("imported", { name: data.name }));
    };
    reader.readAsText(file);
  });

  [root, summary].concat(rates).forEach(function (el) { el.hidden = false; });
  Array.prototype.forEach.call(document.querySelectorAll(".mcf-notes, .mcf-answer"), function (el) { el.hidden = false; });
  fill();
})();
