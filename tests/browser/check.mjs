// Drives headless Chromium over a built site (out/), page by page, from
// file:// URLs as a visitor without a server would: every link must
// resolve (anchors included), axe-core must report no serious or critical
// violation, and a screenshot of each page is saved.
//
// Usage: node check.mjs <out folder> <screenshot folder> [chromium path]
// Prints one JSON report on stdout; exits 1 on any problem.

import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const [out, shots, executablePath = "/usr/bin/chromium"] = process.argv.slice(2);
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
// Fragments are embedded in other pages, not visited on their own.
const pages = manifest.artifacts
  .filter((a) => a.path.endsWith(".html") && a.kind !== "fragment")
  .map((a) => a.path);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const problems = [];
let links = 0;
for (const path of pages) {
  const page = await context.newPage();
  const url = pathToFileURL(resolve(out, path)).href;
  await page.goto(url);
  // Links: every href of the page, as the browser resolves it.
  const hrefs = await page.$$eval("a[href], link[href]", (elements) =>
    elements.map((e) => e.href),
  );
  for (const href of hrefs) {
    if (!href.startsWith("file:")) continue;
    links += 1;
    const [file, anchor] = href.split("#");
    const target = fileURLToPath(file);
    if (!existsSync(target)) {
      problems.push(`${path}: link to ${href} does not resolve`);
    } else if (anchor && !readFileSync(target, "utf8").includes(`id="${anchor}"`)) {
      problems.push(`${path}: link to ${href}: no element with that id`);
    }
  }
  // Accessibility: WCAG 2 A and AA rules.
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] }),
  );
  for (const violation of result.violations) {
    if (violation.impact === "serious" || violation.impact === "critical") {
      const where = violation.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
      problems.push(`${path}: ${violation.impact}: ${violation.id}: ${violation.help} (${where})`);
    }
  }
  const shot = join(shots, path.replace(/\.html$/, ".png"));
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
}
await browser.close();
console.log(JSON.stringify({ pages: pages.length, links, problems }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);
