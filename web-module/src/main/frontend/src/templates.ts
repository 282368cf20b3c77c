// Templates: ready-made VMs, searchable by text and category.
import { getJson, type TemplatePage } from './api'
import { esc, mib, stars } from './format'
import { problem } from './market'

export async function renderTemplates(main: HTMLElement): Promise<void> {
  main.innerHTML = `
    <h1>Templates</h1>
    <form class="filters" role="search" aria-label="Search templates">
      <label>Search <input name="q" placeholder="web server, python, redis…" /></label>
      <button type="submit">Search</button>
    </form>
    <div class="cards" id="templates"><p class="loading">Loading…</p></div>`
  const form = main.querySelector<HTMLFormElement>('form')!
  const list = main.querySelector<HTMLElement>('#templates')!
  const search = async () => {
    const q = String(new FormData(form).get('q') ?? '').trim()
    try {
      const page = await getJson<TemplatePage>(`templates?size=50${q ? `&q=${encodeURIComponent(q)}` : ''}`)
      list.innerHTML = page.items.length
        ? page.items
            .map(
              (t) => `<article class="card template" data-template="${esc(t.slug)}">
                <header><span class="tag">${esc(t.category)}</span>
                <span class="stars" aria-label="rated ${t.rating.average.toFixed(1)} of 5">${stars(t.rating.average)}</span></header>
                <h3>${esc(t.name)}</h3><p>${esc(t.description)}</p>
                <p class="hw">${t.vcpus} vCPU · ${mib(t.memoryMiB)} · ${t.diskGiB} GiB · ${esc(t.tier.toLowerCase())}</p>
                <p class="free">${t.deployments} deployments</p>
                <a class="more" href="#/templates/${esc(t.slug)}" aria-label="Deploy ${esc(t.name)}">Deploy</a></article>`,
            )
            .join('')
        : '<p class="empty">No template matches.</p>'
    } catch (e) {
      list.innerHTML = problem(e)
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void search()
  })
  await search()
}
