package dev.faultlab.web.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {
    private static final Viewer STUDENT = new Viewer(1, "s@x.org", "S", false, false);
    private static final Viewer INSTRUCTOR = new Viewer(2, "i@x.org", "I", false, true);
    private static final Viewer ADMIN = new Viewer(3, "a@x.org", "A", true, false);

    @Test
    void eachRoleAdmitsExactlyWhoItNames() {
        assertThat(Access.PUBLIC.admits(null)).isTrue();
        assertThat(Access.SIGNED_IN.admits(null)).isFalse();
        assertThat(Access.SIGNED_IN.admits(STUDENT)).isTrue();
        assertThat(Access.INSTRUCTOR.admits(STUDENT)).isFalse();
        assertThat(Access.INSTRUCTOR.admits(INSTRUCTOR)).isTrue();
        assertThat(Access.INSTRUCTOR.admits(ADMIN)).isTrue();
        assertThat(Access.ADMIN.admits(INSTRUCTOR)).isFalse();
        assertThat(Access.ADMIN.admits(ADMIN)).isTrue();
        assertThat(Access.ADMIN.admits(null)).isFalse();
    }
}
