/* The intro deck, one slide at a time: arrows, Page Up/Down (presentation clickers), space, Home/End and swipes
   step through the slides; F or the button goes full screen. Without this script the slides are simply stacked.
   Only classes and the `hidden` attribute change, never inline styles, so a strict Content-Security-Policy holds. */
(function () {
  "use strict";

  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var controls = document.querySelector(".deck__controls");
  if (!slides.length || !controls || !document.querySelector('[data-deck="status"]')) {
    return;
  }
  var counter = controls.querySelector('[data-deck="counter"]');
  var status = document.querySelector('[data-deck="status"]'); // read out by screen readers on every step
  var root = document.documentElement;
  var current = 0;
  var IDLE_AFTER_MS = 2500;
  var SWIPE_PX = 50;

  function indexFromHash() {
    var match = /^#slide-(\d+)$/.exec(window.location.hash);
    return match ? Number(match[1]) - 1 : 0;
  }

  function show(index) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    var focusWasInside = slides[current].contains(document.activeElement);
    slides[current].classList.remove("is-current");
    current = index;
    slides[current].classList.add("is-current");
    counter.textContent = current + 1 + " / " + slides.length;
    status.textContent = "Slide " + slides[current].getAttribute("aria-label");
    if (window.location.hash !== "#slide-" + (current + 1)) {
      window.history.replaceState(null, "", "#slide-" + (current + 1));
    }
    if (focusWasInside) {
      slides[current].focus({ preventScroll: true });
    }
  }

  var KEYS = {
    ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1,
    ArrowLeft: -1, ArrowUp: -1, PageUp: -1,
  };

  function onKey(event) {
    if (event.key === "Tab") {
      wake(); // the controls come back for whoever moves through them with the keyboard
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    var onControl = event.target.closest && event.target.closest("a, button, input, textarea, select");
    if (onControl && (event.key === " " || event.key === "Enter")) {
      return; // the focused link or button does its own thing
    }
    var step = KEYS[event.key];
    if (event.key === "Home") {
      show(0);
    } else if (event.key === "End") {
      show(slides.length - 1);
    } else if (event.key === "f" || event.key === "F") {
      toggleFullscreen();
    } else if (step) {
      show(current + (event.key === " " && event.shiftKey ? -1 : step));
    } else {
      return;
    }
    event.preventDefault();
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {}); // refused (e.g. in a frame): stay as we are
    }
  }

  var touchStart = null;
  function onTouchStart(event) {
    touchStart = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
  }
  function onTouchEnd(event) {
    if (!touchStart || !event.changedTouches.length) {
      return;
    }
    var dx = event.changedTouches[0].clientX - touchStart.x;
    var dy = event.changedTouches[0].clientY - touchStart.y;
    touchStart = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      show(current + (dx < 0 ? 1 : -1)); // swipe left: the next slide comes in from the right
    }
  }

  // The controls fade out while the mouse rests, so the audience sees the slide alone.
  var idleTimer = null;
  function wake() {
    root.classList.remove("deck--idle");
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(function () {
      if (!controls.contains(document.activeElement)) {
        root.classList.add("deck--idle");
      }
    }, IDLE_AFTER_MS);
  }

  root.classList.add("deck--stepping");
  controls.hidden = false;
  slides[0].classList.add("is-current");
  show(indexFromHash());

  document.addEventListener("keydown", onKey);
  document.addEventListener("touchstart", onTouchStart, { passive: true });
  document.addEventListener("touchend", onTouchEnd);
  document.addEventListener("mousemove", wake);
  controls.addEventListener("focusin", wake);
  window.addEventListener("hashchange", function () {
    show(indexFromHash());
  });
  controls.querySelector('[data-deck="previous"]').addEventListener("click", function () {
    show(current - 1);
  });
  controls.querySelector('[data-deck="next"]').addEventListener("click", function () {
    show(current + 1);
  });
  controls.querySelector('[data-deck="fullscreen"]').addEventListener("click", toggleFullscreen);
  wake();
})();
