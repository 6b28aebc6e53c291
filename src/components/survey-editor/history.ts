/**
 * Undo and redo over whole snapshots (configs are small; a snapshot is never changed once taken).
 * Typing in one field is one step: a push with the same `coalesce` key as the last one adds nothing,
 * so Undo takes back the whole word, not one letter. Any other step ends the run.
 */
export class History<T> {
  #past: T[] = [];
  #future: T[] = [];
  #run: string | null = null;

  /** Before a change: keeps `current` to come back to. */
  push(current: T, coalesce: string | null = null) {
    this.#future = [];
    if (coalesce !== null && coalesce === this.#run) return;
    this.#run = coalesce;
    this.#past.push(current);
    if (this.#past.length > 200) this.#past.shift();
  }

  /** The state to go back to (undefined: nothing to undo); `current` becomes redoable. */
  undo(current: T): T | undefined {
    if (this.#past.length === 0) return undefined;
    this.#run = null;
    this.#future.push(current);
    return this.#past.pop();
  }

  redo(current: T): T | undefined {
    if (this.#future.length === 0) return undefined;
    this.#run = null;
    this.#past.push(current);
    return this.#future.pop();
  }

  clear() {
    this.#past = [];
    this.#future = [];
    this.#run = null;
  }

  get canUndo() {
    return this.#past.length > 0;
  }

  get canRedo() {
    return this.#future.length > 0;
  }
}
