/**
 * A chunk's messages claimed one at a time by two threads, through one shared 32-bit cell: the
 * worker takes them from the front, the thread waiting for the chunk from the back, until they
 * meet. The worker's part is then a prefix and the waiting thread's a suffix, so every message is
 * analysed once and the results join in order. Front and back sit in one cell so that a single
 * compare-and-swap moves either without the other passing it.
 */

/** Front in the low 16 bits, back in the high 15: chunks stay well below this. */
export const MAX_CLAIMED = 0x7fff;

export function newClaims(count: number): Int32Array {
  if (count > MAX_CLAIMED) throw new RangeError(`at most ${MAX_CLAIMED} messages a chunk`);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  cell[0] = count << 16;
  return cell;
}

/** The next message from the front, or -1 when none is left. */
export function claimFront(cell: Int32Array): number {
  return claim(cell, false);
}

/** The next message from the back, or -1 when none is left. */
export function claimBack(cell: Int32Array): number {
  return claim(cell, true);
}

function claim(cell: Int32Array, fromBack: boolean): number {
  for (;;) {
    const state = Atomics.load(cell, 0);
    const front = state & 0xffff;
    const back = state >>> 16;
    if (front >= back) return -1;
    const taken = fromBack ? back - 1 : front;
    const next = fromBack ? (taken << 16) | front : (back << 16) | (front + 1);
    if (Atomics.compareExchange(cell, 0, state, next) === state) return taken;
  }
}
