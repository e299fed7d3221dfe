package dev.faultlab.store;

import dev.faultlab.store.db.tables.records.RunsRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.RUNS;

/**
 * Saved runs: the recipe of each run as JSON, so any server instance can replay it, how far it got, where it ended,
 * and which instance holds it live. Writes of a live run name the instance: an instance that lost the run to another
 * one writes nothing (see db/migration/V6).
 */
public final class RunStore {

    /** A run as stored: its recipe (JSON text), who owns it, where it branched from, how far it got. */
    public record StoredRun(UUID id, Optional<Long> ownerId, Optional<Long> courseId, String protocol, String recipeJson,
                            Optional<UUID> parentRunId, Optional<Long> branchedAtEvent, long eventsReached,
                            Optional<End> end, OffsetDateTime createdAt) {
    }

    /** Where a run ended: the index of its END event, and the reason's code and message. */
    public record End(long event, String code, String message) {
    }

    /** What to save of a live run: its recipe when it changed (empty otherwise), the events reached, its end. */
    public record RunSave(UUID id, Optional<String> recipeJson, long eventsReached, Optional<End> end) {
    }

    /** Whether a run could be taken live: the stored run, or the instance that has it, or neither when it is gone. */
    public sealed interface Taken {
    }

    public record TakenHere(StoredRun run) implements Taken {
    }

    public record LiveElsewhere(int instance) implements Taken {
    }

    public record Missing() implements Taken {
    }

    private final DSLContext sql;

    public RunStore(DSLContext sql) {
        this.sql = sql;
    }

    /** Saves a new run, held live by {@code liveOn} if given. */
    public StoredRun insert(UUID id, Optional<Long> ownerId, Optional<Long> courseId, String protocol, String recipeJson,
                            Optional<UUID> parentRunId, Optional<Long> branchedAtEvent, Optional<Integer> liveOn) {
        RunsRecord row = sql.insertInto(RUNS)
                .set(RUNS.ID, id)
                .set(RUNS.OWNER_ID, ownerId.orElse(null))
                .set(RUNS.COURSE_ID, courseId.orElse(null))
                .set(RUNS.PROTOCOL, protocol)
                .set(RUNS.RECIPE, JSONB.valueOf(recipeJson))
                .set(RUNS.PARENT_RUN_ID, parentRunId.orElse(null))
                .set(RUNS.BRANCHED_AT_EVENT, branchedAtEvent.orElse(null))
                .set(RUNS.LIVE_ON, liveOn.orElse(null))
                .returning()
                .fetchSingle();
        return toStoredRun(row);
    }

    public Optional<StoredRun> find(UUID id) {
        return sql.selectFrom(RUNS).where(RUNS.ID.eq(id)).fetchOptional().map(RunStore::toStoredRun);
    }

    public List<StoredRun> listByOwner(long ownerId, int limit) {
        return sql.selectFrom(RUNS).where(RUNS.OWNER_ID.eq(ownerId))
                .orderBy(RUNS.CREATED_AT.desc()).limit(limit)
                .fetch(RunStore::toStoredRun);
    }

    /**
     * Makes {@code instance} the one that holds the run live, if no instance does or the one that did is gone
     * (its lock is free), and reads the run in the same statement, so what it replays is what was last saved.
     */
    public Taken takeLive(UUID id, int instance) {
        Optional<StoredRun> taken = sql.update(RUNS)
                .set(RUNS.LIVE_ON, instance)
                .where(RUNS.ID.eq(id))
                .and(DSL.condition("case when {0} is null or {0} = {1} then true else pg_try_advisory_xact_lock({2}, {0}) end",
                        RUNS.LIVE_ON, DSL.val(instance), DSL.val(ServerInstance.LOCK_CLASS)))
                .returning()
                .fetchOptional()
                .map(RunStore::toStoredRun);
        if (taken.isPresent()) {
            return new TakenHere(taken.get());
        }
        // Not taken: held by a live instance, or let go just now (then try again), or deleted.
        return sql.select(RUNS.LIVE_ON).from(RUNS).where(RUNS.ID.eq(id)).fetchOptional()
                .map(row -> row.value1() == null ? takeLive(id, instance) : new LiveElsewhere(row.value1()))
                .orElse(new Missing());
    }

    /**
     * Saves what live runs reached, in one transaction and one statement rendered once, so many runs share a commit.
     * Returns the ids that {@code instance} no longer holds (another instance took them, or they were deleted):
     * nothing was written for those.
     */
    public List<UUID> save(List<RunSave> saves, int instance) {
        OffsetDateTime now = OffsetDateTime.now();
        int[] counts = sql.transactionResult(tx -> {
            DSLContext inTx = tx.dsl();
            BatchBindStep batch = inTx.batch(inTx.update(RUNS)
                    .set(RUNS.RECIPE, DSL.coalesce(DSL.val((JSONB) null, RUNS.RECIPE), RUNS.RECIPE))
                    .set(RUNS.EVENTS_REACHED, (Long) null)
                    .set(RUNS.END_EVENT, (Long) null)
                    .set(RUNS.END_CODE, (String) null)
                    .set(RUNS.END_MESSAGE, (String) null)
                    .set(RUNS.UPDATED_AT, (OffsetDateTime) null)
                    .where(RUNS.ID.eq((UUID) null))
                    .and(RUNS.LIVE_ON.eq((Integer) null)));
            for (RunSave save : saves) {
                batch = batch.bind(save.recipeJson().map(JSONB::valueOf).orElse(null), save.eventsReached(),
                        save.end().map(End::event).orElse(null), save.end().map(End::code).orElse(null),
                        save.end().map(End::message).orElse(null), now, save.id(), instance);
            }
            return batch.execute();
        });
        List<UUID> lost = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                lost.add(saves.get(i).id());
            }
        }
        return lost;
    }

    /**
     * Asks whichever instance holds the run live to let it go if nobody there watches or plays it (see
     * {@link ServerInstance#watch}); the answer is only whether a later {@link #takeLive} succeeds.
     */
    public void askToLetGo(UUID id, int asker) {
        sql.execute("select pg_notify(?, ?)", ServerInstance.WANTED_CHANNEL, ServerInstance.request(id, asker));
    }

    /** {@code instance} no longer holds the run live; another instance may take it at once. */
    public void letGo(UUID id, int instance) {
        sql.update(RUNS).setNull(RUNS.LIVE_ON).where(RUNS.ID.eq(id).and(RUNS.LIVE_ON.eq(instance))).execute();
    }

    public boolean delete(UUID id) {
        return sql.deleteFrom(RUNS).where(RUNS.ID.eq(id)).execute() > 0;
    }

    private static StoredRun toStoredRun(RunsRecord row) {
        Optional<End> end = row.getEndEvent() == null ? Optional.empty()
                : Optional.of(new End(row.getEndEvent(), row.getEndCode(), row.getEndMessage()));
        return new StoredRun(row.getId(), Optional.ofNullable(row.getOwnerId()), Optional.ofNullable(row.getCourseId()),
                row.getProtocol(),
                row.getRecipe().data(), Optional.ofNullable(row.getParentRunId()),
                Optional.ofNullable(row.getBranchedAtEvent()), row.getEventsReached(), end, row.getCreatedAt());
    }
}
