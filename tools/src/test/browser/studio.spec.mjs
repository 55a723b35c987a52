// Drives bin/db studio in Debian's headless Chromium: node studio.spec.mjs <studio-url> <screenshot.png>
// Exits 0 when every step passed; StudioBrowserIT checks the database afterwards.
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
    console.error('usage: node studio.spec.mjs <studio-url> <screenshot.png>');
    process.exit(2);
}

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const step = (name) => console.log(`step: ${name}`);
try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offsite = [];
    page.on('request', (request) => {
        if (!request.url().startsWith(new URL(url).origin)) offsite.push(request.url());
    });
    page.on('dialog', (dialog) => dialog.accept());
    const expectText = async (selector, text) => {
        await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
    };

    step('open the studio with the printed URL');
    await page.goto(url);
    if (page.url().includes('token=')) throw new Error(`the token stayed in the address bar: ${page.url()}`);
    await expectText('#tables a[data-table="user"]', '10');

    step('browse a seeded table');
    await page.click('#tables a[data-table="user"]');
    await expectText('#range', 'of 10');

    step('filter it');
    await page.fill('input[data-filter="email_verified"]', 'false');
    await page.click('#apply-filters');
    await expectText('#range', 'of 3');
    await expectText('#rows tbody', 'Charlie Brown');

    step('open a row and edit it');
    await page.click('#rows tbody a:text("usr_charlie000000000")');
    await page.locator('input[data-column="name"]').waitFor();
    await page.fill('input[data-column="name"]', 'Charlie Studio');
    await page.click('#save');
    await expectText('#notice', 'Saved.');

    step('see a refused edit with the database\'s error');
    await page.fill('input[data-column="email_verified"]', 'maybe');
    await page.click('#save');
    await expectText('#error', 'invalid input syntax for type boolean: "maybe"');

    step('follow a foreign key from a member row');
    await page.goto(`${new URL(url).origin}/#/t/member`);
    await expectText('#range', 'of 10');
    await page.locator('#rows tbody a[href^="#/r/user"]').first().click();
    await expectText('h2', 'user / usr_');

    step('screenshot the refused edit');
    // a fresh load, so no earlier view can replace the form while it is being filled
    await page.goto(`${new URL(url).origin}/#/r/user?key.id=usr_charlie000000000`);
    await page.reload();
    await page.locator('input[data-column="name"][value="Charlie Studio"]').waitFor();
    await page.fill('input[data-column="email_verified"]', 'maybe');
    await page.click('#save');
    await expectText('#error', 'maybe');
    await page.screenshot({ path: screenshot, fullPage: true });

    if (offsite.length) throw new Error(`the page loaded something from elsewhere: ${offsite.join(', ')}`);
    console.log('studio.spec: all steps passed');
} catch (e) {
    console.error(`studio.spec failed: ${e.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
