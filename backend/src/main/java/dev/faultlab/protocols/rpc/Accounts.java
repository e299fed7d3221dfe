package dev.faultlab.protocols.rpc;

/** The server's durable state: the balances of accounts A and B and how many documents it printed. */
public record Accounts(int a, int b, int printed) {
    public static final Accounts INITIAL = new Accounts(100, 0, 0);

    @Override
    public String toString() {
        return "A=" + a + " B=" + b + " printed=" + printed;
    }
}
