// Drives a relay with nostr-tools' own Relay client, so Hearth's relay tests face a real
// third-party Nostr client.
//
//   node nostr-relay-client.mjs < script.json
//
// The script: {"url":"ws://host/relay", "ops":[op, ...]}; the output, one line of JSON: a list with
// one result per op, in order.
//   {"op":"publish", "event":{signed event}}          → {"id", "ok", "message"}
//       (the OK's reason; nostr-tools resolves an accepted event and rejects a refused one)
//   {"op":"query", "filters":[filter, ...]}            → {"events":[…], "closed": reason or null}
//       subscribes, collects until EOSE (or CLOSED), closes the subscription.
//   {"op":"live", "filters":[…], "event":{signed}}     → {"received":[ids], "published":{…}}
//       subscribes, and after EOSE publishes the event and waits (5 s at most) for it to arrive
//       through the subscription.
// Errors go to stderr with exit status 1.
import { readFileSync } from 'node:fs'
import { Relay, useWebSocketImplementation } from 'nostr-tools/relay'
import WebSocket from 'ws'

useWebSocketImplementation(WebSocket)

async function publish(relay, event) {
  try {
    const message = await relay.publish(event)
    return { id: event.id, ok: true, message: message ?? '' }
  } catch (e) {
    return { id: event.id, ok: false, message: String(e?.message ?? e) }
  }
}

function query(relay, filters) {
  return new Promise((resolve) => {
    const events = []
    const sub = relay.subscribe(filters, {
      onevent: (e) => events.push(e),
      oneose: () => {
        sub.close()
        resolve({ events, closed: null })
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

const script = JSON.parse(readFileSync(0, 'utf8'))
const relay = await Relay.connect(script.url)
const results = []
for (const op of script.ops) {
  if (op.op === 'publish') results.push(await publish(relay, op.event))
  else if (op.op === 'query') results.push(await query(relay, op.filters))
  else if (op.op === 'live') results.push(await live(relay, op.filters, op.event))
  else throw new Error('unknown op ' + op.op)
}
relay.close()
console.log(JSON.stringify(results))
process.exit(0)
