/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// base './' keeps every URL relative, so dist/ works from any sub-path and from file://.
// singlefile inlines JS and CSS: module scripts are CORS-blocked on file://.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), viteSingleFile()],
  // A classic (iife) worker: Chromium refuses a module worker from a blob: URL on a file:// page.
  worker: { format: 'iife' },
  test: {
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
