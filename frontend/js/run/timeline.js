// The timeline: play, pause, step, speed and a scrubber over every event received, with a keyboard
// shortcut for each (listed in the "?" help dialog, which is built from the same table so the two
// never disagree).
import { el } from '/js/dom.js';

export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 500, 2000];

/** Every shortcut: keys as shown, a test on the KeyboardEvent, and the action's name. */
export const SHORTCUTS = [
  { keys: 'Space', test: (e) => e.key === ' ', action: 'togglePlay', what: 'play or pause' },
  { keys: '→', test: (e) => e.key === 'ArrowRight' && !e.shiftKey, action: 'stepEvent', what: 'one event forward (computes the next step at the newest event)' },
  { keys: 'Shift + →', test: (e) => e.key === 'ArrowRight' && e.shiftKey, action: 'stepRound', what: 'forward to the start of the next round' },
  { keys: '←', test: (e) => e.key === 'ArrowLeft' && !e.shiftKey, action: 'back', what: 'one event back' },
  { keys: 'Shift + ←', test: (e) => e.key === 'ArrowLeft' && e.shiftKey, action: 'backRound', what: 'back to the start of this round (or the one before)' },
  { keys: 'Home', test: (e) => e.key === 'Home', action: 'first', what: 'the first event' },
  { keys: 'End', test: (e) => e.key === 'End', action: 'latest', what: 'the newest event (and follow new ones)' },
  { keys: ']', test: (e) => e.key === ']', action: 'faster', what: 'play faster' },
  { keys: '[', test: (e) => e.key === '[', action: 'slower', what: 'play slower' },
  { keys: '+', test: (e) => e.key === '+' || e.key === '=', action: 'zoomIn', what: 'zoom the diagram in' },
  { keys: '-', test: (e) => e.key === '-', action: 'zoomOut', what: 'zoom the diagram out' },
  { keys: '0', test: (e) => e.key === '0', action: 'fit', what: 'show the whole trace' },
  { keys: 'B', test: (e) => e.key === 'b' || e.key === 'B', action: 'branch', what: 'branch from the current event' },
  { keys: 'Esc', test: (e) => e.key === 'Escape', action: 'clearSelection', what: 'clear the selection' },
  { keys: '?', test: (e) => e.key === '?', action: 'help', what: 'this help' },
];

export class Timeline {
  /**
   * @param parts   { play, stepEvent, stepRound, back, first, latest, speed, scrubber, position, help, helpDialog }
   * @param actions an object with a method per SHORTCUTS action, plus seek(seq) and setSpeed(eventsPerSecond)
   */
  constructor(parts, actions) {
    Object.assign(this, parts);
    this.actions = actions;
    this.playing = false;
    this.speed.append(...SPEEDS.map((s) => el('option', { value: String(s) }, `${s} events/s`)));
    this.play.addEventListener('click', () => actions.togglePlay());
    this.stepEvent.addEventListener('click', () => actions.stepEvent());
    this.stepRound.addEventListener('click', () => actions.stepRound());
    this.back.addEventListener('click', () => actions.back());
    this.first.addEventListener('click', () => actions.first());
    this.latest.addEventListener('click', () => actions.latest());
    this.speed.addEventListener('change', () => actions.setSpeed(Number(this.speed.value)));
    this.scrubber.addEventListener('input', () => actions.seek(Number(this.scrubber.value)));
    this.help.addEventListener('click', () => this.showHelp());
    this.#fillHelp();
    document.addEventListener('keydown', (event) => this.#key(event));
  }

  /** Reflects the run: how many events, where the cursor is, whether it plays, how fast, who may drive. */
  update({ size, cursor, playing, speed, canDrive, ended }) {
    this.playing = playing;
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-label', playing ? 'Pause (Space)' : 'Play (Space)');
    this.play.disabled = !canDrive || (ended && !playing);
    const atHead = cursor >= size - 1;
    this.stepEvent.disabled = atHead && (!canDrive || ended);
    this.stepRound.disabled = atHead && (!canDrive || ended);
    this.back.disabled = cursor <= 0;
    this.first.disabled = cursor <= 0;
    this.latest.disabled = atHead;
    this.speed.disabled = !canDrive;
    const nearest = SPEEDS.reduce((best, s) => (Math.abs(s - speed) < Math.abs(best - speed) ? s : best), SPEEDS[0]);
    this.speed.value = String(nearest);
    this.scrubber.max = String(Math.max(0, size - 1));
    this.scrubber.value = String(Math.max(0, cursor));
    this.scrubber.disabled = size === 0;
    this.scrubber.setAttribute('aria-valuetext', size === 0 ? 'no events yet' : `event ${cursor} of ${size - 1}`);
    this.position.textContent = size === 0 ? 'No events yet' : `Event #${cursor} of ${size - 1}${atHead ? ' (newest)' : ''}`;
  }

  showHelp() {
    this.helpDialog.showModal();
  }

  #fillHelp() {
    const rows = SHORTCUTS.map((s) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, s.keys)), el('td', {}, s.what)));
    this.helpDialog.querySelector('tbody').replaceChildren(...rows);
  }

  #key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || this.helpDialog.open) {
      return;
    }
    const target = event.target;
    if (target.closest?.('input, select, textarea, dialog, [role="listbox"], [role="menu"]')) {
      return;
    }
    // A focused button keeps Space for itself; every other shortcut still works there.
    if (event.key === ' ' && target.closest?.('button, a')) {
      return;
    }
    const shortcut = SHORTCUTS.find((s) => s.test(event));
    if (shortcut) {
      event.preventDefault();
      this.actions[shortcut.action]();
    }
  }
}
