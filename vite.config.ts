import { defineConfig } from "vite";

// The renderer: root renderer/, built to dist/renderer with relative URLs so Electron's loadFile
// and the web host serve the same files.
export default defineConfig({
  root: "renderer",
  base: "./",
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
