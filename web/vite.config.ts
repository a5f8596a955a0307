/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Two pages: the console (index.html) and GraphiQL (graphiql.html), each
// with its own scripts, so the console's first load never carries the IDE.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { console: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's dependencies mark modules "use client" for React Server
      // Components, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: { include: ['src/**/*.test.ts'] }, // e2e/ runs in a real browser, under node --test
  server: { proxy: { '/graphql': 'http://localhost:8080', '/auth': 'http://localhost:8080', '/events': 'http://localhost:8080' } },
});
