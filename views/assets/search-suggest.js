// Search suggestions as you type (progressive enhancement: without this file the
// search form submits as usual). Asks /api/v1/search for the first few items and
// shows them as an ARIA combobox list; arrow keys move, Enter opens, Escape closes.
(function () {
  'use strict';
  var DELAY_MS = 150;
  var LIMIT = 6;

  function setup(input, index) {
    var list = document.createElement('ul');
    list.id = 'search-suggest-' + index;
    list.className = 'search-suggest';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Suggestions' : '搜索建议');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    var timer = null;
    var active = -1;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function highlight(i) {
      var options = list.querySelectorAll('[role="option"]');
      if (options.length === 0) return;
      active = (i + options.length) % options.length;
      options.forEach(function (o, j) {
        o.setAttribute('aria-selected', j === active ? 'true' : 'false');
      });
      input.setAttribute('aria-activedescendant', options[active].id);
    }

    function show(results) {
      list.textContent = '';
      results.forEach(function (r, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var a = document.createElement('a');
        a.href = '/items/' + encodeURIComponent(r.code);
        a.tabIndex = -1;
        var code = document.createElement('span');
        code.className = 'item-code';
        code.textContent = r.code;
        a.appendChild(code);
        a.appendChild(document.createTextNode(' ' + r.title));
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute('aria-expanded', results.length > 0 ? 'true' : 'false');
      active = -1;
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length === 0 || q.length > 200) {
        close();
        return;
      }
      var url = '/api/v1/search?limit=' + LIMIT + '&q=' + encodeURIComponent(q);
      var domain = input.getAttribute('data-suggest-domain');
      if (domain) url += '&domain=' + encodeURIComponent(domain);
      var ticket = ++latest;
      fetch(url, { headers: { accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : { results: [] };
        })
        .then(function (body) {
          if (ticket === latest) show(body.results || []);
        })
        .catch(close);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        var link = list.querySelectorAll('a')[active];
        if (link) window.location.href = link.href;
      } else if (event.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () {
      // Let a click on a suggestion land before the list goes.
      setTimeout(close, 200);
    });
  }

  document.querySelectorAll('input[data-suggest]').forEach(setup);
})();
