// A third-party Nostr relay for Hearth's external-relay tests: @nostr-relay/core (the relay
// engine of nostr-relay-nestjs and nostr-relay-tray) behind a `ws` server, with events kept in
// memory (its SQLite repository needs a native build this machine cannot download).
//
//   node third-party-relay.mjs <port>
//
// Prints "listening <port>" once it accepts connections; runs until its stdin closes.
import common from '@nostr-relay/common'
import core from '@nostr-relay/core'
import validation from '@nostr-relay/validator'
import { matchFilter } from 'nostr-tools/filter'
import { WebSocketServer } from 'ws'

const { EventRepository, createOutgoingNoticeMessage } = common
const { NostrRelay } = core
const { Validator } = validation

/** NIP-01 storage: replaceable and addressable events keep their newest version. */
class MemoryRepository extends EventRepository {
  events = new Map()

  isSearchSupported() {
    return false
  }

  upsert(event) {
    if (this.events.has(event.id)) return { isDuplicate: true }
    const replaceable = event.kind === 0 || event.kind === 3 || (event.kind >= 10000 && event.kind < 20000)
    const addressable = event.kind >= 30000 && event.kind < 40000
    if (replaceable || addressable) {
      const d = addressable ? (event.tags.find((t) => t[0] === 'd')?.[1] ?? '') : ''
      for (const old of this.events.values()) {
        const oldD = addressable ? (old.tags.find((t) => t[0] === 'd')?.[1] ?? '') : ''
        if (old.pubkey === event.pubkey && old.kind === event.kind && oldD === d) {
          if (old.created_at > event.created_at) return { isDuplicate: true }
          this.events.delete(old.id)
        }
      }
    }
    this.events.set(event.id, event)
    return { isDuplicate: false }
  }

  find(filter) {
    const found = [...this.events.values()]
      .filter((e) => matchFilter(filter, e))
      .sort((a, b) => b.created_at - a.created_at)
    return filter.limit ? found.slice(0, filter.limit) : found
  }

  async destroy() {}
}

const port = Number(process.argv[2])
const relay = new NostrRelay(new MemoryRepository())
const validator = new Validator()
const wss = new WebSocketServer({ port, host: '127.0.0.1' })

wss.on('connection', (ws) => {
  relay.handleConnection(ws)
  ws.on('message', async (data) => {
    try {
      await relay.handleMessage(ws, await validator.validateIncomingMessage(data))
    } catch (error) {
      ws.send(JSON.stringify(createOutgoingNoticeMessage(String(error?.message ?? error))))
    }
  })
  ws.on('close', () => relay.handleDisconnect(ws))
})
wss.on('listening', () => console.log(`listening ${port}`))
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
