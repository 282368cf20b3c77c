// Deposits through Hearth's billing screen, in Debian's Chromium: a tenant signs in with a wallet
// (EIP-1193, backed by ethers), reads the deposit QR code off the screen, copies the address, pays
// what the code says on the chain, and sees the deposit credited. One line of JSON on stdout.
//
//   node deposit-check.mjs < request.json
//   request: {"url":"<a Hearth with a settlement chain>/", "screenshots":"/path/to/dir",
//             "ethersDir":"<where npm installed ethers>", "privateKey":"0x<a wallet with ETH and tokens>",
//             "rpcUrl":"<the chain's JSON-RPC>", "amount":<smallest units to deposit>}
// Errors go to stderr with exit status 1.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { injectWallet, launch, overflows, reportFailure, watch } from './browser-common.mjs'

const request = JSON.parse(readFileSync(0, 'utf8'))
const { Contract, JsonRpcProvider, Wallet, getBytes } = createRequire(`${request.ethersDir}/`)('ethers')
const wallet = new Wallet(request.privateKey, new JsonRpcProvider(request.rpcUrl))
const browser = await launch(request)
const errors = []
const result = { errors }
let page
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(request.url).origin })
  await injectWallet(context, wallet, getBytes)
  page = await context.newPage()
  watch(page, errors, [])
  const shot = (name) => page.screenshot({ path: `${request.screenshots}/${name}.png`, fullPage: true })

  await page.goto(`${request.url}#/signin`)
  await page.click('#signin-eth')
  await page.waitForSelector('#account .who')
  await page.click('nav a[data-nav=billing]')
  // Once the whole screen is drawn (balances and ledger above and below move the code while they load).
  await page.waitForSelector('#deposit-qr svg')
  await page.waitForSelector('#balance-available')
  await page.waitForSelector('table.ledger, #ledger .empty')

  // The QR code as the screen shows it, read the way a wallet's camera would.
  const qr = await page.locator('#deposit-qr svg').screenshot({ path: `${request.screenshots}/deposit-qr.png` })
  const png = PNG.sync.read(qr)
  result.qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
  result.address = await page.textContent('#deposit-address')
  result.token = await page.textContent('#deposit-token')
  result.chainId = await page.textContent('#deposit-chain')
  result.confirmations = await page.textContent('#deposit-confirmations')
  result.from = await page.textContent('#deposit-wallets')
  await page.click('#copy-address')
  await page.waitForSelector('#copy-status:text("Copied")')
  result.copied = await page.evaluate(() => navigator.clipboard.readText())
  await shot('billing-deposit')
  await page.setViewportSize({ width: 390, height: 844 })
  result.phoneOverflow = await overflows(page)
  await shot('billing-deposit-phone')
  await page.setViewportSize({ width: 1280, height: 900 })

  // Pay what the code says: the token's transfer, on its chain, to its address.
  const scanned = /^ethereum:(0x[0-9a-fA-F]{40})@(\d+)\/transfer\?address=(0x[0-9a-fA-F]{40})$/.exec(result.qr ?? '')
  if (!scanned) throw new Error(`not an EIP-681 token transfer: ${result.qr}`)
  const [, token, chainId, to] = scanned
  result.walletChainId = String((await wallet.provider.getNetwork()).chainId)
  if (result.walletChainId !== chainId) throw new Error(`the wallet is on chain ${result.walletChainId}, the code says ${chainId}`)
  const availableBefore = await page.textContent('#balance-available')
  const erc20 = new Contract(token, ['function transfer(address to, uint256 amount) returns (bool)'], wallet)
  await (await erc20.transfer(to, request.amount)).wait()
  // Credited once confirmed, and pushed to the screen: no reload.
  await page.waitForSelector('table.ledger tr[data-movement=DEPOSIT]', { timeout: 60_000 })
  await page.waitForFunction(
    (before) => document.querySelector('#balance-available')?.textContent !== before,
    availableBefore,
    { timeout: 10_000 },
  )
  result.availableAfterDeposit = await page.textContent('#balance-available')
  await shot('billing-deposited')
} catch (e) {
  await reportFailure(page, request, 'deposit-failure', errors)
  throw e
} finally {
  await browser.close()
}
console.log(JSON.stringify(result))
