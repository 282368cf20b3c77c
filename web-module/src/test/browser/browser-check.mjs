// Walks Hearth's page in Debian's Chromium with playwright-core, as a person would, and reports
// what it saw: one line of JSON on stdout. Screenshots of each screen go to the given directory.
//
//   node browser-check.mjs < request.json
//   request: {"url":"http://localhost:18080/", "region":"<a region only the test's node is in>",
//             "screenshots":"/path/to/dir", "chromium":"/usr/lib/chromium/chromium",
//             "secret":"<hex secret key of a funded tenant>", "agentNode":"<a real agent's node id>",
//             "agentRegion":"<its region>", "adminSecret":"<hex secret key of an admin>",
//             "ethersDir":"<where npm installed ethers>", "nostrToolsDir":"<where npm installed nostr-tools>"}
// (a server without a settlement chain: deposits are off)
// Errors go to stderr with exit status 1.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { injectNostr, injectWallet, launch, overflows, reportFailure, until, watch } from './browser-common.mjs'

const request = JSON.parse(readFileSync(0, 'utf8'))
const browser = await launch(request)
const errors = []
// The failures the walk provokes on purpose: this server has no settlement chain.
const expected = [`503 ${request.url}api/account/deposit`]
const result = { errors }
let page

/**
 * Signs in on a fresh profile with the injected signer, clicking `button`, then goes on with `then`
 * if given; the header's name.
 */
async function signInWithInjected(screenshot, button, inject, then) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    await inject(context)
    const other = await context.newPage()
    watch(other, errors, expected)
    await other.goto(`${request.url}#/signin`)
    await other.click(button)
    await other.waitForSelector('#account .who')
    await other.screenshot({ path: `${request.screenshots}/${screenshot}.png`, fullPage: true })
    const corner = await other.textContent('#account .who')
    await then?.(other)
    return corner
  } finally {
    await context.close()
  }
}
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  watch(page, errors, expected)
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
  result.phoneOverflow = await overflows(page)
  await shot('marketplace-phone')
  await page.setViewportSize({ width: 1280, height: 900 })

  // Sign-in with a key made in this browser: the account is shown, the key can be exported.
  page.on('dialog', (d) => d.accept())
  await page.click('#account a.signin')
  await page.waitForSelector('#create-key')
  await shot('signin')
  await page.click('#create-key')
  await page.waitForSelector('#account .who')
  result.generatedCorner = await page.textContent('#account .who')
  await page.click('#account .who')
  await page.waitForSelector('#show-key')
  await page.click('#show-key')
  result.exportedHex = await page.inputValue('#export-hex')
  result.generatedAccount = await page.textContent('#account-id')
  await shot('account')
  await page.click('#signout')
  await page.waitForSelector('#account a.signin')
  result.signedOutCorner = await page.textContent('#account a.signin')

  // Sign-in with an imported key (the funded tenant's): its balance shows.
  await page.click('#account a.signin')
  await page.waitForSelector('#import-key')
  await page.fill('#import-key input[name=secret]', request.secret)
  await page.click('#import-key button[type=submit]')
  await page.waitForSelector('#corner-balance')
  result.balanceAfterSignIn = await page.textContent('#corner-balance')
  await page.click('#account .who')
  await page.waitForSelector('#account-id')
  result.importedAccount = await page.textContent('#account-id')
  await page.waitForSelector('table.sessions tbody tr')
  result.sessions = await page.$$eval('table.sessions tbody tr', (rows) => rows.map((r) => r.textContent))
  await page.click('#show-key')
  result.importedExport = await page.inputValue('#export-hex')

  // Rent the real agent's node: the VM runs, its terminal answers, and it stops.
  await page.goto(`${request.url}#/nodes/${request.agentNode}`)
  await page.waitForSelector('#rent')
  await page.fill('#rent input[name=name]', 'browser-vm')
  await page.fill('#rent input[name=memoryMiB]', '64')
  await page.waitForSelector('#rent-quote strong')
  await shot('rent')
  await page.click('#rent button[type=submit]')
  await page.waitForFunction(() => /^#\/vms\/[0-9a-f-]{36}$/.test(location.hash))
  result.vmId = await page.evaluate(() => location.hash.slice('#/vms/'.length))
  await page.waitForSelector('#vm-title [data-state=RUNNING]', { timeout: 90_000 })
  result.vmState = await page.$eval('#vm-title [data-state]', (e) => e.dataset.state)
  await shot('vm-running')
  // Share it with the account the browser made first.
  await page.waitForSelector('#members-section:not([hidden]) #share')
  await page.fill('#share input[name=accountId]', result.generatedAccount)
  await page.click('#share button[type=submit]')
  await page.waitForSelector(`#members [data-member="${result.generatedAccount}"]`)
  result.members = await page.$$eval('#members [data-member]', (es) => es.map((e) => e.dataset.member))
  await page.click('#vm-terminal')
  await page.waitForFunction(() => document.querySelector('#terminal-state')?.textContent === 'Connected')
  await page.click('#terminal')
  await page.keyboard.type('echo $((6*7))')
  await page.keyboard.press('Enter')
  await page.waitForFunction(
    () => /^42\s*$/m.test([...document.querySelectorAll('#terminal .xterm-rows > div')].map((r) => r.textContent).join('\n')),
    null,
    { timeout: 30_000 },
  )
  result.terminalText = await page.$eval('#terminal .xterm-rows', (e) => e.textContent)
  await shot('terminal')
  // Billing periods are 6 s here: one is held and settled while the VM runs, and the server pushes it
  // to the page, which shows the charge without being reloaded.
  // (The first period, spent provisioning, may cost nothing: the wait is for one that cost something.)
  const charged = '#vm-charges tr[data-settled=true] td:last-child'
  await page.waitForFunction((cells) => [...document.querySelectorAll(cells)].some((td) => td.textContent !== '0 USDC'), charged, {
    timeout: 60_000,
  })
  result.vmCharged = await page.$$eval(charged, (tds) => tds.map((td) => td.textContent).find((t) => t !== '0 USDC'))
  await shot('vm-charged')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await shot('vm-phone')
  await page.setViewportSize({ width: 1280, height: 900 })

  // The billing screen, while the VM runs: the next period's hold lowers the available balance, pushed.
  await page.click('nav a[data-nav=billing]')
  await page.waitForSelector('#balance-available')
  result.availableWhileRunning = await page.textContent('#balance-available')
  await page.waitForFunction(
    (before) => document.querySelector('#balance-available')?.textContent !== before,
    result.availableWhileRunning,
    { timeout: 30_000 },
  )
  result.availableLater = await page.textContent('#balance-available')
  await page.waitForSelector('table.ledger tr[data-movement=SETTLE]')
  result.depositsOff = await page.textContent('#deposits-off')
  await shot('billing-running')
  await page.setViewportSize({ width: 390, height: 844 })
  result.billingPhoneOverflow = await overflows(page)
  await shot('billing-phone')
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.click('nav a[data-nav=vms]')
  await page.waitForSelector('table.vms tbody tr')
  result.vmList = await page.$$eval('table.vms tbody tr', (rows) => rows.map((r) => r.dataset.vm))
  await shot('vms')
  await page.click(`tr[data-vm="${result.vmId}"] a`)
  await page.waitForSelector('#vm-title [data-state=RUNNING]')
  await page.click('#vm-stop')
  await page.waitForSelector('#vm-title [data-state=TERMINATED]', { timeout: 60_000 })
  result.stoppedState = await page.$eval('#vm-title [data-state]', (e) => e.dataset.state)
  result.history = await page.$$eval('#vm-history [data-state]', (es) => es.map((e) => e.textContent))
  await page.waitForSelector('#review-section:not([hidden])')
  await page.selectOption('#review select[name=rating]', '4')
  await page.fill('#review input[name=comment]', 'Quick and tidy')
  await page.click('#review button[type=submit]')
  await page.waitForSelector('#review-thanks')
  await shot('vm-stopped')
  await page.click('#vm-facts a[href^="#/nodes/"]')
  await page.waitForSelector('ul.reviews li')
  result.nodeReviews = await page.$$eval('ul.reviews li', (lis) => lis.map((li) => li.textContent.trim()))

  // Deploy a template (the shell box) onto the same agent's region: it runs, and stops.
  // Found by search: other tests of the same server publish templates of their own.
  await page.click('nav a[data-nav=templates]')
  await page.fill('input[name=q]', 'shell')
  await page.click('form.filters button[type=submit]')
  await page.click('#templates .card[data-template=shell-box] a.more')
  await page.waitForSelector('#deploy')
  await page.fill('#deploy input[name=name]', 'browser-shell-box')
  await page.fill('#deploy input[name=region]', request.agentRegion)
  await page.waitForSelector('#deploy-quote strong')
  await shot('deploy')
  await page.click('#deploy button[type=submit]')
  await page.waitForFunction(() => /^#\/vms\/[0-9a-f-]{36}$/.test(location.hash))
  result.templateVmId = await page.evaluate(() => location.hash.slice('#/vms/'.length))
  await page.waitForSelector('#vm-title [data-state=RUNNING]', { timeout: 90_000 })
  await page.click('#vm-stop')
  await page.waitForSelector('#vm-title [data-state=TERMINATED]', { timeout: 60_000 })
  result.templateVmState = await page.$eval('#vm-title [data-state]', (e) => e.dataset.state)

  await page.click('nav a[data-nav=billing]')
  await page.waitForSelector('#balance-available')
  await page.waitForSelector('table.ledger tbody tr, #ledger .empty')
  result.available = await page.textContent('#balance-available')
  result.ledgerRows = await page.$$eval('table.ledger tbody tr', (rows) => rows.length)
  await shot('billing')

  // Operator: claim the agent's node (its config names this account's key), edit its listing.
  await page.click('nav a[data-nav=operator]')
  await page.waitForSelector('#claim')
  await page.fill('#claim input[name=nodeId]', request.agentNode)
  await page.click('#claim button[type=submit]')
  const listing = `[data-operated="${request.agentNode}"]`
  await page.waitForSelector(listing)
  result.editedRegion = `${request.agentRegion}-edited`
  await page.fill(`${listing} input[name=region]`, result.editedRegion)
  await page.fill(`${listing} input[name=tags]`, 'browser-test, fast')
  await page.fill(`${listing} input[name=pricePerPointHour]`, '7')
  await page.fill(`${listing} textarea[name=description]`, 'Run by the browser test')
  await page.click(`${listing} button[type=submit]`)
  await page.waitForSelector(`${listing} .saved`)
  result.savedCard = {
    region: await page.textContent(`${listing} .card .region`),
    tags: await page.$$eval(`${listing} .card .tag`, (ts) => ts.map((t) => t.textContent)),
    price: await page.textContent(`${listing} .card .price`),
  }
  // A tag longer than the API takes: the answer's problem+json title and detail show, nothing changes.
  expected.push(`400 ${request.url}api/nodes/${request.agentNode}/profile`)
  await page.fill(`${listing} input[name=tags]`, `browser-test, ${'x'.repeat(65)}`)
  await page.click(`${listing} button[type=submit]`)
  await page.waitForSelector(`${listing} .problem`)
  result.listingProblem = {
    title: await page.textContent(`${listing} .problem .problem-title`),
    detail: await page.textContent(`${listing} .problem .problem-detail`),
  }
  await shot('operator-invalid')
  await page.waitForSelector('#earned')
  await page.waitForSelector('svg.earnings rect[height]:not([height="0.0"])')
  result.earningDays = await page.$$eval('svg.earnings rect', (rs) => rs.filter((r) => Number(r.getAttribute('height')) > 0).length)
  result.operated = await page.$$eval('[data-operated]', (es) => es.map((e) => e.dataset.operated))
  result.earned = await page.textContent('#earned')
  await shot('operator')

  // The marketplace shows the edited listing: on the node's page, and found by its new region.
  await page.goto(`${request.url}#/nodes/${request.agentNode}`)
  await until('the edited description on the node page', async () => {
    await page.reload()
    await page.waitForSelector('#node-description')
    return (await page.textContent('#node-description')) === 'Run by the browser test'
  })
  result.editedDetail = {
    heading: await page.textContent('main h1'),
    tags: await page.$$eval('main .card .tag', (ts) => ts.map((t) => t.textContent)),
    price: await page.textContent('main .card .price'),
  }
  await shot('node-edited')
  await page.click('nav a[data-nav=market]')
  await page.waitForSelector('form.filters')
  await page.fill('input[name=region]', result.editedRegion)
  await until('the node found by its new region', async () => {
    await page.click('form.filters button[type=submit]')
    await page.waitForSelector('#results .card, #results .empty')
    return (await page.$$('#results .card')).length > 0
  })
  result.foundByEditedRegion = await page.$$eval('#results .card', (cards) => cards.map((c) => c.dataset.node))

  // A wallet (EIP-1193, backed by ethers) and a Nostr extension (NIP-07, backed by nostr-tools),
  // each injected into a fresh browser profile as the real ones inject themselves.
  const { Wallet, getBytes } = createRequire(`${request.ethersDir}/`)('ethers')
  const wallet = Wallet.createRandom()
  result.walletAddress = wallet.address
  result.walletCorner = await signInWithInjected(
    'signin-ethereum',
    '#signin-eth',
    (context) => injectWallet(context, wallet, getBytes),
    async (other) => {
      // The wallet's account links a second key, one made in this browser, which then signs in to it.
      await other.click('#account .who')
      await other.waitForSelector('#link-new-key')
      result.walletAccount = await other.textContent('#account-id')
      await other.click('#link-new-key')
      await other.waitForSelector('#key-done:text("Linked")')
      result.walletAccountKeys = await other.$$eval('#keys li', (lis) => lis.map((li) => li.dataset.kind))
      await other.screenshot({ path: `${request.screenshots}/account-linked.png`, fullPage: true })
      await other.click('#signout-account')
      await other.waitForSelector('#signin-local')
      await other.click('#signin-local')
      await other.waitForSelector('#account .who')
      await other.click('#account .who')
      await other.waitForSelector('#account-id')
      result.secondKeyAccount = await other.textContent('#account-id')
    },
  )
  const nostr = createRequire(`${request.nostrToolsDir}/`)('nostr-tools/pure')
  const extensionKey = nostr.generateSecretKey()
  result.extensionPubkey = nostr.getPublicKey(extensionKey)
  const secondWallet = Wallet.createRandom()
  result.secondWalletAddress = secondWallet.address
  result.extensionCorner = await signInWithInjected(
    'signin-nostr-extension',
    '#signin-nip07',
    async (context) => {
      await injectNostr(context, nostr, extensionKey)
      await injectWallet(context, secondWallet, getBytes)
    },
    async (other) => {
      // The reverse: signed in with Nostr, the account links a wallet. A key of another account is refused.
      await other.click('#account .who')
      await other.waitForSelector('#link-eth')
      await other.click('#link-eth')
      await other.waitForSelector('#key-done:text("Linked")')
      result.extensionAccountKeys = await other.$$eval('#keys li', (lis) => lis.map((li) => li.dataset.key))
      expected.push(`409 ${request.url}api/account/keys`)
      await other.fill('#link-import input[name=secret]', request.secret)
      await other.click('#link-import button[type=submit]')
      await other.waitForSelector('#link-status .problem')
      result.linkTakenProblem = await other.textContent('#link-status .problem')
      await other.screenshot({ path: `${request.screenshots}/account-link-refused.png`, fullPage: true })
      // The wallet is unlinked again (the one key left has no "Unlink").
      other.on('dialog', (d) => d.accept())
      await other.click(`#keys li[data-key="${secondWallet.address.toLowerCase()}"] button.unlink`)
      await other.waitForSelector('#key-done:text("Unlinked")')
      result.keysAfterUnlink = await other.$$eval('#keys li', (lis) => lis.map((li) => li.dataset.key))
      result.unlinkButtonsLeft = await other.$$eval('#keys button.unlink', (bs) => bs.length)
    },
  )

  // An admin (the tests' admin key, imported) sees the economics report.
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const adminPage = await admin.newPage()
    watch(adminPage, errors, expected)
    await adminPage.goto(`${request.url}#/signin`)
    await adminPage.fill('#import-key input[name=secret]', request.adminSecret)
    await adminPage.click('#import-key button[type=submit]')
    await adminPage.waitForSelector('nav a[data-nav=admin]:not([hidden])')
    await adminPage.click('nav a[data-nav=admin]')
    await adminPage.waitForSelector('#books')
    result.books = await adminPage.textContent('#books')
    await adminPage.screenshot({ path: `${request.screenshots}/admin.png`, fullPage: true })
  } finally {
    await admin.close()
  }
} catch (e) {
  await reportFailure(page, request, 'failure', errors)
  throw e
} finally {
  await browser.close()
}
console.log(JSON.stringify(result))
