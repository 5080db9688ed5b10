// Runs Lighthouse (accessibility, best practices, SEO) on each address given, with one Chrome for
// all of them, and prints one JSON object: per address the scores, the audits that did not pass and
// every address the page asked for. tests/test_lighthouse.py calls it.
//
//   node lighthouse.mjs OUT_DIR URL...      (CHROME_PATH names the browser; full reports go to OUT_DIR)
//
// No network: Chrome's own background traffic is off (chrome-launcher's default flags), and the host
// resolver knows no name but the local server's, so nothing can reach another host. The node API
// writes no HTML report, so no fonts or scripts are fetched for one.
//
// One tab for all addresses. Before each one, Lighthouse measures the speed of the machine in the
// page that is open (two busy loops of half a second, "BenchmarkIndex"), for the performance
// category, which is not run here. The tab is on about:blank then, with a clock that jumps a second
// at each look: the loops end at once. The page under audit is a new document with its own clock.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

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

const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
const tab = await browser.newPage();
const result = {};
try {
  for (const [index, url] of urls.entries()) {
    const started = Date.now();
    await tab.goto("about:blank");
    await tab.evaluate(() => {
      let now = Date.now();
      Date.now = () => (now += 1000);
    });
    const runner = await lighthouse(
      url,
      { output: "json", logLevel: "error", disableFullPageScreenshot: true },
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
      tab,
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
  await browser.disconnect();
  await chrome.kill();
}
process.stdout.write(JSON.stringify(result));
