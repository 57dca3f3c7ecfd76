// Veza's service worker: it only shows pushed notifications and opens Veza when one is clicked. It caches nothing.
'use strict';

self.addEventListener('push', (event) => {
  let message = {};
  try { message = event.data ? event.data.json() : {}; } catch (e) { message = { body: event.data ? event.data.text() : '' }; }
  event.waitUntil(self.registration.showNotification(message.title || 'Veza', {
    body: message.body || '',
    tag: message.tag,
    renotify: Boolean(message.tag),
    icon: '/assets/favicon.svg',
    data: { url: message.url || '/notifications' },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data && event.notification.data.url || '/notifications', self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((client) => new URL(client.url).origin === target.origin);
    if (open) { open.focus(); return open.navigate(target.href); }
    return self.clients.openWindow(target.href);
  }));
});
