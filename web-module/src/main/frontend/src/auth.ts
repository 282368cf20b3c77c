// Sign-in without passwords: a Nostr key (a NIP-07 extension, or a key kept in this browser) or an
// Ethereum wallet (EIP-1193, Sign-In with Ethereum). The server answers with a session cookie
// (HttpOnly, SameSite=Strict) that every later request carries; the page only remembers that it is
// signed in, to know whether asking for the account is worth a request.
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import * as nip19 from 'nostr-tools/nip19'
import { finalizeEvent, generateSecretKey, getPublicKey, type EventTemplate } from 'nostr-tools/pure'
import { ApiProblem, getJson, send, type Account, type Balance, type Session } from './api'
import { esc, usdc } from './format'
import { problem } from './market'

const KEY_STORE = 'hearth.nostr.secret'
const SIGNED_IN = 'hearth.signedIn'
const RETURN_TO = 'hearth.returnTo'

interface Nip07 {
  getPublicKey(): Promise<string>
  signEvent(event: EventTemplate): Promise<unknown>
}

interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>
}

declare global {
  interface Window {
    nostr?: Nip07
    ethereum?: Eip1193
  }
}

/** Who is signed in, with the balance when it could be read. */
export interface Me {
  account: Account
  balance?: Balance
}

let me: Me | null = null
const listeners: ((me: Me | null) => void)[] = []

export function current(): Me | null {
  return me
}

export function onChange(listener: (me: Me | null) => void): void {
  listeners.push(listener)
}

function set(value: Me | null): void {
  me = value
  if (value) localStorage.setItem(SIGNED_IN, '1')
  else localStorage.removeItem(SIGNED_IN)
  listeners.forEach((l) => l(value))
}

/** Reads the account and its balance again (after sign-in, or when money may have moved). */
export async function refresh(): Promise<Me | null> {
  try {
    const account = await getJson<Account>('account')
    const balance = await getJson<Balance>('account/balance').catch(() => undefined)
    set({ account, balance })
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) set(null)
    else throw e
  }
  return me
}

/** At start: the session cookie may still be good if this browser signed in before. */
export async function restore(): Promise<void> {
  if (localStorage.getItem(SIGNED_IN)) await refresh().catch(() => undefined)
  else set(null)
}

/** A secret key typed or pasted: `nsec1…` or 64 hex digits. */
export function parseSecret(text: string): Uint8Array {
  const value = text.trim()
  if (/^nsec1[02-9ac-hj-np-z]+$/.test(value)) {
    const decoded = nip19.decode(value)
    if (decoded.type === 'nsec') return decoded.data
  }
  if (/^[0-9a-fA-F]{64}$/.test(value)) return hexToBytes(value.toLowerCase())
  throw new Error('a secret key is nsec1… or 64 hex digits')
}

/** The key kept in this browser, if any. */
export function storedKey(): Uint8Array | null {
  const hex = localStorage.getItem(KEY_STORE)
  return hex && /^[0-9a-f]{64}$/.test(hex) ? hexToBytes(hex) : null
}

function keepKey(secret: Uint8Array): void {
  getPublicKey(secret) // refuses a key that is not a valid secp256k1 scalar
  localStorage.setItem(KEY_STORE, bytesToHex(secret))
}

/** A kind 22242 event answering the server's challenge, signed by `sign`: proof of a Nostr key. */
async function nostrProof(sign: (event: EventTemplate) => Promise<unknown>): Promise<{ event: unknown }> {
  const challenge = await send<{ challenge: string; relay: string }>('POST', 'auth/nostr/challenge')
  const event = await sign({
    kind: 22242,
    created_at: Math.floor(Date.now() / 1000),
    tags: [
      ['relay', challenge.relay],
      ['challenge', challenge.challenge],
    ],
    content: '',
  })
  return { event }
}

function browserKeySigner(secret: Uint8Array): (template: EventTemplate) => Promise<unknown> {
  return async (template) => finalizeEvent(template, secret)
}

function extensionSigner(): (template: EventTemplate) => Promise<unknown> {
  const nostr = window.nostr
  if (!nostr) throw new Error('no Nostr extension (NIP-07) in this browser')
  return (template) => nostr.signEvent(template)
}

async function signInWith(path: string, proof: unknown): Promise<void> {
  await send<Session>('POST', path, proof)
  await refresh()
}

export async function signInWithBrowserKey(secret: Uint8Array): Promise<void> {
  await signInWith('auth/nostr', await nostrProof(browserKeySigner(secret)))
}

export async function signInWithExtension(): Promise<void> {
  await signInWith('auth/nostr', await nostrProof(extensionSigner()))
}

/** An Ethereum address in EIP-55 checksum case. */
export function checksumAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, '')
  if (!/^[0-9a-f]{40}$/.test(lower)) throw new Error(`not an Ethereum address: ${address}`)
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)))
  return `0x${[...lower].map((c, i) => (parseInt(hash[i], 16) >= 8 ? c.toUpperCase() : c)).join('')}`
}

/** The EIP-4361 message for the server's nonce. */
export function siweMessage(
  n: { domain: string; uri: string; version: string; chainId: number; nonce: string; expiresAt: string },
  address: string,
  issuedAt: Date,
): string {
  return [
    `${n.domain} wants you to sign in with your Ethereum account:`,
    checksumAddress(address),
    '',
    'Sign in to Hearth.',
    '',
    `URI: ${n.uri}`,
    `Version: ${n.version}`,
    `Chain ID: ${n.chainId}`,
    `Nonce: ${n.nonce}`,
    `Issued At: ${issuedAt.toISOString()}`,
    `Expiration Time: ${new Date(n.expiresAt).toISOString()}`,
  ].join('\n')
}

/** An EIP-4361 message for the server's nonce, signed by the wallet's first account. */
async function ethereumProof(): Promise<{ message: string; signature: string }> {
  const wallet = window.ethereum
  if (!wallet) throw new Error('no Ethereum wallet (EIP-1193) in this browser')
  const accounts = (await wallet.request({ method: 'eth_requestAccounts' })) as string[]
  if (!accounts?.length) throw new Error('the wallet shared no account')
  const nonce = await send<Parameters<typeof siweMessage>[0]>('POST', 'auth/siwe/nonce')
  const message = siweMessage(nonce, accounts[0], new Date())
  const hex = `0x${bytesToHex(new TextEncoder().encode(message))}`
  const signature = (await wallet.request({ method: 'personal_sign', params: [hex, accounts[0]] })) as string
  return { message, signature }
}

export async function signInWithEthereum(): Promise<void> {
  await signInWith('auth/siwe', await ethereumProof())
}

/** Links another key to the signed-in account, proven the way it would sign in. */
async function linkKey(proof: unknown): Promise<void> {
  await send<Account>('POST', 'account/keys', proof)
  await refresh()
}

export async function signOut(): Promise<void> {
  try {
    await send<void>('POST', 'auth/logout')
  } catch (e) {
    if (!(e instanceof ApiProblem && e.status === 401)) throw e
  }
  set(null)
}

/** A key shortened for display: npub1abcd…wxyz or 0x1234…abcd. */
export function shortKey(account: Account): string {
  const key = account.keys[0]
  if (!key) return account.id.slice(0, 8)
  const value = key.kind === 'NOSTR' && /^[0-9a-f]{64}$/.test(key.value) ? nip19.npubEncode(key.value) : key.value
  return `${value.slice(0, value.startsWith('npub') ? 9 : 6)}…${value.slice(-4)}`
}

/** The header's corner: who is signed in and their balance, or a sign-in link. */
export function renderCorner(corner: HTMLElement): void {
  if (!me) {
    corner.innerHTML = '<a class="signin" href="#/signin">Sign in</a>'
    return
  }
  corner.innerHTML = `
    <a href="#/signin" class="who" title="${esc(me.account.keys[0]?.value ?? me.account.id)}">${esc(
      me.account.displayName || shortKey(me.account),
    )}</a>
    ${me.balance ? `<a href="#/billing" class="balance" id="corner-balance">${usdc(me.balance.available)}</a>` : ''}
    <button type="button" class="secondary" id="signout">Sign out</button>`
  corner.querySelector('#signout')!.addEventListener('click', () => {
    void signOut().then(() => (location.hash = '#/'))
  })
}

/** Where to go once signed in: the screen that asked for it, else My VMs. */
export function askToSignIn(main: HTMLElement, why: string): void {
  sessionStorage.setItem(RETURN_TO, location.hash || '#/')
  main.innerHTML = `<h1>Sign in</h1><p class="empty">${esc(why)}</p>
    <p><a class="button" href="#/signin">Sign in</a></p>`
}

function afterSignIn(): void {
  const next = sessionStorage.getItem(RETURN_TO)
  sessionStorage.removeItem(RETURN_TO)
  location.hash = next && next !== '#/signin' ? next : '#/vms'
}

export function renderSignIn(main: HTMLElement): void {
  if (me) {
    renderAccount(main, me)
    return
  }
  const key = storedKey()
  const npub = key ? nip19.npubEncode(getPublicKey(key)) : null
  main.innerHTML = `
    <h1>Sign in</h1>
    <p>Hearth has no passwords: you sign in by proving a key. Your account is made the first time.</p>
    <p id="signin-status" class="summary" role="status" aria-live="polite"></p>
    <div class="cards signin">
      ${
        window.nostr
          ? `<section class="card" aria-labelledby="nip07-title"><h2 id="nip07-title">Nostr extension</h2>
              <p>Your extension (NIP-07) signs a one-time challenge; your key never leaves it.</p>
              <button type="button" id="signin-nip07">Sign in with Nostr extension</button></section>`
          : ''
      }
      ${
        window.ethereum
          ? `<section class="card" aria-labelledby="eth-title"><h2 id="eth-title">Ethereum wallet</h2>
              <p>Your wallet signs a Sign-In with Ethereum message (EIP-4361).</p>
              <button type="button" id="signin-eth">Sign in with Ethereum</button></section>`
          : ''
      }
      <section class="card" aria-labelledby="local-title"><h2 id="local-title">Key in this browser</h2>
        ${
          npub
            ? `<p>This browser keeps the key <code class="id">${esc(npub)}</code>.</p>
               <p><button type="button" id="signin-local">Sign in with this key</button>
               <button type="button" class="secondary" id="forget-key">Forget this key</button></p>`
            : `<p>No Nostr extension or wallet? Make a Nostr key here.</p>
               <p><button type="button" id="create-key">Create a key and sign in</button></p>`
        }
        <p class="warning">The key is kept in this browser's storage only: anyone using this browser
          profile can use it, and clearing site data loses it. Export it and keep it somewhere safe.</p>
        <form id="import-key">
          <label>Import a secret key (nsec… or hex)
            <input name="secret" type="password" autocomplete="off" spellcheck="false" required /></label>
          <button type="submit" class="secondary">Import and sign in</button>
        </form>
      </section>
    </div>`
  const status = main.querySelector<HTMLElement>('#signin-status')!
  const attempt = async (what: string, action: () => Promise<void>) => {
    status.innerHTML = `<span class="loading">${esc(what)}…</span>`
    main.querySelectorAll('button').forEach((b) => (b.disabled = true))
    try {
      await action()
      afterSignIn()
    } catch (e) {
      status.innerHTML = problem(e)
      main.querySelectorAll('button').forEach((b) => (b.disabled = false))
    }
  }
  main.querySelector('#signin-nip07')?.addEventListener('click', () => {
    void attempt('Asking your extension', signInWithExtension)
  })
  main.querySelector('#signin-eth')?.addEventListener('click', () => {
    void attempt('Asking your wallet', signInWithEthereum)
  })
  main.querySelector('#signin-local')?.addEventListener('click', () => {
    void attempt('Signing in', () => signInWithBrowserKey(key!))
  })
  main.querySelector('#create-key')?.addEventListener('click', () => {
    void attempt('Signing in with a new key', async () => {
      const secret = generateSecretKey()
      keepKey(secret)
      await signInWithBrowserKey(secret)
    })
  })
  main.querySelector('#forget-key')?.addEventListener('click', () => {
    if (confirm('Forget the key kept in this browser? Without an export you cannot get this account back.')) {
      localStorage.removeItem(KEY_STORE)
      renderSignIn(main)
    }
  })
  main.querySelector<HTMLFormElement>('#import-key')!.addEventListener('submit', (event) => {
    event.preventDefault()
    const input = (event.target as HTMLFormElement).elements.namedItem('secret') as HTMLInputElement
    void attempt('Signing in with the imported key', async () => {
      const secret = parseSecret(input.value)
      keepKey(secret)
      input.value = ''
      await signInWithBrowserKey(secret)
    })
  })
}

/** A key as people recognise it: npub1… for Nostr, the checksummed address for Ethereum. */
function keyText(key: Account['keys'][number]): string {
  if (key.kind === 'NOSTR' && /^[0-9a-f]{64}$/.test(key.value)) return nip19.npubEncode(key.value)
  if (key.kind === 'ETHEREUM') return checksumAddress(key.value)
  return key.value
}

function renderAccount(main: HTMLElement, who: Me, done?: string): void {
  const key = storedKey()
  const keyPubkey = key ? getPublicKey(key) : null
  const local = keyPubkey !== null && who.account.keys.some((k) => k.value === keyPubkey)
  main.innerHTML = `
    <h1>My account</h1>
    <dl class="facts">
      <dt>Account</dt><dd class="id" id="account-id">${esc(who.account.id)}</dd>
      <dt>Roles</dt><dd>${esc(who.account.roles.join(', ') || 'tenant')}</dd>
      ${who.balance ? `<dt>Available</dt><dd id="account-balance">${usdc(who.balance.available)}</dd>` : ''}
    </dl>
    <section aria-labelledby="keys-title"><h2 id="keys-title">Keys</h2>
      <p class="summary">Each of these keys signs in to this same account; a linked Ethereum wallet's
        deposits are credited to it.</p>
      <ul class="keys" id="keys">${who.account.keys
        .map(
          (k) => `<li data-key="${esc(k.value)}" data-kind="${esc(k.kind)}"><span class="tag">${esc(k.kind.toLowerCase())}</span>
            <code class="id" title="${esc(k.value)}">${esc(keyText(k))}</code>
            <time datetime="${esc(k.addedAt)}">since ${esc(new Date(k.addedAt).toLocaleDateString())}</time>
            ${
              who.account.keys.length > 1
                ? `<button type="button" class="secondary unlink" aria-label="Unlink ${esc(keyText(k))}">Unlink</button>`
                : ''
            }</li>`,
        )
        .join('')}</ul>
      <h3>Link another key</h3>
      <p class="summary">Prove the key the way it would sign in; from then on it signs in to this account.</p>
      <div class="actions">
        ${window.ethereum ? '<button type="button" id="link-eth">Link my Ethereum wallet</button>' : ''}
        ${window.nostr ? `<button type="button" id="link-nip07">Link my Nostr extension's key</button>` : ''}
        ${
          !key
            ? '<button type="button" id="link-new-key">Create a key in this browser and link it</button>'
            : local
              ? ''
              : `<button type="button" id="link-local">Link the key kept in this browser</button>`
        }
      </div>
      <form id="link-import">
        <label>Or a Nostr secret key (nsec… or hex), used once to prove it and not kept
          <input name="secret" type="password" autocomplete="off" spellcheck="false" required /></label>
        <button type="submit" class="secondary">Link this key</button>
      </form>
      <p id="link-status" role="status" aria-live="polite">${done ? `<span class="summary" id="key-done">${esc(done)}</span>` : ''}</p>
    </section>
    ${
      local
        ? `<section aria-labelledby="export-title"><h2 id="export-title">Export the key in this browser</h2>
            <p class="warning">Whoever has this secret key has this account. Keep it private.</p>
            <p><button type="button" class="secondary" id="show-key" aria-expanded="false">Show secret key</button></p>
            <div id="exported" hidden>
              <label>nsec <input readonly id="export-nsec" class="secret" /></label>
              <label>hex <input readonly id="export-hex" class="secret" /></label>
            </div></section>`
        : ''
    }
    <section aria-labelledby="sessions-title"><h2 id="sessions-title">Signed-in sessions</h2>
      <div id="sessions"><p class="loading">Loading…</p></div></section>
    <p><button type="button" id="signout-account">Sign out</button></p>
    <p id="account-status" role="status"></p>`
  void showSessions(main.querySelector<HTMLElement>('#sessions')!)
  bindLinking(main)
  main.querySelector('#show-key')?.addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLButtonElement
    const box = main.querySelector<HTMLElement>('#exported')!
    box.hidden = !box.hidden
    button.setAttribute('aria-expanded', String(!box.hidden))
    button.textContent = box.hidden ? 'Show secret key' : 'Hide secret key'
    main.querySelector<HTMLInputElement>('#export-nsec')!.value = box.hidden ? '' : nip19.nsecEncode(key!)
    main.querySelector<HTMLInputElement>('#export-hex')!.value = box.hidden ? '' : bytesToHex(key!)
  })
  main.querySelector('#signout-account')!.addEventListener('click', () => {
    signOut()
      .then(() => renderSignIn(main))
      .catch((e) => (main.querySelector('#account-status')!.innerHTML = problem(e)))
  })
}

/** The account page's "Link another key" buttons and form, and each key's "Unlink". */
function bindLinking(main: HTMLElement): void {
  const status = main.querySelector<HTMLElement>('#link-status')!
  const attempt = async (what: string, link: () => Promise<string>) => {
    status.innerHTML = `<span class="loading">${esc(what)}…</span>`
    main.querySelectorAll<HTMLButtonElement>('#keys-title ~ * button').forEach((b) => (b.disabled = true))
    try {
      const done = await link()
      if (me) renderAccount(main, me, done)
    } catch (e) {
      status.innerHTML = problem(e)
      main.querySelectorAll<HTMLButtonElement>('#keys-title ~ * button').forEach((b) => (b.disabled = false))
    }
  }
  const linkNostr = async (sign: (template: EventTemplate) => Promise<unknown>) => {
    await linkKey(await nostrProof(sign))
    return 'Linked the Nostr key: it signs in to this account now.'
  }
  main.querySelector('#link-eth')?.addEventListener('click', () => {
    void attempt('Asking your wallet', async () => {
      await linkKey(await ethereumProof())
      return 'Linked your wallet: it signs in to this account now.'
    })
  })
  main.querySelector('#link-nip07')?.addEventListener('click', () => {
    void attempt('Asking your extension', () => linkNostr(extensionSigner()))
  })
  main.querySelector('#link-local')?.addEventListener('click', () => {
    void attempt('Linking', () => linkNostr(browserKeySigner(storedKey()!)))
  })
  main.querySelector('#link-new-key')?.addEventListener('click', () => {
    void attempt('Linking a new key', async () => {
      const secret = generateSecretKey()
      const linked = await linkNostr(browserKeySigner(secret))
      keepKey(secret) // only once it belongs to this account
      return linked
    })
  })
  main.querySelectorAll<HTMLButtonElement>('#keys button.unlink').forEach((button) =>
    button.addEventListener('click', () => {
      const key = button.closest<HTMLElement>('li')!.dataset.key!
      if (!confirm('Unlink this key? It will no longer sign in to this account.')) return
      void attempt('Unlinking', async () => {
        await send<Account>('DELETE', `account/keys/${encodeURIComponent(key)}`)
        await refresh()
        return 'Unlinked: that key no longer signs in to this account.'
      })
    }),
  )
  main.querySelector<HTMLFormElement>('#link-import')!.addEventListener('submit', (event) => {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('secret') as HTMLInputElement
    void attempt('Linking the key', async () => {
      const secret = parseSecret(input.value)
      input.value = ''
      return linkNostr(browserKeySigner(secret))
    })
  })
}

interface SessionView extends Session {
  userAgent?: string
  createdAt: string
  lastUsedAt?: string
  current?: boolean
}

async function showSessions(box: HTMLElement): Promise<void> {
  try {
    const sessions = await getJson<SessionView[]>('auth/sessions')
    box.innerHTML = `<table class="list sessions"><thead><tr><th>Method</th><th>Browser</th><th>Since</th>
      <th>Last used</th><th><span class="visually-hidden">Action</span></th></tr></thead><tbody>${sessions
        .map(
          (s) => `<tr data-session="${esc(s.id)}"><td>${esc(s.method.toLowerCase())}</td>
            <td>${esc((s.userAgent ?? '').slice(0, 60))}</td>
            <td>${esc(new Date(s.createdAt).toLocaleString())}</td>
            <td>${s.lastUsedAt ? esc(new Date(s.lastUsedAt).toLocaleString()) : '—'}</td>
            <td>${s.current ? '<span class="summary">this one</span>' : `<button type="button" class="secondary revoke">Revoke</button>`}</td></tr>`,
        )
        .join('')}</tbody></table>`
    box.querySelectorAll<HTMLButtonElement>('button.revoke').forEach((button) =>
      button.addEventListener('click', () => {
        const id = button.closest<HTMLElement>('tr')!.dataset.session!
        button.disabled = true
        send<void>('DELETE', `auth/sessions/${id}`)
          .then(() => showSessions(box))
          .catch((e) => (box.innerHTML = problem(e)))
      }),
    )
  } catch (e) {
    box.innerHTML = problem(e)
  }
}
