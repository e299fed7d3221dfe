package dev.faultlab.protocols.voting;

/**
 * The checked parameters of a run: {@code replicas} replicas (P1..Pn), then the voter when it runs apart from the
 * client, then the client. {@code k} is the number of faults the agreement of the Byzantine model is built for.
 */
public record VotingConfig(int replicas, Model model, int k, boolean separateVoter, int input) {
    public int voter() {
        return separateVoter ? replicas : client();
    }

    public int client() {
        return separateVoter ? replicas + 1 : replicas;
    }

    public int nodes() {
        return client() + 1;
    }

    /** The round in which the replicas send their answers: right after the request, or after the agreement. */
    public int answerRound() {
        return model == Model.BYZANTINE ? k + 3 : 2;
    }

    public int rounds() {
        return answerRound() + (separateVoter ? 1 : 0);
    }

    /** The service every replica runs: deterministic, so correct replicas give the same answer. */
    public static int service(int input) {
        return input * input;
    }

    public int correct() {
        return service(input);
    }
}
