// One impression of the "You may also like" block per page view, sent once at least half of it
// has been on screen (or, for a block taller than twice the window, half the window's height of
// it): the block's signed token (which links stood in which slots), nothing about the reader.
// Not before a prerendered page is shown, and never under Do Not Track or Global Privacy
// Control. No cookie, no storage, nothing sent anywhere but our own /r/seen/ (docs/privacy.md).
(function () {
  "use strict";
  var block = document.querySelector("section.related[data-block][data-seen]");
  if (!block || !navigator.sendBeacon || !("IntersectionObserver" in window)) return;
  if (navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl) {
    return;
  }
  var steps = [];
  for (var i = 0; i <= 20; i++) steps.push(i / 20);

  function halfSeen(entry) {
    var height = entry.rootBounds ? entry.rootBounds.height : window.innerHeight;
    var needed = Math.min(entry.boundingClientRect.height, height) / 2;
    return entry.isIntersecting && needed > 0 && entry.intersectionRect.height >= needed;
  }

  function watch() {
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(halfSeen)) return;
      observer.disconnect();
      navigator.sendBeacon(block.dataset.seen, new Blob([block.dataset.block], { type: "text/plain" }));
    }, { threshold: steps });
    observer.observe(block);
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", watch, { once: true });
  } else {
    watch();
  }
})();
