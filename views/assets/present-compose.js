// Compose page: reorder the deck's items in the page by dragging, by Alt+↑ / Alt+↓,
// or with the Up / Down buttons (no round trip); Remove and Add still post the form.
(function () {
  'use strict';
  var list = document.getElementById('compose-items');
  var status = document.getElementById('compose-status');
  var q = document.getElementById('q');
  var search = document.getElementById('search-button');
  // Enter in the search box searches (not the form's first button).
  if (q && search)
    q.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        search.click();
      }
    });
  var focusItem = document.querySelector('.compose-item[data-focus]');
  if (focusItem) focusItem.focus();
  if (!list) return;
  document.body.classList.add('js-compose');

  function items() {
    return Array.prototype.slice.call(list.children);
  }
  function renumber() {
    var all = items();
    all.forEach(function (li, i) {
      li.querySelector('.js-up').value = 'up:' + i;
      li.querySelector('.js-down').value = 'down:' + i;
      li.querySelector('.js-remove').value = 'remove:' + i;
      li.querySelector('.js-up').disabled = i === 0;
      li.querySelector('.js-down').disabled = i === all.length - 1;
    });
  }
  function say(li) {
    var n = items().indexOf(li) + 1;
    status.textContent = li.getAttribute('data-code') + ' → ' + n;
  }
  function move(li, delta) {
    var all = items();
    var i = all.indexOf(li);
    var j = i + delta;
    if (j < 0 || j >= all.length) return;
    if (delta < 0) list.insertBefore(li, all[j]);
    else list.insertBefore(li, all[j].nextSibling);
    renumber();
    say(li);
  }

  list.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || (!b.classList.contains('js-up') && !b.classList.contains('js-down'))) return;
    e.preventDefault();
    move(b.closest('.compose-item'), b.classList.contains('js-up') ? -1 : 1);
    b.focus();
  });
  list.addEventListener('keydown', function (e) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    var li = e.target.closest('.compose-item');
    if (!li) return;
    e.preventDefault();
    var focused = document.activeElement;
    move(li, e.key === 'ArrowUp' ? -1 : 1);
    if (focused) focused.focus();
  });

  var dragged = null;
  list.addEventListener('dragstart', function (e) {
    var li = e.target.closest && e.target.closest('.compose-item');
    if (!li || /^(TEXTAREA|INPUT)$/.test(e.target.tagName)) return;
    dragged = li;
    li.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', li.getAttribute('data-code'));
  });
  list.addEventListener('dragover', function (e) {
    if (!dragged) return;
    e.preventDefault();
    var over = e.target.closest('.compose-item');
    items().forEach(function (li) {
      li.classList.toggle('drop-target', li === over && li !== dragged);
    });
  });
  list.addEventListener('drop', function (e) {
    if (!dragged) return;
    e.preventDefault();
    var over = e.target.closest('.compose-item');
    if (over && over !== dragged) {
      var all = items();
      list.insertBefore(dragged, all.indexOf(dragged) < all.indexOf(over) ? over.nextSibling : over);
      renumber();
      say(dragged);
    }
  });
  list.addEventListener('dragend', function () {
    if (dragged) dragged.classList.remove('dragging');
    items().forEach(function (li) {
      li.classList.remove('drop-target');
    });
    dragged = null;
  });
})();
