// Verifies an event with nostr-tools: reads the event JSON on stdin and prints true or false
// (verifyEvent: the id is the hash of the NIP-01 serialization and the signature is valid).
//
//   node nostr-verify.mjs < event.json
import { readFileSync } from 'node:fs'
import { verifyEvent } from 'nostr-tools/pure'

try {
  console.log(verifyEvent(JSON.parse(readFileSync(0, 'utf8'))))
} catch (e) {
  console.error(`nostr-verify: ${e.message}`)
  process.exit(1)
}
