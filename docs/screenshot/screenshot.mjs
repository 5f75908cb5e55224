// The dashboard's resource page in headless Chromium, saved as a PNG: ./wij screenshot (README, Dashboard).
// A plain `chromium --screenshot` gives a blank page: the dashboard draws itself with script over a
// live connection, so the page is driven until every resource is on it.
import { chromium } from 'playwright-core';

const [dashboard, output, ...expected] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(dashboard, { waitUntil: 'networkidle', timeout: 60_000 });
  for (const name of expected) {
    await page.getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 });
  }
  // Health is checked every few seconds; give the grid a moment to show the last of it.
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: output, fullPage: false });
} finally {
  await browser.close();
}
