// Progressive enhancement of the API-token page: a copy button beside the
// token shown once. Without JavaScript (or a clipboard) the box stays selectable.
(function () {
  'use strict';
  var button = document.querySelector('[data-copy-token]');
  if (!button) return;
  var input = document.getElementById(button.getAttribute('data-copy-token'));
  var status = document.querySelector('[data-copy-status]');
  var row = document.querySelector('[data-copy-row]');
  if (!input || !row) return;
  row.hidden = false;
  function say(text) {
    if (status) status.textContent = text;
  }
  button.addEventListener('click', function () {
    input.select();
    var done = function () {
      say(status.getAttribute('data-copied'));
    };
    var failed = function () {
      say(status.getAttribute('data-failed'));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, failed);
    } else {
      try {
        if (document.execCommand('copy')) done();
        else failed();
      } catch (e) {
        failed();
      }
    }
  });
})();
