// One impression of the "You may also like" block, sent when at least half of it has been on
// screen: the block's signed token (which links stood in which slots), nothing about the reader.
// Not sent under Do Not Track or Global Privacy Control (docs/privacy.md).
(function () {
  "use strict";
  var block = document.querySelector("section.related[data-block]");
  if (!block || !navigator.sendBeacon || !("IntersectionObserver" in window)) return;
  if (navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl) return;
  function watch() {
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      navigator.sendBeacon(block.dataset.seen, new Blob([block.dataset.block], { type: "text/plain" }));
    }, { threshold: 0.5 });
    observer.observe(block);
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", watch, { once: true });
  } else {
    watch();
  }
})();
