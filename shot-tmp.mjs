import { chromium } from "@playwright/test";
const [,, url, out, w, h, full] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.screenshot({ path: out, fullPage: full === "full" });
await b.close();
