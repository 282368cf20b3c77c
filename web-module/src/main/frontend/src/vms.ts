// My VMs: the list with live states, one VM with its history, stop, restart and its terminal; the
// form that rents a node, and the one that deploys a template, each with a live price quote.
import {
  getJson,
  send,
  type Charge,
  type NodeDetail,
  type QuoteAnswer,
  type TemplateDetail,
  type Vm,
} from './api'
import { askToSignIn, current, refresh } from './auth'
import { showNotices } from './billing'
import { duration, esc, mib, usdc } from './format'
import { problem } from './market'
import { follow } from './events'
import { onLeave } from './screen'
import { openTerminal, type OpenTerminal } from './terminal'

const ENDED = ['TERMINATED', 'FAILED', 'LOST']
const ON_THE_WAY = ['REQUESTED', 'SCHEDULED', 'PROVISIONING', 'STOPPING']

function stateBadge(state: string): string {
  const tone = state === 'RUNNING' ? 'on' : ENDED.includes(state) || state === 'SUSPENDED' ? 'off' : 'busy'
  return `<span class="status ${tone}" data-state="${esc(state)}">${esc(state.toLowerCase())}</span>`
}

function when(iso?: string): string {
  return iso ? `<time datetime="${esc(iso)}">${esc(new Date(iso).toLocaleString())}</time>` : '—'
}

export async function renderVms(main: HTMLElement): Promise<void> {
  if (!current()) {
    askToSignIn(main, 'Sign in to see your VMs.')
    return
  }
  main.innerHTML = `
    <h1>My VMs</h1>
    <p class="summary">Rent a node from the <a href="#/">marketplace</a> or deploy a
      <a href="#/templates">template</a>.</p>
    <div id="notices"></div>
    <div id="vms" aria-live="polite"><p class="loading">Loading…</p></div>`
  const box = main.querySelector<HTMLElement>('#vms')!
  void showNotices(main.querySelector<HTMLElement>('#notices')!)
  follow(['vm'], async () => {
    try {
      const vms = await getJson<Vm[]>('vms')
      box.innerHTML = vms.length
        ? `<table class="list vms"><thead><tr><th>Name</th><th>State</th><th>Size</th><th>Price / hour</th>
            <th>Created</th></tr></thead><tbody>${vms
              .map(
                (vm) => `<tr data-vm="${esc(vm.id)}"><td><a href="#/vms/${esc(vm.id)}">${esc(vm.name)}</a></td>
                  <td>${stateBadge(vm.state)}</td>
                  <td>${vm.vcpus} vCPU · ${mib(vm.memoryMiB)} · ${vm.diskGiB} GiB</td>
                  <td>${vm.pricePerHour == null ? '—' : usdc(vm.pricePerHour)}</td><td>${when(vm.createdAt)}</td></tr>`,
              )
              .join('')}</tbody></table>`
        : '<p class="empty">No VMs yet.</p>'
    } catch (e) {
      box.innerHTML = problem(e)
    }
    return true
  })
}

export async function renderVm(main: HTMLElement, id: string): Promise<void> {
  if (!current()) {
    askToSignIn(main, 'Sign in to see this VM.')
    return
  }
  main.innerHTML = `
    <p><a href="#/vms">← My VMs</a></p>
    <h1 id="vm-title">VM</h1>
    <div id="vm-facts"><p class="loading">Loading…</p></div>
    <div class="actions">
      <button type="button" id="vm-terminal" disabled>Open terminal</button>
      <button type="button" class="secondary" id="vm-restart" disabled>Restart</button>
      <button type="button" id="vm-resume" hidden>Resume</button>
      <button type="button" class="danger" id="vm-stop" disabled>Stop and delete</button>
    </div>
    <p id="vm-status" role="status" aria-live="polite"></p>
    <section id="terminal-section" hidden aria-labelledby="terminal-title">
      <h2 id="terminal-title">Terminal <span id="terminal-state" class="summary"></span></h2>
      <div id="terminal" class="terminal"></div>
      <p><button type="button" class="secondary" id="terminal-close">Close terminal</button></p>
    </section>
    <section id="review-section" hidden aria-labelledby="review-title"><h2 id="review-title">How was the node?</h2>
      <form id="review" class="filters">
        <label>Rating <select name="rating" required>
          <option value="5">★★★★★ 5</option><option value="4">★★★★☆ 4</option><option value="3">★★★☆☆ 3</option>
          <option value="2">★★☆☆☆ 2</option><option value="1">★☆☆☆☆ 1</option></select></label>
        <label class="wide">Comment (optional) <input name="comment" maxlength="1000" /></label>
        <button type="submit">Send review</button>
      </form>
      <p id="review-status" role="status"></p></section>
    <section id="members-section" hidden aria-labelledby="members-title"><h2 id="members-title">Shared with</h2>
      <p class="summary">Members see this VM and open its terminal; only you stop it.</p>
      <ul id="members" class="members"></ul>
      <form id="share" class="filters">
        <label class="wide">Account id <input name="accountId" required spellcheck="false"
          pattern="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
          placeholder="the other person's account id, from their account page" /></label>
        <button type="submit">Share</button>
      </form>
      <p id="share-status" role="status"></p></section>
    <section aria-labelledby="history-title"><h2 id="history-title">History</h2><ol id="vm-history" class="history"></ol></section>
    <section aria-labelledby="charges-title"><h2 id="charges-title">Charges</h2><div id="vm-charges"></div></section>`
  const status = main.querySelector<HTMLElement>('#vm-status')!
  const buttons = {
    terminal: main.querySelector<HTMLButtonElement>('#vm-terminal')!,
    restart: main.querySelector<HTMLButtonElement>('#vm-restart')!,
    stop: main.querySelector<HTMLButtonElement>('#vm-stop')!,
    resume: main.querySelector<HTMLButtonElement>('#vm-resume')!,
  }
  let reviewOffered = false
  let vm: Vm | undefined
  let terminal: OpenTerminal | undefined
  const closeTerminal = () => {
    terminal?.close()
    terminal = undefined
    main.querySelector<HTMLElement>('#terminal-section')!.hidden = true
  }
  onLeave(closeTerminal)

  const show = (v: Vm) => {
    vm = v
    main.querySelector('#vm-title')!.innerHTML = `${esc(v.name)} ${stateBadge(v.state)}`
    main.querySelector('#vm-facts')!.innerHTML = `
      <dl class="facts">
        <dt>Id</dt><dd class="id">${esc(v.id)}</dd>
        ${v.stateReason ? `<dt>Reason</dt><dd>${esc(v.stateReason)}</dd>` : ''}
        ${v.exitCode != null ? `<dt>Exit code</dt><dd>${v.exitCode}</dd>` : ''}
        <dt>Node</dt><dd>${v.nodeId ? `<a class="id" href="#/nodes/${esc(v.nodeId)}">${esc(v.nodeId.slice(0, 16))}…</a>` : '—'}</dd>
        <dt>Size</dt><dd>${v.vcpus} vCPU · ${mib(v.memoryMiB)} · ${v.diskGiB} GiB · ${esc(v.tier.toLowerCase())}</dd>
        <dt>Price</dt><dd>${v.pricePerHour == null ? '—' : `${usdc(v.pricePerHour)} per hour`}</dd>
        ${v.template ? `<dt>Template</dt><dd>${esc(v.template)}</dd>` : ''}
        <dt>Command</dt><dd><code>${esc(v.command)}</code></dd>
        <dt>Created</dt><dd>${when(v.createdAt)}</dd>
        <dt>Started</dt><dd>${when(v.startedAt)}</dd>
      </dl>`
    main.querySelector('#vm-history')!.innerHTML = v.history
      .map(
        (t) => `<li>${stateBadge(t.to)} ${when(t.at)}${t.cause ? ` <span class="summary">${esc(t.cause)}</span>` : ''}</li>`,
      )
      .join('')
    const ended = ENDED.includes(v.state)
    buttons.terminal.disabled = v.state !== 'RUNNING' || terminal !== undefined
    // Members see the VM and open its terminal; only its owner restarts, stops or resumes it.
    const owner = v.ownerAccountId === current()?.account.id
    buttons.restart.hidden = !owner
    buttons.stop.hidden = !owner
    buttons.restart.disabled = v.state !== 'RUNNING'
    buttons.stop.disabled = ended || v.state === 'STOPPING'
    buttons.resume.hidden = !owner || v.state !== 'SUSPENDED'
    if (!membersShown && v.ownerAccountId === current()?.account.id) {
      membersShown = true
      main.querySelector<HTMLElement>('#members-section')!.hidden = false
      void showMembers()
    }
    // Once a VM that ran on a node has ended, its owner may review that node (once).
    if (ended && v.nodeId && v.startedAt && !reviewOffered && v.ownerAccountId === current()?.account.id) {
      reviewOffered = true
      main.querySelector<HTMLElement>('#review-section')!.hidden = false
    }
    if (v.state !== 'RUNNING' && terminal && ended) closeTerminal()
    if (ON_THE_WAY.includes(v.state)) status.innerHTML = `<span class="loading">${esc(progress(v.state))}</span>`
    else if (status.querySelector('.loading')) status.textContent = ''
  }
  const act = async (what: string, action: () => Promise<Vm | void>) => {
    status.innerHTML = `<span class="loading">${esc(what)}…</span>`
    try {
      const changed = await action()
      if (changed) show(changed)
      status.textContent = ''
    } catch (e) {
      status.innerHTML = problem(e)
    }
  }
  buttons.stop.addEventListener('click', () => {
    if (!confirm(`Stop ${vm?.name ?? 'this VM'}? Its workload ends and its capacity is released.`)) return
    closeTerminal()
    void act('Stopping', () => send<Vm>('DELETE', `vms/${id}`))
  })
  const members = main.querySelector<HTMLElement>('#members')!
  const shareStatus = main.querySelector<HTMLElement>('#share-status')!
  const showMembers = async () => {
    try {
      const list = await getJson<{ accountId: string; addedAt: string }[]>(`vms/${id}/members`)
      members.innerHTML = list.length
        ? list
            .map(
              (m) => `<li data-member="${esc(m.accountId)}"><code class="id">${esc(m.accountId)}</code> ${when(m.addedAt)}
                <button type="button" class="secondary unshare" aria-label="Stop sharing with ${esc(m.accountId)}">Stop sharing</button></li>`,
            )
            .join('')
        : '<li class="empty">Nobody else.</li>'
      members.querySelectorAll<HTMLButtonElement>('button.unshare').forEach((b) =>
        b.addEventListener('click', () => {
          const member = b.closest<HTMLElement>('li')!.dataset.member!
          b.disabled = true
          send<void>('DELETE', `vms/${id}/members/${member}`)
            .then(showMembers)
            .catch((e) => (shareStatus.innerHTML = problem(e)))
        }),
      )
    } catch (e) {
      members.innerHTML = problem(e)
    }
  }
  main.querySelector<HTMLFormElement>('#share')!.addEventListener('submit', (event) => {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('accountId') as HTMLInputElement
    shareStatus.innerHTML = '<span class="loading">Sharing…</span>'
    send<void>('PUT', `vms/${id}/members/${input.value.trim()}`)
      .then(async () => {
        input.value = ''
        shareStatus.textContent = ''
        await showMembers()
      })
      .catch((e) => (shareStatus.innerHTML = problem(e)))
  })
  let membersShown = false
  buttons.resume.addEventListener('click', () => {
    void act('Resuming', () => send<Vm>('POST', `vms/${id}/resume`))
  })
  main.querySelector<HTMLFormElement>('#review')!.addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const out = main.querySelector<HTMLElement>('#review-status')!
    const comment = textField(form, 'comment')
    form.querySelector('button')!.disabled = true
    send('POST', `vms/${id}/review`, { rating: numberField(form, 'rating'), ...(comment ? { comment } : {}) })
      .then(() => {
        form.hidden = true
        out.innerHTML = `<span class="summary" id="review-thanks">Thank you: your review is on the node's page.</span>`
      })
      .catch((e) => {
        out.innerHTML = problem(e)
        form.querySelector('button')!.disabled = false
      })
  })
  buttons.restart.addEventListener('click', () => {
    closeTerminal()
    void act('Restarting', () => send<Vm>('POST', `vms/${id}/restart`))
  })
  buttons.terminal.addEventListener('click', () => {
    const section = main.querySelector<HTMLElement>('#terminal-section')!
    const state = main.querySelector<HTMLElement>('#terminal-state')!
    section.hidden = false
    buttons.terminal.disabled = true
    state.textContent = 'connecting…'
    openTerminal(main.querySelector<HTMLElement>('#terminal')!, id, (text, ended) => {
      state.textContent = text
      if (ended && vm?.state === 'RUNNING') buttons.terminal.disabled = false
    })
      .then((t) => {
        terminal = t
      })
      .catch((e) => {
        section.hidden = true
        buttons.terminal.disabled = false
        status.innerHTML = problem(e)
      })
  })
  main.querySelector('#terminal-close')!.addEventListener('click', () => {
    closeTerminal()
    if (vm) show(vm)
  })

  // Its charges and my balance change with each billing period, which the server pushes too; the
  // last period is settled after the VM has ended.
  let first = true
  let unsettled = true
  follow(['vm', 'billing'], async () => {
    try {
      show(await getJson<Vm>(`vms/${id}`))
      const charges = await getJson<Charge[]>(`vms/${id}/charges`)
      void refresh().catch(() => undefined)
      unsettled = charges.some((c) => !c.settled)
      main.querySelector('#vm-charges')!.innerHTML = charges.length
        ? `<table class="list"><thead><tr><th>Period</th><th>Price / hour</th><th>Held</th><th>Charged</th></tr></thead>
          <tbody>${charges
            .map(
              (c) => `<tr data-settled="${c.settled}"><td>${when(c.periodStart)} – ${when(c.periodEnd)}</td><td>${usdc(c.pricePerHour)}</td>
                <td>${usdc(c.held)}</td><td>${c.settled ? usdc(c.charged ?? 0) : 'open'}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '<p class="empty">No billing period yet.</p>'
    } catch (e) {
      if (first) main.querySelector('#vm-facts')!.innerHTML = problem(e)
      else status.innerHTML = problem(e)
    }
    first = false
    return vm === undefined || !ENDED.includes(vm.state) || unsettled
  })
}

function progress(state: string): string {
  switch (state) {
    case 'REQUESTED':
      return 'Requested: looking for a node…'
    case 'SCHEDULED':
      return 'Placed on a node: waiting for it to start the workload…'
    case 'PROVISIONING':
      return 'Provisioning: the node is preparing the sandbox…'
    case 'STOPPING':
      return 'Stopping: the node is ending the workload…'
    default:
      return state
  }
}

const TIERS = ['GUARANTEED', 'STANDARD', 'BALANCED', 'BURSTABLE']

function sizeFields(d: { vcpus: number; memoryMiB: number; diskGiB: number; tier: string }, tiers = TIERS): string {
  return `
    <label>vCPUs <input name="vcpus" type="number" min="1" max="256" required value="${d.vcpus}" /></label>
    <label>Memory (MiB) <input name="memoryMiB" type="number" min="1" required value="${d.memoryMiB}" /></label>
    <label>Disk (GiB) <input name="diskGiB" type="number" min="0" required value="${d.diskGiB}" /></label>
    <label>Tier <select name="tier">${tiers
      .map((t) => `<option ${t === d.tier ? 'selected' : ''}>${esc(t)}</option>`)
      .join('')}</select></label>`
}

function numberField(form: HTMLFormElement, name: string): number {
  return Number((form.elements.namedItem(name) as HTMLInputElement).value)
}

function textField(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement).value.trim()
}

/** Quotes the form's VM whenever it changes (a moment after the last keystroke). */
function liveQuote(form: HTMLFormElement, out: HTMLElement, body: () => Record<string, unknown>): void {
  let timer: number | undefined
  let asked = 0
  const quote = async () => {
    const mine = ++asked
    if (!form.checkValidity()) {
      out.textContent = ''
      return
    }
    try {
      const answer = await send<QuoteAnswer>('POST', 'quotes', body())
      if (mine !== asked) return
      const q = answer.quotes[0]
      out.innerHTML = !q
        ? `<span class="problem">${esc(answer.explanation ?? 'No node can take this VM.')}</span>`
        : q.canHostNow
          ? `<strong>${usdc(q.pricePerHour)}</strong> per hour · ${usdc(q.pricePerPeriod)} held per
             ${esc(duration(answer.billingPeriod))} billing period`
          : `<span class="problem">${esc(q.reason ?? 'This node cannot take it now.')}</span>`
    } catch (e) {
      if (mine === asked) out.innerHTML = problem(e)
    }
  }
  form.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(() => void quote(), 400)
  })
  void quote()
}

/** After a VM is made: the balance moved (the first period is held), then its page. */
async function created(vm: Vm): Promise<void> {
  await refresh().catch(() => undefined)
  location.hash = `#/vms/${vm.id}`
}

/** The "Rent" section of a node's page. */
export function rentSection(node: NodeDetail): string {
  const tiers = node.policy.tiers.length ? node.policy.tiers : TIERS
  return `<section aria-labelledby="rent-title"><h2 id="rent-title">Rent this node</h2>${
    current()
      ? `<form class="filters rent" id="rent">
          <label>Name <input name="name" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*" maxlength="64" value="my-vm" /></label>
          ${sizeFields({ vcpus: 1, memoryMiB: 256, diskGiB: 1, tier: tiers.includes('BURSTABLE') ? 'BURSTABLE' : tiers[0] }, tiers)}
          <label class="wide">Command <input name="command" required maxlength="4000" value="sleep infinity" /></label>
          <button type="submit">Rent</button>
        </form>
        <p class="quote" id="rent-quote" aria-live="polite"></p>
        <p id="rent-status" role="status"></p>`
      : `<p><a href="#/signin" id="rent-signin">Sign in</a> to rent this node.</p>`
  }</section>`
}

export function bindRent(main: HTMLElement, node: NodeDetail): void {
  main.querySelector('#rent-signin')?.addEventListener('click', () => {
    sessionStorage.setItem('hearth.returnTo', `#/nodes/${node.id}`)
  })
  const form = main.querySelector<HTMLFormElement>('#rent')
  if (!form) return
  const spec = () => ({
    vcpus: numberField(form, 'vcpus'),
    memoryMiB: numberField(form, 'memoryMiB'),
    diskGiB: numberField(form, 'diskGiB'),
    tier: textField(form, 'tier'),
    runtime: 'sandbox',
  })
  liveQuote(form, main.querySelector('#rent-quote')!, () => ({ ...spec(), nodeId: node.id, command: textField(form, 'command') }))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const status = main.querySelector<HTMLElement>('#rent-status')!
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!
    button.disabled = true
    status.innerHTML = '<span class="loading">Renting…</span>'
    send<Vm>('POST', 'vms', {
      ...spec(),
      name: textField(form, 'name'),
      command: textField(form, 'command'),
      targetNodeId: node.id,
    })
      .then(created)
      .catch((e) => {
        status.innerHTML = problem(e)
        button.disabled = false
      })
  })
}

export async function renderTemplate(main: HTMLElement, slug: string): Promise<void> {
  main.innerHTML = '<p class="loading">Loading…</p>'
  let t: TemplateDetail
  try {
    t = await getJson<TemplateDetail>(`templates/${encodeURIComponent(slug)}`)
  } catch (e) {
    main.innerHTML = problem(e)
    return
  }
  const params = t.parameters ?? []
  main.innerHTML = `
    <p><a href="#/templates">← Templates</a></p>
    <h1>${esc(t.name)} <span class="tag">${esc(t.category)}</span></h1>
    <p>${esc(t.description)}</p>
    ${t.requiredTools?.length ? `<p class="summary">Needs a node with ${esc(t.requiredTools.join(', '))}.</p>` : ''}
    <section aria-labelledby="deploy-title"><h2 id="deploy-title">Deploy</h2>${
      current()
        ? `<form class="filters deploy" id="deploy">
            <label>Name <input name="name" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*" maxlength="64" value="${esc(t.slug)}" /></label>
            ${sizeFields(t)}
            <label>Region <input name="region" placeholder="any" pattern="[A-Za-z0-9._\\-]{1,64}" /></label>
            ${params
              .map(
                (p) => `<label title="${esc(p.description)}">${esc(p.name)}${p.required ? ' *' : ''}
                  <input name="param.${esc(p.name)}" ${p.secret ? 'type="password" autocomplete="off"' : ''}
                    ${p.required ? 'required' : ''} value="${esc(p.defaultValue ?? '')}" /></label>`,
              )
              .join('')}
            <button type="submit">Deploy</button>
          </form>
          <p class="quote" id="deploy-quote" aria-live="polite"></p>
          <p id="deploy-status" role="status"></p>`
        : `<p><a href="#/signin" id="deploy-signin">Sign in</a> to deploy this template.</p>`
    }</section>
    <section aria-labelledby="script-title"><h2 id="script-title">What it runs</h2><pre class="script">${esc(t.command)}</pre></section>`
  main.querySelector('#deploy-signin')?.addEventListener('click', () => {
    sessionStorage.setItem('hearth.returnTo', `#/templates/${t.slug}`)
  })
  const form = main.querySelector<HTMLFormElement>('#deploy')
  if (!form) return
  const size = () => ({
    vcpus: numberField(form, 'vcpus'),
    memoryMiB: numberField(form, 'memoryMiB'),
    diskGiB: numberField(form, 'diskGiB'),
    tier: textField(form, 'tier'),
    region: textField(form, 'region') || undefined,
  })
  liveQuote(form, main.querySelector('#deploy-quote')!, () => ({ ...size(), runtime: 'sandbox', limit: 1 }))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const parameters: Record<string, string> = {}
    for (const p of params) {
      const value = textField(form, `param.${p.name}`)
      if (value !== '') parameters[p.name] = value
    }
    const status = main.querySelector<HTMLElement>('#deploy-status')!
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!
    button.disabled = true
    status.innerHTML = '<span class="loading">Deploying…</span>'
    send<Vm>('POST', `templates/${encodeURIComponent(t.slug)}/deploy`, {
      ...size(),
      name: textField(form, 'name'),
      parameters,
    })
      .then(created)
      .catch((e) => {
        status.innerHTML = problem(e)
        button.disabled = false
      })
  })
}
