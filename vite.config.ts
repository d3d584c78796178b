// Builds the React renderer. The bundle is loaded from app:// in Electron and over
// http by the browser harness, so every asset URL is relative (base './').
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    // outDir lies outside root, so Vite only clears it when told to.
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // Loopback only: the dev server must not be reachable from the dealership LAN.
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
});
