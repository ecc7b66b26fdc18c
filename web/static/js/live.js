// A page's one live event stream, open only while the page is shown.
//
// Browsers allow six HTTP/1.1 connections per host. A page kept in the back/forward cache keeps
// its connections unless it closes them, so six earlier editor pages in one tab once held all six
// and every request of the seventh waited forever. The stream therefore closes when the page is
// hidden (pagehide) and opens again when the page is shown from the cache (pageshow), and the
// page then fetches what it missed while it was away.

/// Listens to `url` with `handlers` (event name -> function of the parsed data). `status(text)`
/// tells the page when the stream is down; `catchUp()` runs whenever the stream comes back after
/// an interruption, so the page can reload what it shows.
export function connect(url, handlers, { status, catchUp }) {
  let events = null;
  let missed = false;

  function open() {
    events = new EventSource(url);
    for (const [name, handle] of Object.entries(handlers)) {
      events.addEventListener(name, (event) => handle(JSON.parse(event.data)));
    }
    events.addEventListener("error", () => {
      missed = true;
      status(false);
    });
    events.addEventListener("open", () => {
      status(true);
      if (missed) catchUp();
      missed = false;
    });
  }

  function close() {
    events?.close();
    events = null;
  }

  window.addEventListener("pagehide", () => {
    close();
    missed = true;
  });
  window.addEventListener("pageshow", (event) => {
    // A fresh load has opened its stream below; only a page restored from the cache needs one.
    if (event.persisted && events === null) open();
  });
  open();
}
