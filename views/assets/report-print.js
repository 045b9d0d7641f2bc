// The report folds the law, the fix and the relief of each gap, and the answers
// per domain, behind <details> so that a phone shows the gaps first. A printed
// report shows everything: open every fold before printing, close them after.
(function () {
  'use strict';
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.gap-more:not([open]), details.answers-group:not([open])').forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) {
      d.open = false;
    });
    opened = [];
  });
})();
