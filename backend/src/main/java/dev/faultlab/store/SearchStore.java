package dev.faultlab.store;

import dev.faultlab.store.db.tables.records.SearchesRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.SEARCHES;

/**
 * Saved searches of the explorer (db/migration/V8): what was asked, how far the search got, and its result, so a
 * finished result outlives the server. The instance that queues or runs a search names itself in {@code live_on};
 * a search whose instance is gone is marked interrupted by the next one to start.
 */
public final class SearchStore {
    /** Statuses of a search still queued or running. */
    public static final List<String> ACTIVE = List.of("QUEUED", "RUNNING");

    /** A search as stored. JSON columns stay text: the search package reads them. */
    public record StoredSearch(UUID id, long ownerId, Optional<Long> courseId, Optional<UUID> runId, String protocol,
                               String recipeJson, String boundsJson, Optional<String> property, Optional<String> goal,
                               String status, Figures figures, Optional<Found> found, Optional<Boolean> pruned, Optional<String> note,
                               OffsetDateTime createdAt, Optional<OffsetDateTime> finishedAt) {
    }

    /** How far a search got: states looked at, distinct ones, depth, time. */
    public record Figures(long explored, long distinct, int depth, long elapsedMillis) {
    }

    /** The violation a search found and the recipe that replays it. */
    public record Found(String counterexampleJson, String property, int at, String explanation, int steps,
                        boolean byProbe) {
    }

    /** How a search ended. */
    public record End(String status, Figures figures, Optional<Found> found, Optional<Boolean> pruned,
                      Optional<String> note) {
    }

    private final DSLContext sql;

    public SearchStore(DSLContext sql) {
        this.sql = sql;
    }

    public void insert(UUID id, long ownerId, Optional<Long> courseId, Optional<UUID> runId, String protocol,
                       String recipeJson, String boundsJson, Optional<String> property, Optional<String> goal, String status,
                       int liveOn) {
        sql.insertInto(SEARCHES)
                .set(SEARCHES.ID, id)
                .set(SEARCHES.OWNER_ID, ownerId)
                .set(SEARCHES.COURSE_ID, courseId.orElse(null))
                .set(SEARCHES.RUN_ID, runId.orElse(null))
                .set(SEARCHES.PROTOCOL, protocol)
                .set(SEARCHES.RECIPE, JSONB.valueOf(recipeJson))
                .set(SEARCHES.BOUNDS, JSONB.valueOf(boundsJson))
                .set(SEARCHES.PROPERTY, property.orElse(null))
                .set(SEARCHES.GOAL, goal.orElse(null))
                .set(SEARCHES.STATUS, status)
                .set(SEARCHES.LIVE_ON, liveOn)
                .execute();
    }

    public Optional<StoredSearch> find(UUID id) {
        return sql.selectFrom(SEARCHES).where(SEARCHES.ID.eq(id)).fetchOptional().map(SearchStore::toStored);
    }

    public List<StoredSearch> listByOwner(long ownerId, int limit) {
        return sql.selectFrom(SEARCHES).where(SEARCHES.OWNER_ID.eq(ownerId))
                .orderBy(SEARCHES.CREATED_AT.desc(), SEARCHES.ID).limit(limit)
                .fetch(SearchStore::toStored);
    }

    /** A queued search starts running (or a running one reports how far it got), while {@code instance} holds it. */
    public void running(UUID id, Figures figures, int instance) {
        sql.update(SEARCHES)
                .set(SEARCHES.STATUS, "RUNNING")
                .set(SEARCHES.EXPLORED, figures.explored())
                .set(SEARCHES.DISTINCT_STATES, figures.distinct())
                .set(SEARCHES.DEPTH, figures.depth())
                .set(SEARCHES.ELAPSED_MS, figures.elapsedMillis())
                .where(SEARCHES.ID.eq(id)).and(SEARCHES.LIVE_ON.eq(instance))
                .execute();
    }

    /** The search ended: its result is saved and no instance holds it any more. */
    public void finish(UUID id, End end, int instance) {
        Optional<Found> found = end.found();
        sql.update(SEARCHES)
                .set(SEARCHES.STATUS, end.status())
                .set(SEARCHES.EXPLORED, end.figures().explored())
                .set(SEARCHES.DISTINCT_STATES, end.figures().distinct())
                .set(SEARCHES.DEPTH, end.figures().depth())
                .set(SEARCHES.ELAPSED_MS, end.figures().elapsedMillis())
                .set(SEARCHES.COUNTEREXAMPLE, found.map(f -> JSONB.valueOf(f.counterexampleJson())).orElse(null))
                .set(SEARCHES.VIOLATION_PROPERTY, found.map(Found::property).orElse(null))
                .set(SEARCHES.VIOLATION_AT, found.map(Found::at).orElse(null))
                .set(SEARCHES.VIOLATION_TEXT, found.map(Found::explanation).orElse(null))
                .set(SEARCHES.STEPS, found.map(Found::steps).orElse(null))
                .set(SEARCHES.BY_PROBE, found.map(Found::byProbe).orElse(null))
                .set(SEARCHES.PRUNED, end.pruned().orElse(null))
                .set(SEARCHES.NOTE, end.note().orElse(null))
                .set(SEARCHES.FINISHED_AT, OffsetDateTime.now())
                .setNull(SEARCHES.LIVE_ON)
                .where(SEARCHES.ID.eq(id)).and(SEARCHES.LIVE_ON.eq(instance))
                .execute();
    }

    /** Forgets a search the service refused to queue. */
    public void delete(UUID id) {
        sql.deleteFrom(SEARCHES).where(SEARCHES.ID.eq(id)).execute();
    }

    /**
     * Marks interrupted every search left queued or running by an instance that is gone (its lock is free, as in
     * {@link RunStore#takeLive}); returns how many. Searches of instances still alive are left alone.
     */
    public int interruptOrphans(int instance, String note) {
        return sql.update(SEARCHES)
                .set(SEARCHES.STATUS, "INTERRUPTED")
                .set(SEARCHES.NOTE, note)
                .set(SEARCHES.FINISHED_AT, OffsetDateTime.now())
                .setNull(SEARCHES.LIVE_ON)
                .where(SEARCHES.STATUS.in(ACTIVE))
                .and(DSL.condition("case when {0} is null then true when {0} = {1} then false "
                                + "else pg_try_advisory_xact_lock({2}, {0}) end",
                        SEARCHES.LIVE_ON, DSL.val(instance), DSL.val(ServerInstance.LOCK_CLASS)))
                .execute();
    }

    private static StoredSearch toStored(SearchesRecord row) {
        Optional<Found> found = row.getCounterexample() == null ? Optional.empty()
                : Optional.of(new Found(row.getCounterexample().data(), row.getViolationProperty(), row.getViolationAt(),
                row.getViolationText(), row.getSteps(), Boolean.TRUE.equals(row.getByProbe())));
        return new StoredSearch(row.getId(), row.getOwnerId(), Optional.ofNullable(row.getCourseId()),
                Optional.ofNullable(row.getRunId()), row.getProtocol(), row.getRecipe().data(), row.getBounds().data(),
                Optional.ofNullable(row.getProperty()), Optional.ofNullable(row.getGoal()), row.getStatus(),
                new Figures(row.getExplored(), row.getDistinctStates(), row.getDepth(), row.getElapsedMs()), found,
                Optional.ofNullable(row.getPruned()), Optional.ofNullable(row.getNote()), row.getCreatedAt(),
                Optional.ofNullable(row.getFinishedAt()));
    }
}
