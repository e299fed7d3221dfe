package dev.faultlab.protocols.twoarmy;

import dev.faultlab.sim.Message;

/**
 * The messenger crossing the valley with message {@code number} of the protocol: number 1 is Sparta's "attack at
 * noon", every later one acknowledges the one before it ("I got your message {@code number - 1}").
 */
public record Messenger(int number) implements Message {
    public static final String ORDER = "ATTACK_AT_NOON";
    public static final String ACK = "ACK";

    @Override
    public String type() {
        return number == 1 ? ORDER : ACK;
    }

    /** Who sends message {@code number}: Sparta the odd ones (the order first), Carthage the even ones. */
    public static int senderOf(int number) {
        return number % 2 == 1 ? TwoArmy.SPARTA : TwoArmy.CARTHAGE;
    }

    public static int receiverOf(int number) {
        return 1 - senderOf(number);
    }

    /** How a person reads the message: "message 3 (ack of 2)". */
    public String label() {
        return number == 1 ? "message 1 (attack at noon)" : "message " + number + " (ack of " + (number - 1) + ")";
    }
}
