// Operator: the nodes I operate (claim, listing and prices), what they earned per day, payouts with
// their transaction hashes, and how to install the agent.
import { getJson, send, type NodeDetail } from './api'
import { askToSignIn, current } from './auth'
import { esc, usdc } from './format'
import { card, problem } from './market'

interface OperatedNode extends NodeDetail {
  earned30Days: number
}

interface Earnings {
  earned: number
  paying: number
  paid: number
  days: { nodeId: string; day: string; earned: number; periods: number }[]
  payouts: { id: string; amount: number; address: string; state: string; txHash?: string; createdAt: string }[]
}

const DAYS = 30

export async function renderOperator(main: HTMLElement): Promise<void> {
  const me = current()
  if (!me) {
    askToSignIn(main, 'Sign in to see the nodes you operate.')
    return
  }
  const key = me.account.keys[0]?.value ?? '<your account key>'
  const server = new URL('.', location.href).href.replace(/\/$/, '')
  main.innerHTML = `
    <h1>My nodes</h1>
    <div id="operated"><p class="loading">Loading…</p></div>
    <section aria-labelledby="claim-title"><h2 id="claim-title">Claim a node</h2>
      <p class="summary">A node joins your account once its agent names your key as <code>operator</code> and you claim it here.</p>
      <form class="filters" id="claim">
        <label class="wide">Node id <input name="nodeId" required pattern="[0-9a-f]{64}" spellcheck="false"
          placeholder="64 hex digits, shown by the agent and on the node's page" /></label>
        <button type="submit">Claim</button>
      </form>
      <p id="claim-status" role="status"></p></section>
    <section aria-labelledby="earnings-title"><h2 id="earnings-title">Earnings, last 30 days</h2>
      <div id="earnings"><p class="loading">Loading…</p></div></section>
    <section aria-labelledby="install-title"><h2 id="install-title">Install the agent</h2>
      <p>On a Linux machine with Java 17, put this in <code>agent.properties</code>:</p>
      <pre class="script" id="agent-config">operator=${esc(key)}
region=&lt;your region&gt;
price-per-point-hour=5</pre>
      <p>then run it (it keeps the node's key in its data directory and reconnects by itself):</p>
      <pre class="script">java -jar hearth-agent.jar --server ${esc(server)} --config agent.properties</pre>
      <p class="summary">Once it shows up online, claim it above with the node id it printed.</p></section>`

  const operated = main.querySelector<HTMLElement>('#operated')!
  const load = async (saved?: string) => {
    try {
      const nodes = await getJson<OperatedNode[]>('operator/nodes')
      operated.innerHTML = nodes.length
        ? `<div class="operated">${nodes.map((n) => operatedNode(n, n.id === saved)).join('')}</div>`
        : '<p class="empty">You operate no node yet: install the agent and claim it below.</p>'
      operated.querySelectorAll<HTMLFormElement>('form.listing').forEach((form) => bindListing(form, load))
    } catch (e) {
      operated.innerHTML = problem(e)
    }
  }
  main.querySelector<HTMLFormElement>('#claim')!.addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const input = form.elements.namedItem('nodeId') as HTMLInputElement
    const status = main.querySelector<HTMLElement>('#claim-status')!
    status.innerHTML = '<span class="loading">Claiming…</span>'
    send('POST', `nodes/${input.value.trim()}/claim`)
      .then(async () => {
        status.innerHTML = '<span class="summary" id="claimed">Claimed: the node is yours.</span>'
        input.value = ''
        await load()
        await loadEarnings()
      })
      .catch((e) => (status.innerHTML = problem(e)))
  })

  const earnings = main.querySelector<HTMLElement>('#earnings')!
  const loadEarnings = async () => {
    try {
      const e = await getJson<Earnings>('operator/earnings')
      earnings.innerHTML = `
        <div class="cards balances">
          <article class="card"><h3>Earned</h3><p class="amount" id="earned">${usdc(e.earned)}</p>
            <p class="free">Yours to be paid out</p></article>
          <article class="card"><h3>Being paid</h3><p class="amount">${usdc(e.paying)}</p>
            <p class="free">In a payout on its way</p></article>
          <article class="card"><h3>Paid</h3><p class="amount">${usdc(e.paid)}</p>
            <p class="free">Confirmed on chain</p></article>
        </div>
        ${earningsChart(e)}
        <h3>Payouts</h3>
        ${
          e.payouts.length
            ? `<table class="list"><thead><tr><th>When</th><th class="num">Amount</th><th>To</th><th>State</th>
                <th>Transaction</th></tr></thead><tbody>${e.payouts
                  .map(
                    (p) => `<tr><td><time datetime="${esc(p.createdAt)}">${esc(new Date(p.createdAt).toLocaleString())}</time></td>
                      <td class="num">${usdc(p.amount)}</td><td class="id">${esc(p.address)}</td>
                      <td>${esc(p.state.toLowerCase())}</td><td class="id">${esc(p.txHash ?? '—')}</td></tr>`,
                  )
                  .join('')}</tbody></table>`
            : '<p class="empty">No payouts yet.</p>'
        }`
    } catch (e) {
      earnings.innerHTML = problem(e)
    }
  }
  await load()
  await loadEarnings()
}

function operatedNode(node: OperatedNode, saved: boolean): string {
  const id = esc(node.id)
  const price = (name: string, label: string, value: number) =>
    `<label>${label} <input name="${name}" type="number" min="0" step="1" required value="${value}" /></label>`
  return `<div class="operated-node" data-operated="${id}">
    ${card(node)}
    <form class="filters listing" data-node="${id}" aria-label="Listing of node ${id.slice(0, 8)}">
      <p class="summary">Earned ${usdc(node.earned30Days)} in 30 days. Prices are per hour, in millionths of a USDC;
        once you save, the agent's settings no longer change this listing.</p>
      <label>Region <input name="region" pattern="[A-Za-z0-9._\\-]*" maxlength="64" value="${esc(node.region)}" /></label>
      <label class="wide">Tags, comma-separated <input name="tags" value="${esc(node.tags.join(', '))}" /></label>
      ${price('pricePerPointHour', 'Per compute point', node.priceList.perPointHour)}
      ${price('pricePerMemoryGiBHour', 'Per memory GiB', node.priceList.perMemoryGiBHour)}
      ${price('pricePerDiskGiBHour', 'Per disk GiB', node.priceList.perDiskGiBHour)}
      ${price('pricePerGpuHour', 'Per GPU', node.priceList.perGpuHour)}
      <label class="wide">Description <textarea name="description" maxlength="2000" rows="3">${esc(node.description)}</textarea></label>
      <button type="submit">Save listing</button>
      <p class="listing-status" role="status">${
        saved ? '<span class="summary saved">Saved: the marketplace shows it now.</span>' : ''
      }</p>
    </form></div>`
}

function bindListing(form: HTMLFormElement, reload: (saved: string) => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const status = form.querySelector<HTMLElement>('.listing-status')!
    status.innerHTML = '<span class="loading">Saving…</span>'
    send('PATCH', `nodes/${form.dataset.node}/profile`, {
      region: value('region'),
      tags: value('tags')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t),
      description: value('description'),
      pricePerPointHour: Number(value('pricePerPointHour')),
      pricePerMemoryGiBHour: Number(value('pricePerMemoryGiBHour')),
      pricePerDiskGiBHour: Number(value('pricePerDiskGiBHour')),
      pricePerGpuHour: Number(value('pricePerGpuHour')),
    })
      .then(() => reload(form.dataset.node!))
      .catch((e) => (status.innerHTML = problem(e)))
  })
}

/** Earnings per UTC day over the last 30 days, all my nodes together: an SVG bar chart. */
function earningsChart(e: Earnings): string {
  if (!e.days.some((d) => d.earned > 0)) return '<p class="empty">No earnings in the last 30 days.</p>'
  const byDay = new Map<string, number>()
  for (const d of e.days) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.earned)
  const today = new Date()
  const days = Array.from({ length: DAYS }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (DAYS - 1 - i)))
    const day = d.toISOString().slice(0, 10)
    return { day, earned: byDay.get(day) ?? 0 }
  })
  const max = Math.max(1, ...days.map((d) => d.earned))
  const width = 300
  const height = 60
  const bar = width / DAYS
  const bars = days
    .map((d, i) => {
      const h = d.earned ? Math.max(1, (d.earned / max) * height) : 0
      return `<rect x="${(i * bar).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}"
        height="${h.toFixed(1)}"><title>${esc(d.day)}: ${usdc(d.earned)}</title></rect>`
    })
    .join('')
  return `<svg class="uptime earnings" viewBox="0 0 ${width} ${height}" role="img"
    aria-label="Earnings per day over the last 30 days, at most ${usdc(max)}">${bars}</svg>`
}
