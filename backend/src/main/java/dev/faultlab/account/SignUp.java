package dev.faultlab.account;

/** What a new account is created from; exactly one of joinCode and invitation is given. */
public record SignUp(String email, String displayName, String password, String joinCode, String invitation) {
    @Override
    public String toString() {
        return "SignUp[email=" + email + ", displayName=" + displayName + "]";
    }
}
