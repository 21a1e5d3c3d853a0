/* mcframe "Cite this": a button copies a reference with one click, and buttons save it for reference
 * managers as RIS, BibTeX or CSL-JSON, made here from the reference's CSL-JSON on the page (the same
 * text as the whole edition's files, which the build writes; a test compares them). Without
 * JavaScript the reference is plain text to select, and the edition's files are linked instead. */
(function () {
  "use strict";
  // What the buttons say once pressed: in English, or the page's language (its meta mcf-words).
  var said = { copied: "Copied", selected: "Selected" };
  var meta = document.querySelector('meta[name="mcf-words"]');
  if (meta) { try { said = JSON.parse(meta.getAttribute("content")); } catch (e) { /* keep English */ } }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy"));
      var text = target.textContent;
      function selectIt() {
        var range = document.createRange(); range.selectNodeContents(target);
        var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        try { document.execCommand("copy"); } catch (e) { /* selected: the reader can copy it */ }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { button.textContent = said.copied; }, selectIt);
      } else { selectIt(); button.textContent = said.selected; }
    });
  });

  function pad(n, width) { var s = String(n); while (s.length < width) { s = "0" + s; } return s; }
  // As citing.py: each field on one line (a line break could forge a tag or a record), and every brace
  // in a BibTeX value written as a command, since BibTeX counts "\\}" as a closing brace too.
  function oneLine(text) { return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " "); }
  var BIB = { "\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}", "&": "\\&", "%": "\\%" };
  function bib(text) { return oneLine(text).replace(/[\\{}&%]/g, function (c) { return BIB[c]; }); }

  var FORMATS = {
    ris: function (key, c) {
      var d = c.issued["date-parts"][0];
      var tags = [["TY", "ELEC"], ["TI", c.title], ["AU", c.author[0].literal], ["PY", d[0]],
        ["DA", pad(d[0], 4) + "/" + pad(d[1], 2) + "/" + pad(d[2], 2)], ["T2", c["container-title"]],
        ["PB", c.publisher || c.author[0].literal], ["ET", c.version], ["ID", key]];
      if (c.medium) { tags.push(["M3", c.medium]); }
      if (c.URL) { tags.push(["UR", c.URL]); }
      if (c.note) { tags.push(["N1", c.note]); }
      var lines = tags.map(function (t) { return t[0] + "  - " + oneLine(t[1]); });
      return { text: lines.concat(["ER  - ", ""]).join("\r\n"), type: "application/x-research-info-systems" };
    },
    bib: function (key, c) {
      var d = c.issued["date-parts"][0];
      var fields = [["title", c.title], ["author", c.author[0].literal], ["year", String(d[0])], ["month", String(d[1])],
        ["organization", c.publisher || c.author[0].literal], ["howpublished", c["container-title"] + (c.medium ? ", " + c.medium : "")], ["edition", c.version]];
      if (c.URL) { fields.push(["url", c.URL]); }
      if (c.note) { fields.push(["note", c.note]); }
      var body = fields.map(function (f) {
        return f[0] === "author" ? "  author = {{" + bib(f[1]) + "}}" : "  " + f[0] + " = {" + bib(f[1]) + "}";
      }).join(",\n");
      return { text: "@misc{" + key + ",\n" + body + "\n}\n", type: "application/x-bibtex" };
    },
    json: function (key, c) { return { text: JSON.stringify(c, null, 1) + "\n", type: "application/json" }; }
  };

  Array.prototype.forEach.call(document.querySelectorAll("[data-mcf-csl]"), function (line) {
    var key = line.getAttribute("data-mcf-cite");
    var csl = JSON.parse(line.getAttribute("data-mcf-csl"));
    line.querySelector(".mcf-cite__buttons").hidden = false;
    var fallback = line.querySelector(".mcf-cite__edition");
    if (fallback) { fallback.remove(); }
    Array.prototype.forEach.call(line.querySelectorAll("button[data-format]"), function (button) {
      button.addEventListener("click", function () {
        var format = button.getAttribute("data-format");
        var made = FORMATS[format](key, csl);
        var url = URL.createObjectURL(new Blob([made.text], { type: made.type + ";charset=utf-8" }));
        var a = document.createElement("a");
        a.href = url; a.download = key.toLowerCase() + "." + format;
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
    });
  });
})();
