// Autosaving an exercise's unfinished answer: every change restarts a short timer, and when it runs out
// the latest answer is PUT as the draft. A save that may succeed later (no connection, server error) is
// tried again a few seconds on; flush() saves at once (before the page is left for the run view, or hidden).
import { api } from '/js/api.js';

const DELAY_MS = 800;
const RETRY_MS = 5000;

export class DraftSaver {
  /**
   * @param path    the exercise's draft address
   * @param onState (state, error) with state 'saving' | 'saved' | 'retrying' | 'failed'
   */
  constructor(path, onState) {
    this.path = path;
    this.onState = onState;
    this.timer = null;
    this.unsaved = undefined;
    this.saving = Promise.resolve();
  }

  schedule(answer) {
    this.unsaved = answer;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DELAY_MS);
  }

  /** Saves what is unsaved now; resolves when every save started so far has finished. */
  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.unsaved !== undefined) {
      const answer = this.unsaved;
      this.unsaved = undefined;
      this.saving = this.saving.then(() => this.#save(answer));
    }
    return this.saving;
  }

  /**
   * Forgets unsaved changes before a submission; resolves once a save already under way has finished, so
   * a stale draft cannot land after the submission (which removes the exercise's draft).
   */
  cancel() {
    clearTimeout(this.timer);
    this.timer = null;
    this.unsaved = undefined;
    return this.saving;
  }

  async #save(answer) {
    this.onState('saving');
    try {
      await api.put(this.path, { answer });
      this.onState('saved');
    } catch (error) {
      const transient = error.status === 0 || error.status >= 500;
      if (transient && this.unsaved === undefined) {
        this.unsaved = answer;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), RETRY_MS);
      }
      this.onState(transient ? 'retrying' : 'failed', error);
    }
  }
}
