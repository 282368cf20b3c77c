// Hearth's page: a hash router over the marketplace screens.
import './style.css'
import { renderMarket, renderNode } from './market'
import { renderTemplates } from './templates'

const main = document.querySelector<HTMLElement>('#main')!

async function route(): Promise<void> {
  const hash = location.hash.replace(/^#/, '') || '/'
  const node = hash.match(/^\/nodes\/([0-9a-f]{64})$/)
  document.querySelectorAll<HTMLAnchorElement>('nav a').forEach((a) => {
    const current = (a.dataset.nav === 'templates') === hash.startsWith('/templates')
    a.toggleAttribute('aria-current', current)
  })
  if (node) {
    await renderNode(main, node[1])
  } else if (hash.startsWith('/templates')) {
    await renderTemplates(main)
  } else {
    await renderMarket(main)
  }
  main.focus()
}

const relay = new URL('relay', location.href)
relay.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
document.querySelector('#relay-url')!.textContent = relay.href

window.addEventListener('hashchange', () => void route())
void route()
