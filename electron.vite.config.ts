import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './main/csp';

const root = import.meta.dirname;
const at = (path: string) => resolve(root, path);

/**
 * The page's Content-Security-Policy comes from main/csp.ts, the same string the main
 * process and browser mode send as a header. `frame-ancestors` is dropped from the meta tag
 * (browsers ignore it there). The dev server needs inline scripts for React Fast Refresh,
 * so `electron-vite dev` relaxes script-src; builds never do.
 */
function contentSecurityPolicy(): Plugin {
  let serving = false;
  return {
    name: 'catalog-studio:csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      let policy = CONTENT_SECURITY_POLICY.split('; ')
        .filter((rule) => !rule.startsWith('frame-ancestors'))
        .join('; ');
      if (serving) policy = policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:");
      return html.replace('%CONTENT_SECURITY_POLICY%', policy);
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
