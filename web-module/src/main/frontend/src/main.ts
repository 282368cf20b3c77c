// Hearth's page: a hash router over the marketplace, templates, sign-in, VM and billing screens.
import './style.css'
import { renderAdmin, isAdmin } from './admin'
import { onChange, renderCorner, renderSignIn, restore } from './auth'
import { renderBilling } from './billing'
import { renderMarket, renderNode } from './market'
import { renderOperator } from './operator'
import { leave } from './screen'
import { renderTemplates } from './templates'
import { renderTemplate, renderVm, renderVms } from './vms'

const main = document.querySelector<HTMLElement>('#main')!
const corner = document.querySelector<HTMLElement>('#account')!

function section(hash: string): string {
  if (hash.startsWith('/templates')) return 'templates'
  if (hash.startsWith('/vms')) return 'vms'
  if (hash.startsWith('/billing')) return 'billing'
  if (hash.startsWith('/signin')) return 'signin'
  if (hash.startsWith('/operator')) return 'operator'
  if (hash.startsWith('/admin')) return 'admin'
  return 'market'
}

async function route(): Promise<void> {
  leave()
  const hash = location.hash.replace(/^#/, '') || '/'
  const node = hash.match(/^\/nodes\/([0-9a-f]{64})$/)
  const vm = hash.match(/^\/vms\/([0-9a-f-]{36})$/)
  const template = hash.match(/^\/templates\/([^/]+)$/)
  const current = section(hash)
  document.querySelectorAll<HTMLAnchorElement>('nav a').forEach((a) => {
    a.toggleAttribute('aria-current', a.dataset.nav === current)
  })
  if (node) await renderNode(main, node[1])
  else if (vm) await renderVm(main, vm[1])
  else if (template) await renderTemplate(main, decodeURIComponent(template[1]))
  else if (current === 'templates') await renderTemplates(main)
  else if (current === 'vms') await renderVms(main)
  else if (current === 'billing') await renderBilling(main)
  else if (current === 'operator') await renderOperator(main)
  else if (current === 'admin') await renderAdmin(main)
  else if (current === 'signin') renderSignIn(main)
  else await renderMarket(main)
  main.focus()
}

const relay = new URL('relay', location.href)
relay.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
document.querySelector('#relay-url')!.textContent = relay.href

let signedIn: string | undefined
onChange((me) => {
  renderCorner(corner)
  document.querySelectorAll<HTMLElement>('[data-signed-in]').forEach((e) => (e.hidden = !me))
  document.querySelectorAll<HTMLElement>('[data-admin]').forEach((e) => (e.hidden = !isAdmin()))
  // Screens that differ for a signed-in visitor are drawn again when that changes.
  const now = me?.account.id
  if (signedIn !== undefined && now !== signedIn && !location.hash.startsWith('#/signin')) void route()
  signedIn = now ?? ''
})

window.addEventListener('hashchange', () => void route())
void restore().then(route)
