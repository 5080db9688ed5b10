// Runs Lighthouse (accessibility, best practices, SEO) on each address given, with one Chrome for
// all of them, and prints one JSON object: per address the scores, the audits that did not pass and
// every address the page asked for. tests/test_lighthouse.py calls it.
//
//   node lighthouse.mjs OUT_DIR URL...      (CHROME_PATH names the browser; full reports go to OUT_DIR)
//
// No network: Chrome's own background traffic is off (chrome-launcher's default flags), and the host
// resolver knows no name but the local server's, so nothing can reach another host. The node API
// writes no HTML report, so no fonts or scripts are fetched for one.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["accessibility", "best-practices", "seo"];

const [outDir, ...urls] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});

const result = {};
try {
  for (const [index, url] of urls.entries()) {
    const started = Date.now();
    const runner = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", disableFullPageScreenshot: true },
      {
        extends: "lighthouse:default",
        // network-requests belongs to none of these categories; it lists what the page fetched.
        settings: {
          onlyCategories: CATEGORIES,
          onlyAudits: ["network-requests"],
          // A static site on this machine: the browser's cache may stay from page to page, there is
          // no need to open about:blank first, and a short quiet time tells that a page is done.
          disableStorageReset: true,
          skipAboutBlank: true,
          pauseAfterFcpMs: 100,
          pauseAfterLoadMs: 100,
          networkQuietThresholdMs: 250,
          cpuQuietThresholdMs: 250,
        },
      },
    );
    const lhr = runner.lhr;
    writeFileSync(join(outDir, `${index}.json`), runner.report);
    const failing = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          const items = (audit.details && audit.details.items) || [];
          failing.push({
            category,
            id: audit.id,
            title: audit.title,
            items: items.slice(0, 5).map((item) => JSON.stringify(item.node?.snippet ?? item.source ?? item).slice(0, 300)),
          });
        }
      }
    }
    result[url] = {
      scores: Object.fromEntries(CATEGORIES.map((category) => [category, lhr.categories[category].score])),
      failing,
      requests: (lhr.audits["network-requests"].details?.items ?? []).map((item) => item.url),
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
      warnings: lhr.runWarnings,
      seconds: (Date.now() - started) / 1000,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(result));
