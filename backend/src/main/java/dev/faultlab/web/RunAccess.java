package dev.faultlab.web;

import dev.faultlab.run.LiveRun;
import dev.faultlab.run.RunService;
import dev.faultlab.store.RunStore;
import dev.faultlab.web.auth.CourseAccess;
import dev.faultlab.web.auth.Viewer;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and who may drive a run. Its owner, the instructors of its course and administrators see
 * it; only the owner and administrators change it. To anyone else a run does not exist (404), so run
 * ids cannot be probed.
 */
final class RunAccess {
    private final RunService runs;
    private final CourseAccess courses;

    RunAccess(RunService runs, CourseAccess courses) {
        this.runs = runs;
        this.courses = courses;
    }

    static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no run " + raw + ".");
        }
    }

    /** Loads the run if the viewer may see it. */
    LiveRun visible(Viewer viewer, String rawId) {
        return runs.open(visibleStored(viewer, rawId).id());
    }

    /**
     * The saved run if the viewer may change it, without loading it: deleting a run must work even when it no
     * longer replays or is live on another instance.
     */
    RunStore.StoredRun drivableStored(Viewer viewer, String rawId) {
        RunStore.StoredRun stored = visibleStored(viewer, rawId);
        if (!mayDrive(viewer, stored.ownerId())) {
            throw forbidden();
        }
        return stored;
    }

    private RunStore.StoredRun visibleStored(Viewer viewer, String rawId) {
        UUID id = parseId(rawId);
        RunStore.StoredRun stored = runs.stored(id).orElseThrow(() -> ApiException.notFound("There is no run " + id + "."));
        if (!canSee(viewer, stored.ownerId(), stored.courseId())) {
            throw ApiException.notFound("There is no run " + id + ".");
        }
        return stored;
    }

    /** Whether the viewer may still see a run that is open already (asked again at every command of its stream). */
    boolean canSee(Viewer viewer, LiveRun run) {
        return canSee(viewer, run.ownerId(), run.courseId());
    }

    private boolean canSee(Viewer viewer, Optional<Long> ownerId, Optional<Long> courseId) {
        return viewer.isAdmin() || ownerId.isPresent() && courses.canSeeWorkOf(viewer, ownerId.get(), courseId);
    }

    static boolean mayDrive(Viewer viewer, LiveRun run) {
        return mayDrive(viewer, run.ownerId());
    }

    private static boolean mayDrive(Viewer viewer, Optional<Long> ownerId) {
        return viewer.isAdmin() || ownerId.map(owner -> owner == viewer.id()).orElse(false);
    }

    private static ApiException forbidden() {
        return new ApiException(403, "forbidden", "Only the run's owner can change it; branch it to make your own.");
    }

    static void requireDriver(Viewer viewer, LiveRun run) {
        if (!mayDrive(viewer, run)) {
            throw forbidden();
        }
    }
}
