// A real Ethereum wallet for Hearth's integration tests, made with ethers.
//
//   node ethers-sign.mjs '<request JSON>'      or      node ethers-sign.mjs < request.json
//
// Requests (privateKey: 0x and 64 hex digits; output goes to stdout on one line):
//   {"op":"address", "privateKey":…}                 prints the wallet's EIP-55 address
//   {"op":"sign", "privateKey":…, "message":"…"}     prints the EIP-191 personal_sign signature
//                                                    (0x, r, s, v) of the message's UTF-8 bytes
// Errors go to stderr with exit status 1.
import { readFileSync } from 'node:fs'
import { Wallet } from 'ethers'

try {
  const req = JSON.parse(process.argv[2] ?? readFileSync(0, 'utf8'))
  const wallet = new Wallet(req.privateKey)
  if (req.op === 'address') {
    console.log(wallet.address)
  } else if (req.op === 'sign') {
    console.log(await wallet.signMessage(req.message))
  } else {
    throw new Error(`unknown op ${JSON.stringify(req.op)}: expected "address" or "sign"`)
  }
} catch (e) {
  console.error(`ethers-sign: ${e.message}`)
  process.exit(1)
}
