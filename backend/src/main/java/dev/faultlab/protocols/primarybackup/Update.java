package dev.faultlab.protocols.primarybackup;

/**
 * One entry of a replica's history: the {@code position}-th update, made for request {@code seq} of
 * {@code client}, and the value x had after it at the replica that made the entry.
 */
public record Update(int position, int client, int seq, String op, int value) {
    public boolean answers(int client, int seq) {
        return this.client == client && this.seq == seq;
    }

    public String describe() {
        return "#" + position + " " + op + " (x=" + value + ")";
    }
}
