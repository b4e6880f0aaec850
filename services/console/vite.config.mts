import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The console is built into the workspace's dist folder, where the all-in-one and reporting serve it from. */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/services/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1_200,
  },
});
