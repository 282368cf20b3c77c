// Walks Hearth's page in Debian's Chromium with playwright-core, as a person would, and reports
// what it saw: one line of JSON on stdout. Screenshots of each screen go to the given directory.
//
//   node browser-check.mjs < request.json
//   request: {"url":"http://localhost:18080/", "region":"<a region only the test's node is in>",
//             "screenshots":"/path/to/dir", "chromium":"/usr/lib/chromium/chromium"}
// Errors go to stderr with exit status 1.
import { readFileSync, mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const request = JSON.parse(readFileSync(0, 'utf8'))
mkdirSync(request.screenshots, { recursive: true })
const browser = await chromium.launch({
  executablePath: request.chromium ?? '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
})
const errors = []
const result = { errors }
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`))
  const shot = (name) => page.screenshot({ path: `${request.screenshots}/${name}.png`, fullPage: true })

  await page.goto(request.url)
  await page.waitForSelector('#results .card, #results .empty')
  result.title = await page.title()
  result.relayUrl = await page.textContent('#relay-url')
  await shot('marketplace')

  await page.fill('input[name=region]', request.region)
  await page.click('form.filters button[type=submit]')
  await page.waitForFunction(
    (region) => [...document.querySelectorAll('#results .card .region')].every((e) => e.textContent === region)
      && document.querySelectorAll('#results .card').length > 0,
    request.region,
  )
  result.filtered = await page.$$eval('#results .card', (cards) => cards.map((c) => c.dataset.node))
  result.summary = await page.textContent('#summary')
  await shot('marketplace-filtered')

  await page.click('#results .card a.more')
  await page.waitForSelector('table.reputation tbody tr')
  result.components = await page.$$eval('table.reputation tbody tr td:first-child', (tds) => tds.map((t) => t.textContent))
  result.uptimeBars = await page.$$eval('svg.uptime rect', (r) => r.length)
  result.detailHeading = await page.textContent('main h1')
  await shot('node')

  await page.click('nav a[data-nav=templates]')
  await page.waitForSelector('#templates .card')
  result.templates = await page.$$eval('#templates .card', (c) => c.length)
  await page.fill('input[name=q]', 'redis')
  await page.click('form.filters button[type=submit]')
  await page.waitForFunction(() => {
    const cards = document.querySelectorAll('#templates .card')
    return cards.length > 0 && [...cards].every((c) => c.textContent.toLowerCase().includes('redis'))
  })
  result.redisTemplates = await page.$$eval('#templates .card', (c) => c.map((e) => e.dataset.template))
  await shot('templates')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(request.url)
  await page.waitForSelector('#results .card')
  result.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
  await shot('marketplace-phone')
} finally {
  await browser.close()
}
console.log(JSON.stringify(result))
