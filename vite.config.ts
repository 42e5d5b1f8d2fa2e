import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";

/**
 * The Swedish dictionary of the spell-check (dictionary-sv, LGPL-3.0): its .aff and .dic are
 * shipped with the renderer as `dictionaries/sv.aff` and `dictionaries/sv.dic`, copied from
 * node_modules at build time (never committed, never downloaded at run time).
 */
function swedishDictionary(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("dictionary-sv"));
  const files = {
    "sv.aff": "index.aff",
    "sv.dic": "index.dic",
    "LICENSE-dictionary-sv.txt": "license",
  } as Record<string, string>;
  return {
    name: "swedish-dictionary",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /\/dictionaries\/([^/?]+)/.exec(req.url ?? "")?.[1];
        const source = name ? files[name] : undefined;
        if (!source) return next();
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.end(readFileSync(join(dir, source)));
      });
    },
    generateBundle() {
      for (const [name, source] of Object.entries(files))
        this.emitFile({
          type: "asset",
          fileName: `dictionaries/${name}`,
          source: readFileSync(join(dir, source)),
        });
    },
  };
}

// The renderer: root renderer/, built to dist/renderer with relative URLs so Electron's loadFile
// and the web host serve the same files.
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [swedishDictionary()],
  resolve: {
    // hunspell-asm's ES build calls a namespace import of nanoid (a CommonJS function), which a
    // bundler cannot call; its CommonJS build requires it and works.
    alias: [
      {
        find: /^hunspell-asm$/,
        replacement: createRequire(import.meta.url).resolve("hunspell-asm"),
      },
    ],
  },
  worker: { format: "es" },
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
