/**
 * npm start's first step: build the app when the build tools are installed
 * (a checkout with devDependencies), or use the existing build when they are
 * not (a production install, `npm ci --omit=dev`, after `npm run build`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
function remixCli(): string | null {
  try {
    return path.join(path.dirname(require.resolve("@remix-run/dev/package.json")), "dist", "cli.js");
  } catch {
    return null;
  }
}
const cli = remixCli();

if (cli && fs.existsSync(cli)) {
  execFileSync(process.execPath, [cli, "build"], { stdio: "inherit" });
} else if (fs.existsSync(path.resolve("build/index.js"))) {
  console.log("Using the existing build (the build tools are not installed here).");
} else {
  console.error(
    "There is no build, and the build tools (devDependencies) are not installed. Run npm run build where they are (npm ci), then npm run serve.",
  );
  process.exit(1);
}
