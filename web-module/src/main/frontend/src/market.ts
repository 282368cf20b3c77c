// The node marketplace: featured nodes, search with every filter and sort of the API, and a node's
// page with its reputation explained, its 30-day uptime and its reviews.
import { ApiProblem, getJson, type NodeCard, type NodeDetail, type SearchPage } from './api'
import { esc, mib, percent, stars, usdc } from './format'
import { bindRent, rentSection } from './vms'

const PAGE_SIZE = 12
const UPTIME_DAYS = 30

export function card(node: NodeCard): string {
  const gpus = node.hardware.gpus.length ? ` · ${esc(node.hardware.gpus.join(', '))}` : ''
  return `
    <article class="card" data-node="${esc(node.id)}">
      <header>
        <span class="status ${node.status === 'ONLINE' ? 'on' : 'off'}">${esc(node.status.toLowerCase())}</span>
        <span class="region">${esc(node.region)}</span>
        <span class="score" title="reputation">${(node.reputation * 100).toFixed(0)}</span>
      </header>
      <p class="hw">${node.hardware.cores} cores · ${node.hardware.computePoints} points ·
        ${mib(node.hardware.memoryMiB)} · ${node.hardware.diskGiB} GiB disk${gpus}</p>
      <p class="free">Free: ${node.free.cores.toFixed(1)} cores, ${mib(node.free.memoryMiB)},
        ${node.free.diskGiB} GiB</p>
      <p class="price">${usdc(node.pricePerPointHour)} per point-hour</p>
      <p class="uptime">Uptime ${percent(node.uptimePercent)} · ${node.totalVmsHosted} VMs hosted</p>
      <p class="badges">${node.badges.map((b) => `<span class="badge">${esc(b.label)}</span>`).join('')}
        ${node.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join('')}</p>
      <a class="more" href="#/nodes/${esc(node.id)}">Details</a>
    </article>`
}

const FILTERS = `
  <form class="filters" aria-label="Filter nodes">
    <label>Region <input name="region" placeholder="any" /></label>
    <label>Tags <input name="tags" placeholder="ssd,gpu" /></label>
    <label>Max price / point-hour <input name="maxPrice" type="number" min="0" /></label>
    <label>Min uptime % <input name="minUptime" type="number" min="0" max="100" step="0.1" /></label>
    <label>Min points <input name="minPoints" type="number" min="0" /></label>
    <label>GPU <input name="gpu" placeholder="true or a model" /></label>
    <label><input name="online" type="checkbox" value="true" /> Online only</label>
    <label>Sort <select name="sort">
      <option value="reputation">Reputation</option><option value="uptime">Uptime</option>
      <option value="price">Price</option><option value="capacity">Capacity</option>
    </select></label>
    <fieldset><legend>Fits a VM</legend>
      <label>vCPUs <input name="fits.vcpus" type="number" min="1" /></label>
      <label>Memory MiB <input name="fits.memoryMiB" type="number" min="0" /></label>
      <label>Tier <select name="fits.tier"><option value="">—</option>
        <option>GUARANTEED</option><option>STANDARD</option><option>BALANCED</option><option>BURSTABLE</option>
      </select></label>
    </fieldset>
    <button type="submit">Search</button>
  </form>`

export async function renderMarket(main: HTMLElement): Promise<void> {
  main.innerHTML = `
    <h1>Nodes to rent</h1>
    <section aria-labelledby="featured-title"><h2 id="featured-title">Featured</h2>
      <div class="cards" id="featured"><p class="loading">Loading…</p></div></section>
    <section aria-labelledby="search-title"><h2 id="search-title">Search</h2>${FILTERS}
      <p class="summary" id="summary" aria-live="polite"></p>
      <div class="cards" id="results"></div>
      <nav class="pager" aria-label="Pages"><button id="prev">Previous</button>
        <button id="next">Next</button></nav></section>`
  const form = main.querySelector<HTMLFormElement>('form.filters')!
  let page = 0
  const search = async () => {
    const params = new URLSearchParams()
    for (const [name, value] of new FormData(form).entries()) {
      if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim())
    }
    params.set('page', String(page))
    params.set('size', String(PAGE_SIZE))
    const results = main.querySelector<HTMLElement>('#results')!
    results.innerHTML = '<p class="loading">Searching…</p>'
    try {
      const found = await getJson<SearchPage>(`marketplace/nodes?${params}`)
      results.innerHTML = found.items.length
        ? found.items.map(card).join('')
        : '<p class="empty">No node matches these filters.</p>'
      main.querySelector('#summary')!.textContent = `${found.total} node${found.total === 1 ? '' : 's'}`
      main.querySelector<HTMLButtonElement>('#prev')!.disabled = page === 0
      main.querySelector<HTMLButtonElement>('#next')!.disabled = (page + 1) * PAGE_SIZE >= found.total
    } catch (e) {
      results.innerHTML = problem(e)
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    page = 0
    void search()
  })
  main.querySelector('#prev')!.addEventListener('click', () => {
    page = Math.max(0, page - 1)
    void search()
  })
  main.querySelector('#next')!.addEventListener('click', () => {
    page += 1
    void search()
  })
  const featured = main.querySelector<HTMLElement>('#featured')!
  getJson<NodeCard[]>('marketplace/nodes/featured')
    .then((nodes) => {
      featured.innerHTML = nodes.length
        ? nodes.map(card).join('')
        : '<p class="empty">No node has been online long enough to be featured yet.</p>'
    })
    .catch((e) => (featured.innerHTML = problem(e)))
  await search()
}

export async function renderNode(main: HTMLElement, id: string): Promise<void> {
  main.innerHTML = '<p class="loading">Loading…</p>'
  let node: NodeDetail
  try {
    node = await getJson<NodeDetail>(`marketplace/nodes/${encodeURIComponent(id)}`)
  } catch (e) {
    main.innerHTML = problem(e)
    return
  }
  const rep = node.reputationBreakdown
  main.innerHTML = `
    <p><a href="#/">← Marketplace</a></p>
    <h1>Node in ${esc(node.region)} <span class="status ${node.status === 'ONLINE' ? 'on' : 'off'}">${esc(node.status.toLowerCase())}</span></h1>
    <p class="id">${esc(node.id)}</p>
    <p id="node-description">${esc(node.description)}</p>
    <div class="cards">${card(node)}</div>
    <div id="rent-here"></div>
    <section aria-labelledby="rep-title"><h2 id="rep-title">Reputation ${(rep.score * 100).toFixed(0)} / 100</h2>
      <table class="reputation"><thead><tr><th>Component</th><th>Value</th><th>Share of the score</th><th>How</th></tr></thead>
      <tbody>${rep.components
        .map(
          (c) => `<tr class="${c.value === undefined ? 'absent' : ''}"><td>${esc(c.name)}</td>
            <td>${c.value === undefined ? '—' : (c.value * 100).toFixed(0)}</td>
            <td>${(c.share * 100).toFixed(0)}%</td><td>${esc(c.note)}</td></tr>`,
        )
        .join('')}</tbody></table></section>
    <section aria-labelledby="uptime-title"><h2 id="uptime-title">Uptime, last 30 days</h2>${uptimeChart(node)}</section>
    <section aria-labelledby="reviews-title"><h2 id="reviews-title">Reviews</h2>${
      node.reviews.length
        ? `<ul class="reviews">${node.reviews
            .map(
              (r) => `<li><span class="stars" aria-label="${r.rating} of 5">${stars(r.rating)}</span>
                ${esc(r.comment ?? '')} <time>${esc(r.createdAt.slice(0, 10))}</time></li>`,
            )
            .join('')}</ul>`
        : '<p class="empty">No reviews yet: tenants review a node after their VM on it has ended.</p>'
    }</section>
    <section aria-labelledby="policy-title"><h2 id="policy-title">What it accepts</h2>
      <p>Tiers ${esc(node.policy.tiers.join(', '))} · runtimes ${esc(node.policy.runtimes.join(', '))}
      · up to ${node.policy.maxVms} VMs · outbound network ${node.policy.outboundNetwork ? 'allowed' : 'blocked'}</p></section>`
  main.querySelector('#rent-here')!.outerHTML = rentSection(node)
  bindRent(main, node)
}

function uptimeChart(node: NodeDetail): string {
  const width = 300
  const height = 60
  const bar = width / UPTIME_DAYS
  // Today is the last slot; days before the node registered stay empty.
  const first = UPTIME_DAYS - node.uptimeByDay.length
  const bars = node.uptimeByDay
    .map((d, i) => {
      const h = Math.max(1, (d.percent / 100) * height)
      return `<rect x="${((first + i) * bar).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}"
        height="${h.toFixed(1)}"><title>${esc(d.day)}: ${percent(d.percent)}</title></rect>`
    })
    .join('')
  return `<svg class="uptime" viewBox="0 0 ${width} ${height}" role="img"
    aria-label="Uptime per day over the last 30 days">${bars}</svg>`
}

/** An error as the page shows it: a problem+json answer's title, then its detail. */
export function problem(e: unknown): string {
  if (e instanceof ApiProblem) {
    return `<p class="problem" role="alert"><strong class="problem-title">${esc(e.title)}</strong>${
      e.detail ? `: <span class="problem-detail">${esc(e.detail)}</span>` : ''
    }</p>`
  }
  const message = e instanceof Error ? e.message : String(e)
  return `<p class="problem" role="alert">${esc(message)}</p>`
}
