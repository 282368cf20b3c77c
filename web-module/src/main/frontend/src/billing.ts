// Billing: my balances, open notices (low balance, suspended VMs) and the ledger, with a CSV export.
import { getJson, type Balance, type LedgerEntry, type Notice } from './api'
import { askToSignIn, current, refresh } from './auth'
import { esc, usdc } from './format'
import { problem } from './market'

export async function renderBilling(main: HTMLElement): Promise<void> {
  if (!current()) {
    askToSignIn(main, 'Sign in to see your balance and ledger.')
    return
  }
  main.innerHTML = `
    <h1>Billing</h1>
    <div id="notices"></div>
    <div class="cards balances" id="balances"><p class="loading">Loading…</p></div>
    <section aria-labelledby="ledger-title"><h2 id="ledger-title">Ledger, last 30 days, newest first</h2>
      <p><a href="api/account/ledger?format=csv" download="hearth-ledger.csv">Export as CSV</a></p>
      <div id="ledger"><p class="loading">Loading…</p></div></section>`
  await refresh().catch(() => undefined)
  const balances = main.querySelector<HTMLElement>('#balances')!
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
  void showNotices(main.querySelector<HTMLElement>('#notices')!)
  const ledger = main.querySelector<HTMLElement>('#ledger')!
  try {
    const page = await getJson<{ entries: LedgerEntry[] }>('account/ledger')
    const entries = [...page.entries].reverse()
    ledger.innerHTML = entries.length
      ? `<table class="list ledger"><thead><tr><th>When</th><th>Movement</th><th>Account</th><th class="num">Amount</th>
          <th>Reference</th></tr></thead><tbody>${entries
            .map(
              (e) => `<tr><td><time datetime="${esc(e.at)}">${esc(new Date(e.at).toLocaleString())}</time></td>
                <td>${esc(e.movement.toLowerCase().replace(/_/g, ' '))}</td><td>${esc(e.account.toLowerCase().replace(/_/g, ' '))}</td>
                <td class="num ${e.amount < 0 ? 'neg' : 'pos'}">${usdc(e.amount)}</td><td class="id">${esc(e.reference ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>`
      : '<p class="empty">No movements in the last 30 days.</p>'
  } catch (e) {
    ledger.innerHTML = problem(e)
  }
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
