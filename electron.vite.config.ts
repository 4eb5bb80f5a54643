import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './main/csp';

const root = import.meta.dirname;
const at = (path: string) => resolve(root, path);

/** The policy as a meta tag may carry it: browsers ignore `frame-ancestors` there. */
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((rule) => !rule.startsWith('frame-ancestors'))
  .join('; ');

/**
 * renderer/index.html spells out its Content-Security-Policy (so reviewers and the security
 * scan read the real thing); the build fails if it drifts from main/csp.ts, the policy main
 * and browser mode send as a header. The dev server needs inline scripts for React Fast
 * Refresh and a socket for hot reload, so `electron-vite dev` relaxes it; builds never do.
 */
function contentSecurityPolicy(): Plugin {
  let serving = false;
  return {
    name: 'catalog-studio:csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const written = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
      if (written !== metaPolicy) {
        throw new Error(
          `renderer/index.html's Content-Security-Policy differs from main/csp.ts.\nExpected: ${metaPolicy}`,
        );
      }
      if (!serving) return html;
      const relaxed = metaPolicy
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws:");
      return html.replace(metaPolicy, relaxed);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // keytar is optional (it needs libsecret headers to build), so it is not in `dependencies`.
      externalizeDeps: { include: ['keytar'] },
      lib: {
        entry: {
          index: at('main/index.ts'),
          worker: at('main/worker/index.ts'),
          web: at('main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload cannot require packages: bundle everything, as CommonJS.
      externalizeDeps: false,
      lib: { entry: at('preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: at('out/renderer'),
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});
