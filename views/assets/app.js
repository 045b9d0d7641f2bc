// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Print buttons are hidden until there is script to run them.
  document.querySelectorAll('[data-action="print"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
  // Move focus to an error summary so screen readers announce it (GOV.UK pattern).
  var summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();
  // "/" focuses the search box, as on many sites; ignored while typing in a field.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.getElementById('header-q');
      if (box) {
        event.preventDefault();
        box.focus();
      }
    }
  });
})();
