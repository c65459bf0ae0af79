// The web pages in a real browser: Debian's chromium, headless, driven by playwright-core, with axe-core
// for accessibility. Run by run-browser-test.sh (BLOG_URL: a seeded server; WEB_TEST_MODULES: the
// node_modules with the pinned packages). `--screenshots DIR` instead writes the home page and an article
// of the demo data, light and dark, into DIR (./dev screenshots).
'use strict';
const path = require('path');
const modules = process.env.WEB_TEST_MODULES;
const { chromium } = require(path.join(modules, 'playwright-core'));
const axePath = path.join(modules, 'axe-core', 'axe.min.js');

const BASE = process.env.BLOG_URL;
const screenshotDir = process.argv[2] === '--screenshots' ? process.argv[3] : null;
const failures = [];
let checks = 0;
function check(condition, message) {
  checks++;
  if (!condition) failures.push(message);
}

async function api(method, pathName, body, token) {
  const response = await fetch(BASE + pathName, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathName}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function accessibility(page, name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(serious.length === 0,
    `${name}: axe found ${serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`).join('; ')}`);
}

async function screenshots(dir) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(BASE + '/');
      await page.screenshot({ path: path.join(dir, `web-home-${scheme}.png`) });
      await page.goto(BASE + '/posts/title-1-3');
      await page.screenshot({ path: path.join(dir, `web-article-${scheme}.png`) });
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  if (screenshotDir) return screenshots(screenshotDir);
  const { token } = await api('POST', '/user/sign-in', { email: 'foo@bar.com', password: 'password123' });
  // Enough articles for a second page (ten a page), and one that tries everything.
  for (let i = 1; i <= 8; i++) {
    await api('POST', '/article', {
      title: `Browser article ${i}`, description: `Article number ${i}, for paging.`,
      text: `Some **bold** text and a [link](https://example.org/${i}).`, tags: ['browser'],
    }, token);
  }
  const hostile = await api('POST', '/article', {
    title: '<script>window.__xss = "title"</script>',
    description: '<img src=x onerror="window.__xss = \'description\'">',
    text: [
      '# A heading', '', 'Markdown *works*:', '', '- one', '- two', '',
      '<script>window.__xss = "text"</script>', '',
      '<img src=x onerror="window.__xss = \'img\'">', '',
      '[click me](javascript:window.__xss=\'link\')', '',
      '```', 'code <b>block</b>', '```',
    ].join('\n'),
    tags: ['<script>window.__xss="tag"</script>', 'safe'],
  }, token);
  await api('POST', `/article/${encodeURIComponent(hostile.slug)}/comment`,
    { text: '<script>window.__xss = "comment"</script> <a href="javascript:window.__xss=1">x</a>' }, token);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    // The pages' Content-Security-Policy would stop any script anyway; bypassing it (axe needs to run)
    // makes this a test of the escaping itself.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const consoleErrors = [];
    const dialogs = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });

    // Home: newest first, ten a page, and the older page one click away.
    let response = await page.goto(BASE + '/');
    check(response.status() === 200, `home: status ${response.status()}`);
    check((await page.title()) === 'Blog', `home: title ${await page.title()}`);
    check(await page.getAttribute('html', 'lang') === 'en', 'home: no lang');
    check((await page.locator('li.article-summary').count()) === 10, 'home: not ten articles');
    check((await page.locator('li.article-summary h2').first().textContent()).includes('<script>'),
      'home: the hostile title is not first, as text');
    await accessibility(page, 'home');
    await page.click('a[rel="next"]');
    check(page.url() === BASE + '/?page=2', `older: url ${page.url()}`);
    check((await page.locator('li.article-summary').count()) === 2, 'page 2: not two articles');
    check((await page.textContent('main')).includes('title 1/3'), 'page 2: no title 1/3');
    await page.click('a[rel="prev"]');
    check(page.url() === BASE + '/', `newer: url ${page.url()}`);

    // An article: Markdown rendered, comments shown; tag and author links navigate.
    await page.goto(BASE + '/posts/title-1-3');
    check((await page.textContent('.text strong')) === 'first', 'article: Markdown not rendered');
    check((await page.locator('li.comment').count()) === 2, 'article: not two comments');
    check((await page.textContent('section.comments')).includes('Nice first article!'), 'article: comment text missing');
    await accessibility(page, 'article');
    await page.click('a.tag:text-is("foo1")');
    check(page.url() === BASE + '/tags/foo1', `tag link: url ${page.url()}`);
    check((await page.textContent('h1')).includes('foo1'), 'tag page: heading');
    check((await page.locator('li.article-summary').count()) === 1, 'tag page: not one article');
    await accessibility(page, 'tag');
    await page.click('a.author >> nth=0');
    check(page.url() === BASE + '/authors/1', `author link: url ${page.url()}`);
    check((await page.textContent('h1')) === 'Articles by Foo Bar', 'author page: heading');

    // The hostile article: everything shows as text and nothing runs.
    response = await page.goto(BASE + '/posts/' + encodeURIComponent(hostile.slug));
    check(response.status() === 200, `hostile article: status ${response.status()}`);
    check((await page.title()).startsWith('<script>window.__xss = "title"</script>'), `hostile: title ${await page.title()}`);
    check((await page.textContent('article .description')).includes('onerror='), 'hostile: description not text');
    check((await page.textContent('.text')).includes('<script>window.__xss = "text"</script>'), 'hostile: text not shown');
    check((await page.locator('.text h1').textContent()) === 'A heading', 'hostile: Markdown heading');
    check((await page.locator('.text li').count()) === 2, 'hostile: Markdown list');
    check((await page.locator('.text pre code').textContent()).includes('code <b>block</b>'), 'hostile: code block');
    check((await page.locator('main script, main img').count()) === 0, 'hostile: a script or img element in the page');
    check((await page.getAttribute('a:text-is("click me")', 'href')) === '#', 'hostile: javascript: link kept');
    check((await page.textContent('section.comments')).includes('<script>window.__xss = "comment"</script>'),
      'hostile: comment not shown as text');
    await page.click('a:text-is("click me")');
    await page.goto(BASE + '/tags/' + encodeURIComponent('<script>window.__xss="tag"</script>'));
    check((await page.textContent('h1')).includes('<script>'), 'hostile tag page: heading not text');
    check((await page.evaluate(() => window.__xss)) === undefined, 'hostile: a script ran');
    check(dialogs.length === 0, `hostile: dialogs ${dialogs}`);
    await page.goto(BASE + '/posts/' + encodeURIComponent(hostile.slug));
    check((await page.evaluate(() => window.__xss)) === undefined, 'hostile article: a script ran');
    await accessibility(page, 'hostile article');

    // Not found: a page of its own with a way home.
    response = await page.goto(BASE + '/posts/no-such-article');
    check(response.status() === 404, `404: status ${response.status()}`);
    check((await page.textContent('h1')) === 'Not found', '404: heading');
    await page.click('a:text-is("Back to the home page")');
    check(page.url() === BASE + '/', '404: link home');
    // Console errors other than the 404's own "Failed to load resource".
    const unexpected = consoleErrors.filter((e) => !e.includes('404'));
    check(unexpected.length === 0, `console errors: ${unexpected.join(' | ')}`);

    // Light and dark, from prefers-color-scheme.
    const background = async () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(BASE + '/');
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    check(light !== dark, `dark mode: same background ${light}`);
    // A phone: no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(BASE + '/posts/title-1-3');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `phone: page ${overflow}px wider than the screen`);
  } finally {
    await browser.close();
  }
  for (const failure of failures) console.log('FAIL:', failure);
  console.log(`browser: ${checks - failures.length} of ${checks} checks passed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => { console.error(error); process.exit(2); });
