// Check-in results: reload every 5 seconds so the lecturer's screen stays live
// (without JavaScript the browser's reload button does the same).
(function () {
  'use strict';
  setTimeout(function () {
    if (!document.hidden) location.reload();
    else
      document.addEventListener(
        'visibilitychange',
        function () {
          location.reload();
        },
        { once: true },
      );
  }, 5000);
})();
