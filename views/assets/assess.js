// Progressive enhancement of the self-assessment pages. Every page works
// without this file: the forms post and save as they are.
(function () {
  'use strict';

  var ACTION_STATUSES = { non_compliant: true, unsure: true };
  // Worth retrying: the network, a restarting database (503), a proxy in between.
  var RETRY_STATUSES = { 0: true, 502: true, 503: true, 504: true };
  var MAX_DELAY_MS = 30000;

  // ── Error summary (GOV.UK): a link moves focus to the field and shows its label or legend.
  document.querySelectorAll('[data-error-summary] a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var input = document.getElementById(link.getAttribute('href').slice(1));
      if (!input) return;
      event.preventDefault();
      var legend = input.closest('fieldset') && input.closest('fieldset').querySelector('legend');
      var label = document.querySelector('label[for="' + input.id + '"]');
      var target = legend || label || input;
      target.scrollIntoView({ block: 'start' });
      input.focus({ preventScroll: true });
    });
  });

  // ── Forms that must not be sent twice (start, submit): a double tap would create two.
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = '1';
      form.querySelectorAll('button[type="submit"]').forEach(function (b) {
        b.setAttribute('aria-disabled', 'true');
      });
    });
  });

  // ── Verify page: read a chosen JSON file into the textarea (no multipart upload needed).
  var fileField = document.querySelector('[data-file-field]');
  var fileInput = document.querySelector('[data-report-file]');
  var reportBox = document.getElementById('report');
  if (fileField && fileInput && reportBox && window.FileReader) {
    fileField.hidden = false;
    fileInput.addEventListener('change', function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        reportBox.value = String(reader.result || '');
      };
      reader.readAsText(file, 'utf-8');
    });
  }

  // ── Domain page: save each item as it is answered.
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch) return;
  var baseUrl = form.getAttribute('data-autosave');
  var csrf = form.getAttribute('data-csrf');
  var text = {
    saving: form.getAttribute('data-msg-saving'),
    saved: form.getAttribute('data-msg-saved'),
    retrying: form.getAttribute('data-msg-retrying'),
    failed: form.getAttribute('data-msg-failed'),
  };
  var note = document.querySelector('[data-autosave-note]');
  if (note) note.hidden = false;

  function valueOf(item, selector) {
    var el = item.querySelector(selector);
    return el ? el.value : '';
  }

  function statusOf(item) {
    var checked = item.querySelector('input[type="radio"]:checked');
    return checked ? checked.value : '';
  }

  function setStatus(item, message, kind) {
    var el = item.querySelector('[data-save-status]');
    if (!el) return;
    el.textContent = message;
    el.classList.toggle('is-saved', kind === 'saved');
    el.classList.toggle('is-error', kind === 'error');
  }

  // The action (owner, due, corrected on) belongs to 不符合 and 不确定 only.
  function toggleAction(item) {
    var fields = item.querySelector('[data-action-fields]');
    if (!fields) return;
    var status = statusOf(item);
    var typed = Array.prototype.some.call(fields.querySelectorAll('input'), function (i) {
      return i.value !== '';
    });
    fields.hidden = !(ACTION_STATUSES[status] || (status === '' && typed));
  }

  // Same rules as the form POST: action fields are sent only with 不符合 / 不确定.
  function payload(item) {
    var code = item.getAttribute('data-item');
    var status = statusOf(item);
    var action = ACTION_STATUSES[status] === true;
    var noteText = valueOf(item, 'textarea[name="note.' + code + '"]');
    var owner = valueOf(item, 'input[name="owner.' + code + '"]').trim();
    var due = valueOf(item, 'input[name="due.' + code + '"]');
    var corrected = valueOf(item, 'input[name="corrected.' + code + '"]');
    return {
      status: status,
      note: noteText.trim() ? noteText : null,
      owner: action && owner ? owner : null,
      dueDate: action && due ? due : null,
      correctedOn: action && corrected ? corrected : null,
    };
  }

  // One save in flight per item; a change during it is sent right after, so the last answer wins.
  var state = {};

  function save(item) {
    var code = item.getAttribute('data-item');
    if (statusOf(item) === '') return;
    var s = state[code] || (state[code] = { busy: false, again: false, attempt: 0, timer: null });
    if (s.busy) {
      s.again = true;
      return;
    }
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = null;
    }
    s.busy = true;
    s.again = false;
    setStatus(item, text.saving, 'saving');
    fetch(baseUrl + encodeURIComponent(code), {
      method: 'PUT',
      credentials: 'same-origin',
      // The problem's detail comes back in the page's language and is shown as the reason.
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': document.documentElement.lang || 'zh-CN',
        'X-CSRF-Token': csrf,
      },
      body: JSON.stringify(payload(item)),
    })
      .then(
        function (res) {
          if (res.ok) return { ok: true, status: res.status };
          return res
            .json()
            .catch(function () {
              return {};
            })
            .then(function (problem) {
              return { ok: false, status: res.status, detail: problem && problem.detail };
            });
        },
        function () {
          return { ok: false, status: 0 };
        },
      )
      .then(function (result) {
        s.busy = false;
        if (result.ok) {
          s.attempt = 0;
          if (s.again) {
            save(item);
            return;
          }
          setStatus(item, text.saved, 'saved');
          return;
        }
        if (RETRY_STATUSES[result.status]) {
          s.attempt += 1;
          var delay = Math.min(MAX_DELAY_MS, 1000 * Math.pow(2, s.attempt - 1)) * (0.75 + Math.random() * 0.5);
          setStatus(item, text.retrying, 'error');
          s.timer = setTimeout(function () {
            s.timer = null;
            save(item);
          }, delay);
          return;
        }
        s.attempt = 0;
        setStatus(item, text.failed.replace('{reason}', result.detail || String(result.status)), 'error');
      });
  }

  // Back online: retry what is waiting now rather than at the end of its backoff.
  window.addEventListener('online', function () {
    Object.keys(state).forEach(function (code) {
      var s = state[code];
      if (s.timer) {
        clearTimeout(s.timer);
        s.timer = null;
        var item = form.querySelector('[data-item="' + code + '"]');
        if (item) save(item);
      }
    });
  });

  form.querySelectorAll('[data-item]').forEach(function (item) {
    toggleAction(item);
    var typingTimer = null;
    item.addEventListener('change', function (event) {
      if (event.target.type === 'radio') toggleAction(item);
      clearTimeout(typingTimer);
      save(item);
    });
    // Long notes save while typing too (after a pause), not only when leaving the field.
    item.addEventListener('input', function (event) {
      if (event.target.type === 'radio' || event.target.type === 'date') return;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () {
        save(item);
      }, 1500);
    });
  });
})();
