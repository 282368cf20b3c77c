// What Hearth's browser checks share: Debian's Chromium, a watch on each page for errors, and the
// wallet (EIP-1193) and Nostr extension (NIP-07) a page is given, injected as the real ones are.
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

export async function launch(request) {
  mkdirSync(request.screenshots, { recursive: true })
  return chromium.launch({
    executablePath: request.chromium ?? '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  })
}

/**
 * Collects the page's console errors, uncaught exceptions and failed requests into `errors`, but for
 * the failures named in `expected` ("<status> <url>"): those the check provokes on purpose.
 */
export function watch(page, errors, expected) {
  const provoked = (status, url) => expected.includes(`${status} ${url}`)
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const failed = /status of (\d{3})/.exec(m.text())
    if (failed && provoked(Number(failed[1]), m.location().url)) return
    errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('response', (r) => r.status() >= 400 && !provoked(r.status(), r.url()) && errors.push(`${r.status()} ${r.url()}`))
}

/** An EIP-1193 provider backed by an ethers `wallet`, as `window.ethereum` of the context's pages. */
export async function injectWallet(context, wallet, getBytes) {
  await context.exposeFunction('hearthWalletSign', (hex) => wallet.signMessage(getBytes(hex)))
  await context.addInitScript((address) => {
    window.ethereum = {
      async request({ method, params }) {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address.toLowerCase()]
        if (method === 'personal_sign') return window.hearthWalletSign(params[0])
        throw Object.assign(new Error(`unsupported: ${method}`), { code: 4200 })
      },
    }
  }, wallet.address)
}

/** A NIP-07 extension backed by nostr-tools and `secret`, as `window.nostr` of the context's pages. */
export async function injectNostr(context, nostr, secret) {
  await context.exposeFunction('hearthNostrSign', (template) => nostr.finalizeEvent(template, secret))
  await context.addInitScript((pubkey) => {
    window.nostr = {
      async getPublicKey() {
        return pubkey
      },
      async signEvent(template) {
        return window.hearthNostrSign(template)
      },
    }
  }, nostr.getPublicKey(secret))
}

/** Waits until `check` answers true, trying again every half second. */
export async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Whether the page scrolls sideways (what a phone-sized screen must not do). */
export function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}

/** What the page showed when a step failed: its screen (saved as `<name>.png`), its text, the errors. */
export async function reportFailure(page, request, name, errors) {
  await page?.screenshot({ path: `${request.screenshots}/${name}.png`, fullPage: true }).catch(() => {})
  const text = await page?.evaluate(() => `${location.href}\n${document.body.innerText}`).catch(() => '')
  console.error(`page at failure: ${text}\nerrors: ${JSON.stringify(errors)}`)
}
