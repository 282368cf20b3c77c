// Signs with nostr-tools, so Hearth's tests face a real third-party Nostr client.
// Other modules' integration tests call this script too: keep its interface stable.
//
//   node nostr-sign.mjs '<request JSON>'      or      node nostr-sign.mjs < request.json
//
// Requests (secretKey: 64 hex chars; output goes to stdout on one line):
//   {"op":"event", "secretKey":…, "kind":1, "tags":[["t","x"]], "content":"hi", "created_at":1700000000}
//       prints the signed event JSON. tags default to [], content to "", created_at to now.
//   {"op":"nip98", "secretKey":…, "url":"https://host/api/x?a=1", "method":"POST", "body":"{\"a\":1}"}
//       prints an Authorization header value, "Nostr <base64 of the kind 27235 event JSON>",
//       made by nostr-tools' nip98.getToken. body is the exact request body as a string, or
//       null/absent for none. A non-empty body gets a payload tag holding the hex SHA-256 of
//       its UTF-8 bytes: getToken hashes JSON.stringify(payload), so a body that is compact
//       JSON (JSON.stringify of its own parse) is handed to getToken as the payload; any other
//       body is hashed here and its payload tag added before signing. Optional "created_at"
//       (unix seconds) replaces the current time, e.g. to make an expired header.
// Errors go to stderr with exit status 1.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { finalizeEvent } from 'nostr-tools/pure'
import { getToken } from 'nostr-tools/nip98'
import { hexToBytes } from 'nostr-tools/utils'

function readRequest() {
  const text = process.argv[2] ?? readFileSync(0, 'utf8')
  return JSON.parse(text)
}

function signEvent(req, secretKey) {
  const template = {
    kind: req.kind,
    tags: req.tags ?? [],
    content: req.content ?? '',
    created_at: req.created_at ?? Math.floor(Date.now() / 1000),
  }
  return JSON.stringify(finalizeEvent(template, secretKey))
}

/** The body as getToken's payload argument, or undefined when getToken would hash other bytes. */
function asPayload(body) {
  try {
    const value = JSON.parse(body)
    return value && JSON.stringify(value) === body ? value : undefined
  } catch {
    return undefined
  }
}

async function nip98Header(req, secretKey) {
  const body = req.body ?? ''
  const sign = template =>
    finalizeEvent({ ...template, created_at: req.created_at ?? template.created_at }, secretKey)
  if (body === '') {
    return getToken(req.url, req.method, sign, true)
  }
  const payload = asPayload(body)
  if (payload !== undefined) {
    return getToken(req.url, req.method, sign, true, payload)
  }
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex')
  const signWithPayload = template =>
    sign({ ...template, tags: [...template.tags, ['payload', bodyHash]] })
  return getToken(req.url, req.method, signWithPayload, true)
}

try {
  const req = readRequest()
  const secretKey = hexToBytes(req.secretKey)
  if (req.op === 'event') {
    console.log(signEvent(req, secretKey))
  } else if (req.op === 'nip98') {
    console.log(await nip98Header(req, secretKey))
  } else {
    throw new Error(`unknown op ${JSON.stringify(req.op)}: expected "event" or "nip98"`)
  }
} catch (e) {
  console.error(`nostr-sign: ${e.message}`)
  process.exit(1)
}
