package dev.faultlab.account;

/** A new invitation and its token, which is shown once to the instructor to pass on and stored only as a hash. */
public record IssuedInvitation(String token, Invitation invitation) {
    @Override
    public String toString() {
        return "IssuedInvitation[" + invitation + "]";
    }
}
