// The firm page: clicking an occupied cell of the mini matrix shows the evidence for it.
(function () {
  'use strict';
  document.querySelectorAll('.mini-cell.occupied').forEach(function (button) {
    button.addEventListener('click', function () {
      var cell = button.getAttribute('data-cell');
      document.querySelectorAll('.mini-cell.occupied').forEach(function (b) { b.classList.toggle('active', b === button); });
      document.querySelectorAll('.evidence-panel').forEach(function (panel) {
        panel.hidden = panel.getAttribute('data-cell') !== cell;
      });
    });
  });
})();
