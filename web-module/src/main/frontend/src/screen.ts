// What a screen leaves running (timers, sockets) is ended when the page moves to another screen.

const cleanups: (() => void)[] = []

export function onLeave(cleanup: () => void): void {
  cleanups.push(cleanup)
}

export function leave(): void {
  while (cleanups.length) {
    try {
      cleanups.pop()!()
    } catch {
      // a screen that is gone cannot be helped
    }
  }
}
