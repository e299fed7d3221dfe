// Submitting an answer exactly once. The server deduplicates on submissionId, so a retry after a
// network error (or a server error, when the grade may have been stored) must reuse the same id: it
// then gets the original result and costs no second attempt. A changed answer is a new submission.
import { api } from '/js/api.js';

/** A random v4 UUID; crypto.randomUUID exists only on secure origins, getRandomValues everywhere. */
export function newSubmissionId() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True when the request may have reached the server and been graded, so a retry must be recognisable. */
function mayHaveArrived(error) {
  return error.status === 0 || error.status >= 500;
}

export class Submitter {
  constructor(path) {
    this.path = path;
    this.pending = null;
  }

  /** Resolves with {submission, progress}; rejects with an ApiError. */
  async submit(answer) {
    const json = JSON.stringify(answer);
    if (this.pending === null || this.pending.json !== json) {
      this.pending = { id: newSubmissionId(), json };
    }
    try {
      const result = await api.post(this.path, { submissionId: this.pending.id, answer });
      this.pending = null;
      // A grade may reveal answers, which may open the run of the variant: the run panel listens.
      document.dispatchEvent(new CustomEvent('faultlab:graded', { detail: result }));
      return result;
    } catch (error) {
      if (!mayHaveArrived(error)) {
        this.pending = null;
      }
      throw error;
    }
  }
}
