// Admin: the platform's books (revenue, fees, payouts, liabilities), whether they balance, and the
// charges and fees of each of the last 30 days.
import { getJson } from './api'
import { askToSignIn, current } from './auth'
import { esc, usdc } from './format'
import { problem } from './market'

interface Economics {
  revenue: number
  platformFees: number
  payouts: number
  payoutsInFlight: number
  tenantAvailable: number
  tenantHeld: number
  operatorEarned: number
  unclaimedDeposits: number
  liabilities: number
  deposits: number
  adminCredits: number
  ledgerSum: number
  booksBalance: boolean
  daily: { day: string; charged: number; fees: number }[]
  chain?: { enabled: boolean; holdings?: number; expected: number; consistent: boolean }
}

export function isAdmin(): boolean {
  return current()?.account.roles.includes('admin') ?? false
}

export async function renderAdmin(main: HTMLElement): Promise<void> {
  if (!current()) {
    askToSignIn(main, 'Sign in as an admin to see the economics report.')
    return
  }
  main.innerHTML = '<h1>Economics</h1><div id="economics"><p class="loading">Loading…</p></div>'
  const box = main.querySelector<HTMLElement>('#economics')!
  let e: Economics
  try {
    e = await getJson<Economics>('admin/economics')
  } catch (err) {
    box.innerHTML = problem(err)
    return
  }
  const tile = (label: string, amount: number, note: string) =>
    `<article class="card"><h3>${esc(label)}</h3><p class="amount">${usdc(amount)}</p><p class="free">${esc(note)}</p></article>`
  box.innerHTML = `
    <p class="banner ${e.booksBalance ? 'ok' : 'bad'}" id="books" role="status">${
      e.booksBalance
        ? 'The books balance: every ledger account sums to zero.'
        : `The books do not balance: the ledger sums to ${usdc(e.ledgerSum)}.`
    }${
      e.chain?.enabled
        ? ` On chain the platform holds ${e.chain.holdings == null ? 'an unknown amount (RPC down)' : usdc(e.chain.holdings)},
            ${e.chain.consistent ? 'covering' : 'NOT covering'} the ${usdc(e.chain.expected)} expected.`
        : ' Settlement on chain is off.'
    }</p>
    <h2>Income</h2>
    <div class="cards balances">
      ${tile('Revenue', e.revenue, 'What tenants were charged')}
      ${tile('Platform fees', e.platformFees, 'Hearth’s share of the revenue')}
      ${tile('Payouts', e.payouts, `Paid to operators; ${usdc(e.payoutsInFlight)} in flight`)}
    </div>
    ${dailyChart(e.daily)}
    <h2>Liabilities</h2>
    <div class="cards balances">
      ${tile('Total', e.liabilities, 'What Hearth owes tenants and operators')}
      ${tile('Tenants, available', e.tenantAvailable, 'Balances not yet used')}
      ${tile('Tenants, held', e.tenantHeld, 'Set aside for running periods')}
      ${tile('Operators, earned', e.operatorEarned, 'Not yet paid out')}
      ${tile('Unclaimed deposits', e.unclaimedDeposits, 'From wallets linked to no account')}
    </div>
    <h2>Money in</h2>
    <div class="cards balances">
      ${tile('Deposits', e.deposits, 'Confirmed on chain')}
      ${tile('Admin credits', e.adminCredits, 'Granted by admins')}
    </div>`
}

/** Charges (bars) and fees (darker bars) per UTC day. */
function dailyChart(daily: Economics['daily']): string {
  if (!daily.length) return '<p class="empty">No charges in the last 30 days.</p>'
  const width = 300
  const height = 80
  const bar = width / Math.max(30, daily.length)
  const max = Math.max(1, ...daily.map((d) => d.charged))
  const bars = daily
    .map((d, i) => {
      const h = (d.charged / max) * height
      const f = (d.fees / max) * height
      return `<g><title>${esc(d.day)}: charged ${usdc(d.charged)}, fees ${usdc(d.fees)}</title>
        <rect class="charged" x="${(i * bar).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" />
        <rect class="fees" x="${(i * bar).toFixed(1)}" y="${(height - f).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${f.toFixed(1)}" /></g>`
    })
    .join('')
  return `<h3>Charges and fees per day</h3><svg class="uptime economics" viewBox="0 0 ${width} ${height}" role="img"
    aria-label="Charges and fees per day, at most ${usdc(max)} a day">${bars}</svg>`
}
