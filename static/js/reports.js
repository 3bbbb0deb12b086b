// Daily reports: fill the unit from the chosen indicator, and confirm before deleting.
// Everything here is a convenience: the pages work the same with scripts off.
(function () {
  "use strict";

  document.querySelectorAll("form.report-form").forEach(function (form) {
    var target = form.querySelector("select[name=target]");
    var unit = form.querySelector("input[name=output_unit]");
    if (!target || !unit) {
      return;
    }
    var filled = unit.value;
    target.addEventListener("change", function () {
      var option = target.options[target.selectedIndex];
      var suggested = option ? option.getAttribute("data-unit") : null;
      // Only replace a unit the person has not typed themself.
      if (suggested && (unit.value === "" || unit.value === filled)) {
        unit.value = suggested;
        filled = suggested;
      }
    });
  });

  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
})();
