import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves this app at `/` and the API at `/trpc` on one port; in dev, vite proxies the API.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/trpc": "http://127.0.0.1:3000" } },
  build: { chunkSizeWarningLimit: 1500 },
});
