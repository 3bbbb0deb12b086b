// Print buttons: a [data-print] button opens the browser's print dialog. It stays hidden with
// scripts off, where the browser's own print command does the same.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
