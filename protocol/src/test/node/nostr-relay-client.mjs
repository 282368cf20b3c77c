// Drives a relay with nostr-tools' own Relay client, so Hearth's relay tests face a real
// third-party Nostr client.
//
//   node nostr-relay-client.mjs < script.json
//
// The script: {"url":"ws://host/relay", "localAddress":"127.0.0.2" (optional: the address to
// connect from), "ops":[op, ...]}; the output, one line of JSON: a list with one result per op, in
// order.
//   {"op":"publish", "event":{signed event}}          → {"id", "ok", "message"}
//       (the OK's reason; nostr-tools resolves an accepted event and rejects a refused one)
//   {"op":"publishAll", "events":[signed event, ...], "returnAfter":n (optional)}
//                                                      → {"results":[{"id", "ok", "message"}, …]}
//       publishes them all at once, without waiting for one OK before the next EVENT, and waits
//       up to a minute for the OKs (nostr-tools gives up on one after 4.4 s); with returnAfter,
//       only for the first n answers, which are the results (in the order they came).
//   {"op":"query", "filters":[filter, ...]}            → {"events":[…], "closed": reason or null}
//       subscribes, collects until EOSE (or CLOSED), closes the subscription.
//   {"op":"live", "filters":[…], "event":{signed}}     → {"received":[ids], "published":{…}}
//       subscribes, and after EOSE publishes the event and waits (5 s at most) for it to arrive
//       through the subscription.
//   {"op":"auth", "secretKey":hex, "challenge"?, "relay"?, "created_at"?, "forge"?}
//                                                      → {"ok", "message", "challenge"}
//       NIP-42: waits for the relay's AUTH challenge, then authenticates with nostr-tools' own
//       relay.auth (a kind 22242 event with the relay's URL and the challenge). The optional
//       fields replace the challenge, relay tag or created_at before signing; forge spoils the
//       signature. "challenge" in the result is the one the relay sent.
// Errors go to stderr with exit status 1.
import { readFileSync } from 'node:fs'
import { finalizeEvent } from 'nostr-tools/pure'
import { Relay, useWebSocketImplementation } from 'nostr-tools/relay'
import { hexToBytes } from 'nostr-tools/utils'
import WebSocket from 'ws'

const script = JSON.parse(readFileSync(0, 'utf8'))

// ws's own option chooses the source address; nostr-tools constructs sockets with (url) only.
class WebSocketFromAddress extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols, { localAddress: script.localAddress })
  }
}

useWebSocketImplementation(script.localAddress ? WebSocketFromAddress : WebSocket)

async function publish(relay, event) {
  try {
    const message = await relay.publish(event)
    return { id: event.id, ok: true, message: message ?? '' }
  } catch (e) {
    return { id: event.id, ok: false, message: String(e?.message ?? e) }
  }
}

async function publishAll(relay, events, returnAfter = events.length) {
  const timeout = relay.publishTimeout
  relay.publishTimeout = 60000
  const results = []
  await new Promise((resolve) => {
    if (returnAfter <= 0) resolve()
    for (const event of events) {
      publish(relay, event).then((result) => {
        results.push(result)
        if (results.length === returnAfter) resolve()
      })
    }
  })
  relay.publishTimeout = timeout
  return { results: results.slice(0, returnAfter) }
}

function query(relay, filters) {
  return new Promise((resolve) => {
    const events = []
    const sub = relay.subscribe(filters, {
      onevent: (e) => events.push(e),
      oneose: () => {
        resolve({ events, closed: null })
        sub.close()
      },
      onclose: (reason) => resolve({ events, closed: reason ?? null }),
    })
  })
}

function live(relay, filters, event) {
  return new Promise((resolve) => {
    const received = []
    let published = null
    const done = () => {
      sub.close()
      resolve({ received, published })
    }
    const sub = relay.subscribe(filters, {
      onevent: (e) => {
        received.push(e.id)
        if (e.id === event.id && published) done()
      },
      oneose: async () => {
        published = await publish(relay, event)
        if (received.includes(event.id)) done()
        else setTimeout(done, 5000)
      },
    })
  })
}

async function challengeOf(relay) {
  for (let waited = 0; !relay.challenge && waited < 5000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  if (!relay.challenge) throw new Error('the relay sent no AUTH challenge')
  return relay.challenge
}

function replaceTag(tags, name, value) {
  return value === undefined ? tags : tags.map((t) => (t[0] === name ? [name, value] : t))
}

async function auth(relay, op) {
  const challenge = await challengeOf(relay)
  const sign = async (template) => {
    template.tags = replaceTag(replaceTag(template.tags, 'challenge', op.challenge), 'relay', op.relay)
    if (op.created_at !== undefined) template.created_at = op.created_at
    const event = finalizeEvent(template, hexToBytes(op.secretKey))
    if (op.forge) event.sig = (event.sig[0] === '0' ? '1' : '0') + event.sig.slice(1)
    return event
  }
  // nostr-tools keeps its first AUTH's promise; every op here is a new attempt.
  relay.authPromise = undefined
  try {
    const message = await relay.auth(sign)
    return { ok: true, message: message ?? '', challenge }
  } catch (e) {
    return { ok: false, message: String(e?.message ?? e), challenge }
  }
}

const relay = await Relay.connect(script.url)
const results = []
for (const op of script.ops) {
  if (op.op === 'publish') results.push(await publish(relay, op.event))
  else if (op.op === 'publishAll') results.push(await publishAll(relay, op.events, op.returnAfter))
  else if (op.op === 'query') results.push(await query(relay, op.filters))
  else if (op.op === 'live') results.push(await live(relay, op.filters, op.event))
  else if (op.op === 'auth') results.push(await auth(relay, op))
  else throw new Error('unknown op ' + op.op)
}
relay.close()
// Exit once the output is written: exiting at once cuts output to a pipe at 64 KiB.
process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0))
