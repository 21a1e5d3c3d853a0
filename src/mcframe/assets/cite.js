/* mcframe "Cite this": a button copies a reference with one click. Without JavaScript (or where the
 * clipboard is not allowed, as from some file:// pages) the reference is plain text to select. */
(function () {
  "use strict";
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
        navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; }, selectIt);
      } else { selectIt(); button.textContent = "Selected"; }
    });
  });
})();
