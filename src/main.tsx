/** Boots the page: theme before first paint, the router, the service worker (http(s) only). */
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isDark, useApp } from './app/store.ts';
import { router } from './app/router.tsx';
import './index.css';

// persist reads localStorage synchronously, so the theme is right before the first paint.
document.documentElement.classList.toggle('dark', isDark(useApp.getState().theme));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}

// Service workers do not exist on file://; the single file works there without one.
if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // No offline copy this time; the page itself works.
    });
  });
}
