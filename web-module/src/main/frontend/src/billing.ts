// Billing: my balances, where to deposit (with a QR code for wallets), open notices (low balance,
// suspended VMs) and the ledger, with a CSV export. Balances and ledger follow each billing period.
import QRCode from 'qrcode'
import { ApiProblem, getJson, type Balance, type DepositInfo, type LedgerEntry, type Notice } from './api'
import { askToSignIn, checksumAddress, current, refresh } from './auth'
import { follow } from './events'
import { esc, usdc } from './format'
import { problem } from './market'

/** QR modules are drawn this many pixels wide: whole pixels keep the code sharp for any camera. */
const QR_MODULE_PX = 4
const QR_MARGIN = 4

export async function renderBilling(main: HTMLElement): Promise<void> {
  if (!current()) {
    askToSignIn(main, 'Sign in to see your balance and ledger.')
    return
  }
  main.innerHTML = `
    <h1>Billing</h1>
    <div id="notices"></div>
    <div class="cards balances" id="balances"><p class="loading">Loading…</p></div>
    <section aria-labelledby="deposit-title"><h2 id="deposit-title">Deposit</h2>
      <div id="deposit"><p class="loading">Loading…</p></div></section>
    <section aria-labelledby="ledger-title"><h2 id="ledger-title">Ledger, last 30 days, newest first</h2>
      <p><a href="api/account/ledger?format=csv" download="hearth-ledger.csv">Export as CSV</a></p>
      <div id="ledger"><p class="loading">Loading…</p></div></section>`
  void showDeposit(main.querySelector<HTMLElement>('#deposit')!)
  // Each billing period held or settled, and each deposit, moves money: read it again when the
  // server says so.
  follow(['billing', 'deposit'], async () => {
    await refresh().catch(() => undefined)
    await Promise.all([
      showBalances(main.querySelector<HTMLElement>('#balances')!),
      showNotices(main.querySelector<HTMLElement>('#notices')!),
      showLedger(main.querySelector<HTMLElement>('#ledger')!),
    ])
    return true
  })
}

async function showBalances(balances: HTMLElement): Promise<void> {
  try {
    const b = await getJson<Balance>('account/balance')
    const tile = (label: string, amount: number, id: string, note: string) =>
      `<article class="card"><h3>${esc(label)}</h3><p class="amount" id="${id}">${usdc(amount)}</p>
        <p class="free">${esc(note)}</p></article>`
    balances.innerHTML =
      tile('Available', b.available, 'balance-available', 'What new VMs and billing periods can use') +
      tile('Held', b.held, 'balance-held', 'Set aside for the running periods of my VMs') +
      (b.earned || b.paying || b.paid
        ? tile('Earned', b.earned, 'balance-earned', `From my nodes; ${usdc(b.paying)} being paid out, ${usdc(b.paid)} paid`)
        : '')
  } catch (e) {
    balances.innerHTML = problem(e)
  }
}

async function showLedger(ledger: HTMLElement): Promise<void> {
  try {
    const page = await getJson<{ entries: LedgerEntry[]; truncated: boolean; from: string }>('account/ledger')
    const entries = [...page.entries].reverse()
    const older = page.truncated
      ? `<p class="summary">The newest ${entries.length} movements, since <time datetime="${esc(page.from)}">${esc(
          new Date(page.from).toLocaleString(),
        )}</time>.</p>`
      : ''
    ledger.innerHTML = entries.length
      ? `<table class="list ledger"><thead><tr><th>When</th><th>Movement</th><th>Account</th><th class="num">Amount</th>
          <th>Reference</th></tr></thead><tbody>${entries
            .map(
              (e) => `<tr data-movement="${esc(e.movement)}"><td><time datetime="${esc(e.at)}">${esc(new Date(e.at).toLocaleString())}</time></td>
                <td>${esc(e.movement.toLowerCase().replace(/_/g, ' '))}</td><td>${esc(e.account.toLowerCase().replace(/_/g, ' '))}</td>
                <td class="num ${e.amount < 0 ? 'neg' : 'pos'}">${usdc(e.amount)}</td><td class="id">${esc(e.reference ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>${older}`
      : '<p class="empty">No movements in the last 30 days.</p>'
  } catch (e) {
    ledger.innerHTML = problem(e)
  }
}

/** EIP-681: the ERC-20 transfer of the settlement token to the platform, as wallets scan it. */
export function depositUri(d: DepositInfo): string {
  return `ethereum:${checksumAddress(d.token)}@${d.chainId}/transfer?address=${checksumAddress(d.address)}`
}

async function qrSvg(text: string): Promise<string> {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: QR_MARGIN,
    width: (modules + 2 * QR_MARGIN) * QR_MODULE_PX,
    color: { dark: '#000000', light: '#ffffff' },
  })
}

/** Where and how to deposit, with a QR code of the transfer; or why deposits are off. */
async function showDeposit(box: HTMLElement): Promise<void> {
  let d: DepositInfo
  try {
    d = await getJson<DepositInfo>('account/deposit')
  } catch (e) {
    box.innerHTML =
      e instanceof ApiProblem && e.status === 503
        ? `<p class="banner" id="deposits-off">Deposits are off on this Hearth: it has no settlement chain. An admin
            can still credit your account.</p>`
        : problem(e)
    return
  }
  const uri = depositUri(d)
  const address = checksumAddress(d.address)
  const wallets = (current()?.account.keys ?? []).filter((k) => k.kind === 'ETHEREUM')
  box.innerHTML = `<div class="deposit">
    <figure id="deposit-qr" data-uri="${esc(uri)}">${await qrSvg(uri)}
      <figcaption>Scan with your wallet: a transfer of the token to Hearth</figcaption></figure>
    <div>
      <p>Send the settlement token to Hearth's address from a wallet linked to your account; it is
        credited once after ${d.confirmations} confirmation${d.confirmations === 1 ? '' : 's'}.</p>
      <dl class="facts">
        <dt>Send to</dt><dd><code class="id" id="deposit-address">${esc(address)}</code>
          <button type="button" class="secondary" id="copy-address">Copy address</button>
          <span id="copy-status" role="status"></span></dd>
        <dt>Token</dt><dd><code class="id" id="deposit-token">${esc(checksumAddress(d.token))}</code></dd>
        <dt>Chain id</dt><dd id="deposit-chain">${d.chainId}</dd>
        <dt>Confirmations</dt><dd id="deposit-confirmations">${d.confirmations}</dd>
        <dt>From</dt><dd id="deposit-wallets">${
          wallets.length
            ? wallets.map((k) => `<code class="id">${esc(checksumAddress(k.value))}</code>`).join('<br />')
            : '—'
        }</dd>
      </dl>
      ${
        wallets.length
          ? ''
          : `<p class="warning" id="deposit-link">No wallet is linked to your account yet: <a href="#/signin">link
              one on your account page</a> first, or your deposit waits unclaimed for an admin.</p>`
      }
    </div></div>`
  const copied = box.querySelector<HTMLElement>('#copy-status')!
  box.querySelector('#copy-address')!.addEventListener('click', () => {
    navigator.clipboard
      .writeText(address)
      .then(() => (copied.textContent = 'Copied'))
      .catch(() => {
        // No clipboard (an insecure page, a refused permission): select it for a manual copy.
        getSelection()?.selectAllChildren(box.querySelector('#deposit-address')!)
        copied.textContent = 'Selected: copy it with your keyboard'
      })
  })
}

/** Low-balance and suspended-VM banners, from the account's open notices. */
export async function showNotices(box: HTMLElement): Promise<void> {
  try {
    const notices = await getJson<Notice[]>('account/notices')
    box.innerHTML = notices
      .map(
        (n) => `<p class="banner ${n.kind === 'VM_SUSPENDED' ? 'bad' : ''}" role="alert">
          <strong>${n.kind === 'VM_SUSPENDED' ? 'VM suspended' : 'Low balance'}:</strong> ${esc(n.message)}
          <a href="#/billing">Billing</a></p>`,
      )
      .join('')
  } catch {
    // notices are a courtesy: the screen works without them
  }
}
