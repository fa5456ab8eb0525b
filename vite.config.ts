import { resolve } from "node:path";
import { defineConfig } from "vite";

// Two multi-page entries: the screens (display/) and the admin page (admin/).
// Built into dist/, which the hub serves. JSX is compiled for Preact.
export default defineConfig({
  root: ".",
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        display: resolve(import.meta.dirname, "display/index.html"),
        admin: resolve(import.meta.dirname, "admin/index.html"),
      },
    },
  },
});
