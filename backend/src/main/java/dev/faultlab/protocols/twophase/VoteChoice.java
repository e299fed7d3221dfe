package dev.faultlab.protocols.twophase;

import java.util.SplittableRandom;

/**
 * How a participant will vote when asked: a vote fixed by the recipe, or abort with a probability drawn
 * from the participant's own seeded random numbers, so the run still replays exactly.
 *
 * @param fixed            the vote, or null to draw it
 * @param abortProbability the chance of voting abort when the vote is drawn
 */
record VoteChoice(Vote fixed, double abortProbability) {

    static VoteChoice always(Vote vote) {
        return new VoteChoice(vote, 0);
    }

    static VoteChoice abortWithProbability(double probability) {
        return new VoteChoice(null, probability);
    }

    Vote cast(SplittableRandom random) {
        if (fixed != null) {
            return fixed;
        }
        return random.nextDouble() < abortProbability ? Vote.ABORT : Vote.COMMIT;
    }
}
