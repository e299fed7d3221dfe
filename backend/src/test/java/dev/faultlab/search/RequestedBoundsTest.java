package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A search's bounds from a request: defaults for what is left out, the server's caps over what is too large. */
class RequestedBoundsTest {
    private static final SearchBounds CAPS = SearchBounds.SERVER_CAPS;

    @Test
    void whatIsLeftOutTakesItsDefault() {
        assertThat(RequestedBounds.none().resolve(CAPS)).isEqualTo(RequestedBounds.DEFAULTS);
    }

    @Test
    void whatIsAskedForIsKeptAndWhatIsAboveTheCapIsLoweredToIt() {
        SearchBounds resolved = new RequestedBounds(12, 2, null, 999_999_999L, 5_000L, 0, null, 42L, 9).resolve(CAPS);

        assertThat(resolved.maxDepth()).isEqualTo(12);
        assertThat(resolved.maxCrashes()).isEqualTo(2);
        assertThat(resolved.maxDrops()).isEqualTo(RequestedBounds.DEFAULTS.maxDrops());
        assertThat(resolved.maxStates()).isEqualTo(CAPS.maxStates());
        assertThat(resolved.maxMillis()).isEqualTo(5_000);
        assertThat(resolved.probes()).isZero();
        assertThat(resolved.seed()).isEqualTo(42);
        assertThat(resolved.maxDuplicates()).isEqualTo(CAPS.maxDuplicates());
    }

    @Test
    void aDefaultAboveASmallerCapIsLoweredToo() {
        SearchBounds tight = new SearchBounds(5, 0, 0, 100, 1_000, 0, 1, 0);

        assertThat(RequestedBounds.none().resolve(tight))
                .isEqualTo(new SearchBounds(5, 0, 0, 100, 1_000, 0, 1, RequestedBounds.DEFAULTS.seed()));
    }

    @Test
    void aBoundBelowItsLeastIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new RequestedBounds(0, null, null, null, null, null, null, null, null).resolve(CAPS))
                .isInstanceOfSatisfying(SearchProblem.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(SearchProblem.Kind.INVALID);
                    assertThat(refused.field()).isEqualTo("bounds.maxDepth");
                    assertThat(refused.getMessage()).isEqualTo("maxDepth must be at least 1, got 0.");
                });
        assertThatThrownBy(() -> new RequestedBounds(null, -1, null, null, null, null, null, null, null).resolve(CAPS))
                .isInstanceOfSatisfying(SearchProblem.class, refused ->
                        assertThat(refused.field()).isEqualTo("bounds.maxCrashes"));
    }
}
