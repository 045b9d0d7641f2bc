// Lecturer slides: keyboard, clicker and touch controls, #N in the URL, overview grid,
// and the speaker view kept in step over a BroadcastChannel (no server round trip).
// Without this script the deck is a scrolling page; on narrow screens it stays one.
(function () {
  'use strict';
  var deck = document.getElementById('deck');
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll('#slides > .slide'));
  var count = slides.length;
  var offline = deck.hasAttribute('data-offline');
  // The offline file is its own speaker view when opened with ?speaker.
  var role = offline && /[?&]speaker\b/.test(location.search) ? 'speaker' : deck.getAttribute('data-role');
  var key = deck.getAttribute('data-deck-key') || 'deck';
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('hegui-present:' + key) : null;
  var body = document.body;
  var index = 0;
  var typed = '';
  var typedTimer = 0;
  var jumpBox = document.getElementById('deck-jump');
  var help = document.getElementById('deck-help');

  function clamp(n) {
    return Math.max(0, Math.min(count - 1, n));
  }
  function fromHash() {
    var n = parseInt(String(location.hash).replace(/^#\/?/, ''), 10);
    return isNaN(n) ? null : clamp(n - 1);
  }
  function writeHash() {
    var hash = '#' + (index + 1);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  // ---- speaker view ----------------------------------------------------------
  if (role === 'speaker') {
    body.classList.add('js-speaker');
    var current = document.getElementById('speaker-current');
    var next = document.getElementById('speaker-next');
    var notes = document.getElementById('speaker-notes');
    var number = document.getElementById('speaker-number');
    var end = document.getElementById('speaker-end');
    var clock = document.getElementById('speaker-clock');
    var started = Date.now();
    var copy = function (i) {
      var node = slides[i].cloneNode(true);
      node.removeAttribute('id');
      node.setAttribute('aria-hidden', 'true');
      var n = node.querySelector('.notes');
      if (n) n.remove();
      return node;
    };
    var show = function (i) {
      index = clamp(i);
      current.replaceChildren(copy(index));
      if (index + 1 < count) {
        next.replaceChildren(copy(index + 1));
        end.hidden = true;
      } else {
        next.replaceChildren();
        end.hidden = false;
      }
      var n = slides[index].querySelector('.notes');
      notes.replaceChildren(n ? n.cloneNode(true) : document.createTextNode(''));
      number.textContent = String(index + 1);
      writeHash();
    };
    var go = function (i) {
      show(i);
      if (channel) channel.postMessage({ type: 'go', index: index });
    };
    var tick = function () {
      var s = Math.floor((Date.now() - started) / 1000);
      var mm = Math.floor(s / 60);
      clock.textContent = (mm < 10 ? '0' : '') + mm + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
    };
    setInterval(tick, 1000);
    document.getElementById('speaker-reset').addEventListener('click', function () {
      started = Date.now();
      tick();
    });
    document.getElementById('speaker-prev').addEventListener('click', function () {
      go(index - 1);
    });
    document.getElementById('speaker-nextbtn').addEventListener('click', function () {
      go(index + 1);
    });
    document.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(e.target.tagName)) return;
      if (['ArrowRight', 'PageDown', ' ', 'ArrowDown'].indexOf(e.key) >= 0) {
        e.preventDefault();
        go(index + 1);
      } else if (['ArrowLeft', 'PageUp', 'ArrowUp'].indexOf(e.key) >= 0) {
        e.preventDefault();
        go(index - 1);
      }
    });
    if (channel) {
      channel.onmessage = function (e) {
        var m = e.data || {};
        if (m.type === 'state' && typeof m.index === 'number') show(m.index);
      };
      channel.postMessage({ type: 'hello' });
    }
    show(fromHash() || 0);
    return;
  }

  // ---- audience window ---------------------------------------------------------
  // Phones read the deck as a page (reveal.js does the same below 435 px).
  if (window.matchMedia('(max-width: 700px)').matches) return;
  body.classList.add('js-deck');

  function announce() {
    if (channel) channel.postMessage({ type: 'state', index: index, count: count });
  }
  function show(i, silent) {
    index = clamp(i);
    for (var k = 0; k < count; k += 1) {
      slides[k].classList.toggle('is-current', k === index);
      if (k === index) slides[k].removeAttribute('aria-hidden');
      else if (!body.classList.contains('overview')) slides[k].setAttribute('aria-hidden', 'true');
    }
    writeHash();
    if (!silent) announce();
  }
  function setOverview(on) {
    body.classList.toggle('overview', on);
    slides.forEach(function (s) {
      if (on) s.removeAttribute('aria-hidden');
    });
    if (on) slides[index].scrollIntoView({ block: 'center' });
    else show(index, true);
  }
  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(function () {
        /* refused: stay windowed */
      });
  }
  function openSpeaker() {
    var url = deck.getAttribute('data-speaker-url') || location.href.split(/[?#]/)[0] + '?speaker';
    window.open(url + '#' + (index + 1), 'hegui-speaker-' + key, 'width=1280,height=800');
  }
  function toggleHelp(on) {
    help.hidden = !on;
    if (on) document.getElementById('deck-help-close').focus();
  }
  function showTyped() {
    jumpBox.textContent = typed;
    jumpBox.hidden = typed === '';
  }

  // One keymap: keys → action (the ? overlay lists the same keys).
  var keymap = {
    ArrowRight: function () {
      show(index + 1);
    },
    ArrowDown: function () {
      show(index + 1);
    },
    PageDown: function () {
      show(index + 1);
    },
    ' ': function (e) {
      show(e.shiftKey ? index - 1 : index + 1);
    },
    ArrowLeft: function () {
      show(index - 1);
    },
    ArrowUp: function () {
      show(index - 1);
    },
    PageUp: function () {
      show(index - 1);
    },
    Home: function () {
      show(0);
    },
    End: function () {
      show(count - 1);
    },
    f: fullscreen,
    F: fullscreen,
    o: function () {
      setOverview(!body.classList.contains('overview'));
    },
    O: function () {
      setOverview(!body.classList.contains('overview'));
    },
    Escape: function () {
      if (!help.hidden) toggleHelp(false);
      else setOverview(!body.classList.contains('overview'));
    },
    s: openSpeaker,
    S: openSpeaker,
    b: function () {
      body.classList.toggle('blank');
    },
    B: function () {
      body.classList.toggle('blank');
    },
    '.': function () {
      body.classList.toggle('blank');
    },
    '?': function () {
      toggleHelp(help.hidden);
    },
  };
  document.addEventListener('keydown', function (e) {
    if (
      e.altKey ||
      e.ctrlKey ||
      e.metaKey ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) ||
      e.target.isContentEditable
    )
      return;
    if (/^[0-9]$/.test(e.key)) {
      typed = (typed + e.key).slice(-4);
      showTyped();
      clearTimeout(typedTimer);
      typedTimer = setTimeout(function () {
        typed = '';
        showTyped();
      }, 3000);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && typed !== '') {
      var n = parseInt(typed, 10);
      typed = '';
      showTyped();
      if (body.classList.contains('overview')) setOverview(false);
      show(n - 1);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && body.classList.contains('overview')) {
      setOverview(false);
      e.preventDefault();
      return;
    }
    var action = keymap[e.key];
    if (!action) return;
    if (e.target.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    e.preventDefault();
    action(e);
  });
  document.getElementById('deck-help-close').addEventListener('click', function () {
    toggleHelp(false);
  });

  // Overview: pick a slide to go there.
  deck.addEventListener('click', function (e) {
    if (!body.classList.contains('overview')) return;
    var s = e.target.closest ? e.target.closest('#slides > .slide') : null;
    if (!s) return;
    e.preventDefault();
    index = slides.indexOf(s);
    setOverview(false);
    announce();
  });

  // Swipe on touch screens.
  var touchX = null;
  var touchY = 0;
  deck.addEventListener(
    'touchstart',
    function (e) {
      if (e.touches.length === 1) {
        touchX = e.touches[0].clientX;
        touchY = e.touches[0].clientY;
      }
    },
    { passive: true },
  );
  deck.addEventListener('touchend', function (e) {
    if (touchX === null || body.classList.contains('overview')) return;
    var dx = e.changedTouches[0].clientX - touchX;
    var dy = e.changedTouches[0].clientY - touchY;
    touchX = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) show(dx < 0 ? index + 1 : index - 1);
  });

  window.addEventListener('hashchange', function () {
    var n = fromHash();
    if (n !== null && n !== index) show(n);
  });
  if (channel) {
    channel.onmessage = function (e) {
      var m = e.data || {};
      if (m.type === 'go' && typeof m.index === 'number') show(m.index, true);
      else if (m.type === 'hello') announce();
    };
  }
  var start = fromHash();
  show(start === null ? 0 : start);
})();
