import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Entries follow electron-vite's conventions: src/main/index.ts, src/preload/index.ts, src/renderer/index.html.
// better-sqlite3, exceljs and zod are "dependencies", so they stay external in the main bundle.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Imports run in a worker thread with their own connection (src/core/imports/runner.ts).
          'import-worker': resolve(__dirname, 'src/core/imports/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()],
  },
});
