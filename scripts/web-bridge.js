// The browser harness's stand-in for Electron's preload: defines `window.kroi` with the
// same two functions, over HTTP and server-sent events. Served by scripts/web-server.ts.
(() => {
  'use strict';
  const listeners = new Map();
  let source = null;
  // The event stream opens after the first call has set the client cookie, so both use one client.
  let called = false;

  function connect() {
    if (source || !called) return;
    source = new EventSource('/api/events');
    source.onmessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      for (const listener of listeners.get(event.name) ?? []) {
        try {
          listener(event.payload);
        } catch (error) {
          console.error(error);
        }
      }
    };
  }

  async function invoke(channel, input) {
    try {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Kroi': '1' },
        body: JSON.stringify({ channel, input }),
      });
      const result = await response.json();
      called = true;
      connect();
      return result;
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The app could not reach its back end.' } };
    }
  }

  function on(event, listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    connect();
    return () => set.delete(listener);
  }

  Object.defineProperty(window, 'kroi', { value: Object.freeze({ invoke, on }), writable: false, configurable: false });
})();
