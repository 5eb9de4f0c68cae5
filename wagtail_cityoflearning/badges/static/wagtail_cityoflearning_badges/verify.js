// The badge verifier: drop a badge image onto the image field (it becomes the field's file,
// so the form is sent as without the script), and move the focus to the answer, or to the
// summary of what to correct when the form came back with errors.
(function () {
  "use strict";

  var target =
    document.getElementById("verify-result-heading") ||
    document.getElementById("verify-errors");
  if (target && document.activeElement !== target) {
    target.focus();
  }

  var zone = document.querySelector("[data-col-verify-drop]");
  var input = zone && zone.querySelector("input[type=file]");
  if (!input || typeof DataTransfer === "undefined") {
    return;
  }
  var hint = zone.querySelector("[data-col-verify-drop-hint]");
  if (hint) {
    hint.hidden = false;
  }
  zone.classList.add("col-verify-drop--ready");

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, "Files") !== -1;
  }

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      if (!hasFiles(event)) {
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("col-verify-drop--active");
    });
  });
  zone.addEventListener("dragleave", function (event) {
    if (!zone.contains(event.relatedTarget)) {
      zone.classList.remove("col-verify-drop--active");
    }
  });
  zone.addEventListener("drop", function (event) {
    zone.classList.remove("col-verify-drop--active");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) {
      return;
    }
    event.preventDefault();
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.focus();
  });
})();
