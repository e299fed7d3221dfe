// The run's WebSocket: frames in (hello, events, status, state, injected, error), commands out. A
// connection that drops without being closed on purpose is reopened by itself with ?from=<last seq
// seen>, so the server resumes exactly after the last event this page holds.

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];

export class RunStream {
  /**
   * @param runId     the run
   * @param lastSeq   () => the seq of the last event held (-1 for none), read at every (re)connect
   * @param handlers  { frame(frame), connection(state, detail) } where state is 'open' | 'lost' | 'closed'
   */
  constructor(runId, lastSeq, handlers) {
    this.runId = runId;
    this.lastSeq = lastSeq;
    this.handlers = handlers;
    this.socket = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.closedOnPurpose = false;
    /** Commands given while the socket is still connecting: sent as soon as it opens. */
    this.pending = [];
    this.onOnline = () => this.#reconnectNow();
    window.addEventListener('online', this.onOnline);
  }

  get connected() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  open() {
    this.closedOnPurpose = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/api/runs/${encodeURIComponent(this.runId)}/stream?from=${this.lastSeq()}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.handlers.connection('open');
      for (const command of this.pending.splice(0)) {
        socket.send(JSON.stringify(command));
      }
    });
    socket.addEventListener('message', (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      this.handlers.frame(frame);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.pending = [];
      if (this.closedOnPurpose) {
        this.handlers.connection('closed');
        return;
      }
      this.#scheduleReconnect();
    });
  }

  /**
   * Sends a command, or holds it until a connection that is being opened is open (a click right after the page
   * loads); false when there is no connection (the caller tells the user).
   */
  send(command) {
    if (this.socket !== null && this.socket.readyState === WebSocket.CONNECTING) {
      this.pending.push(command);
      return true;
    }
    if (!this.connected) {
      return false;
    }
    this.socket.send(JSON.stringify(command));
    return true;
  }

  close() {
    this.closedOnPurpose = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
    this.socket?.close();
  }

  #scheduleReconnect() {
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)];
    this.attempt++;
    this.handlers.connection('lost', { attempt: this.attempt, retryInMs: delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  #reconnectNow() {
    if (this.socket === null && !this.closedOnPurpose) {
      clearTimeout(this.retryTimer);
      this.open();
    }
  }
}
