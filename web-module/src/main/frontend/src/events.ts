// What the server pushes about my VMs and my money: server-sent events from `api/vms/events`, a
// `vm` event per change of a VM I own or share, a `billing` event per billing period of mine
// held or settled and a `deposit` event per deposit credited to me.
import { onLeave } from './screen'

export type PushedEvent = 'vm' | 'billing' | 'deposit'

/**
 * Calls `read` now and again after each pushed event of the given kinds while the screen is shown,
 * never two at once (events during a read make one more read), until `read` answers false.
 */
export function follow(kinds: PushedEvent[], read: () => Promise<boolean>): void {
  const changes = new EventSource('api/vms/events')
  let reading = false
  let again = false
  const tick = async (): Promise<void> => {
    if (reading) {
      again = true
      return
    }
    reading = true
    const more = await read().catch(() => true)
    reading = false
    if (!more) changes.close()
    else if (again) {
      again = false
      void tick()
    }
  }
  kinds.forEach((kind) => changes.addEventListener(kind, () => void tick()))
  onLeave(() => changes.close())
  void tick()
}
