// A VM's terminal in the browser: xterm.js over the WebSocket a one-time ticket opens. Binary
// frames carry terminal bytes both ways; text frames carry JSON control messages (resize in, exit
// out). The terminal fits its box and follows the window's size.
import '@xterm/xterm/css/xterm.css'
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import { send } from './api'

export interface OpenTerminal {
  close(): void
}

export async function openTerminal(
  box: HTMLElement,
  vmId: string,
  onStatus: (text: string, ended: boolean) => void,
): Promise<OpenTerminal> {
  const ticket = await send<{ ticket: string; url: string }>('POST', `vms/${vmId}/terminal`)
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 14,
    theme: { background: '#0f0c0a', foreground: '#f3ece6', cursor: '#ff8a3d' },
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  term.open(box)
  fit.fit()
  const url = new URL(ticket.url)
  url.searchParams.set('cols', String(term.cols))
  url.searchParams.set('rows', String(term.rows))
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  const encoder = new TextEncoder()
  let ended = false

  const sendSize = () => {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }))
    }
  }
  socket.addEventListener('open', () => {
    onStatus('Connected', false)
    sendSize()
    term.focus()
  })
  socket.addEventListener('message', (event) => {
    if (typeof event.data === 'string') {
      try {
        const control = JSON.parse(event.data)
        if (control.type === 'exit') {
          ended = true
          onStatus(`The shell ended (exit code ${control.code})`, true)
        } else if (control.message) {
          onStatus(String(control.message), false)
        }
      } catch {
        // not a control message we know
      }
    } else {
      term.write(new Uint8Array(event.data as ArrayBuffer))
    }
  })
  socket.addEventListener('close', (event) => {
    if (!ended) onStatus(`Disconnected${event.reason ? `: ${event.reason}` : ''}`, true)
    ended = true
  })
  term.onData((data) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(encoder.encode(data))
  })
  term.onBinary((data) => {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))
    }
  })
  term.onResize(sendSize)
  const observer = new ResizeObserver(() => {
    if (box.clientWidth > 0) fit.fit()
  })
  observer.observe(box)

  return {
    close() {
      observer.disconnect()
      ended = true
      socket.close()
      term.dispose()
    },
  }
}
