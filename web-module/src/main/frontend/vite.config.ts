import { defineConfig } from 'vite'

// Built into web-module/target/frontend, which the WAR serves at its root. Everything is bundled:
// the page loads nothing from any other origin.
export default defineConfig({
  base: './',
  build: {
    outDir: process.env.HEARTH_FRONTEND_OUT ?? '../../../target/frontend',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
})
