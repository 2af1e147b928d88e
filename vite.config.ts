/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

// The inline <script> and <style> elements of the built page (their content ends at the first
// closing tag: the HTML parser allows nothing else, so strings inside the code cannot fool it).
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
// The page's policy: the first <meta http-equiv> of index.html (the report template in the code
// holds another, which the non-global pattern never reaches).
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Replaces 'unsafe-inline' in the page's Content-Security-Policy with the hashes of the inline
 * script and style the single-file build produced: only that exact code may run. Runs after
 * vite-plugin-singlefile has inlined everything; fails the build if the policy is missing.
 */
function cspHashes(): Plugin {
  return {
    name: 'csp-hashes',
    enforce: 'post',
    apply: 'build',
    // After vite-plugin-singlefile's own post-ordered generateBundle (plugin order breaks the tie).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset' || typeof page.source !== 'string')
          throw new Error('csp-hashes: no index.html in the bundle');
        const html = page.source;
        const scripts = [...html.matchAll(INLINE_SCRIPT)].map((m) => sha256(m[1] ?? ''));
        const styles = [...html.replace(INLINE_SCRIPT, '').matchAll(INLINE_STYLE)].map((m) =>
          sha256(m[1] ?? ''),
        );
        let replaced = 0;
        page.source = html.replace(CSP_META, (_all, open: string, policy: string) => {
          replaced++;
          const tightened = policy
            .replace("script-src 'self' 'unsafe-inline'", `script-src 'self' ${scripts.join(' ')}`)
            .replace("style-src 'self' 'unsafe-inline'", `style-src 'self' ${styles.join(' ')}`);
          return `${open}${tightened}"`;
        });
        if (replaced !== 1)
          throw new Error('csp-hashes: index.html has no Content-Security-Policy');
      },
    },
  };
}

// base './' keeps every URL relative, so dist/ works from any sub-path and from file://.
// singlefile inlines JS and CSS: module scripts are CORS-blocked on file://.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), viteSingleFile(), cspHashes()],
  // A classic (iife) worker: Chromium refuses a module worker from a blob: URL on a file:// page.
  worker: { format: 'iife' },
  test: {
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
