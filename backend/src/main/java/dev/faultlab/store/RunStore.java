package dev.faultlab.store;

import dev.faultlab.store.db.tables.records.RunsRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.RUNS;

/** Saved runs: the recipe of each run as JSON, so any server instance can replay it. */
public final class RunStore {

    /** A run as stored: its recipe (JSON text), who owns it, and where it branched from. */
    public record StoredRun(UUID id, Optional<Long> ownerId, Optional<Long> courseId, String protocol, String recipeJson,
                            Optional<UUID> parentRunId, Optional<Long> branchedAtEvent, long eventsReached,
                            OffsetDateTime createdAt) {
    }

    private final DSLContext sql;

    public RunStore(DSLContext sql) {
        this.sql = sql;
    }

    public StoredRun insert(UUID id, Optional<Long> ownerId, Optional<Long> courseId, String protocol, String recipeJson,
                            Optional<UUID> parentRunId, Optional<Long> branchedAtEvent) {
        RunsRecord row = sql.insertInto(RUNS)
                .set(RUNS.ID, id)
                .set(RUNS.OWNER_ID, ownerId.orElse(null))
                .set(RUNS.COURSE_ID, courseId.orElse(null))
                .set(RUNS.PROTOCOL, protocol)
                .set(RUNS.RECIPE, JSONB.valueOf(recipeJson))
                .set(RUNS.PARENT_RUN_ID, parentRunId.orElse(null))
                .set(RUNS.BRANCHED_AT_EVENT, branchedAtEvent.orElse(null))
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

    /** A run's newest recipe and the events it had reached with it. */
    public record RecipeUpdate(UUID id, String recipeJson, long eventsReached) {
    }

    /**
     * Live fault injections changed these recipes; keep the newest ones so a reopened run replays them. One
     * statement rendered once and one transaction for all, so many runs share a commit.
     */
    public void updateRecipes(List<RecipeUpdate> updates) {
        OffsetDateTime now = OffsetDateTime.now();
        sql.transaction(tx -> {
            DSLContext inTx = tx.dsl();
            BatchBindStep batch = inTx.batch(inTx.update(RUNS)
                    .set(RUNS.RECIPE, (JSONB) null)
                    .set(RUNS.EVENTS_REACHED, (Long) null)
                    .set(RUNS.UPDATED_AT, (OffsetDateTime) null)
                    .where(RUNS.ID.eq((UUID) null)));
            for (RecipeUpdate update : updates) {
                batch = batch.bind(JSONB.valueOf(update.recipeJson()), update.eventsReached(), now, update.id());
            }
            batch.execute();
        });
    }

    public void updateProgress(UUID id, long eventsReached) {
        sql.update(RUNS)
                .set(RUNS.EVENTS_REACHED, eventsReached)
                .set(RUNS.UPDATED_AT, OffsetDateTime.now())
                .where(RUNS.ID.eq(id).and(RUNS.EVENTS_REACHED.lt(eventsReached)))
                .execute();
    }

    public boolean delete(UUID id) {
        return sql.deleteFrom(RUNS).where(RUNS.ID.eq(id)).execute() > 0;
    }

    private static StoredRun toStoredRun(RunsRecord row) {
        return new StoredRun(row.getId(), Optional.ofNullable(row.getOwnerId()), Optional.ofNullable(row.getCourseId()),
                row.getProtocol(),
                row.getRecipe().data(), Optional.ofNullable(row.getParentRunId()),
                Optional.ofNullable(row.getBranchedAtEvent()), row.getEventsReached(), row.getCreatedAt());
    }
}
