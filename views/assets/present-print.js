// The handout's print button (hidden without JavaScript: the browser's own print works).
(function () {
  'use strict';
  document.querySelectorAll('.js-print').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () {
      window.print();
    });
  });
})();
