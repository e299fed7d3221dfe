package dev.faultlab.web;

import dev.faultlab.explore.SearchBounds;
import dev.faultlab.run.LiveRun;
import dev.faultlab.run.RunService;
import dev.faultlab.search.RequestedBounds;
import dev.faultlab.search.SearchProblem;
import dev.faultlab.search.SearchService;
import dev.faultlab.search.SearchView;
import dev.faultlab.store.SearchStore;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.Viewer;
import io.javalin.config.RoutesConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The explorer's searches over HTTP: start one from a run the asker may see, follow it, cancel it, and open the
 * violation it found as a run of one's own. A search is its owner's (and administrators'): to anyone else it does
 * not exist (404).
 */
final class SearchRoutes {
    private SearchRoutes() {
    }

    /** {@code property} and {@code goal} left out or blank: a violation of any of the run's monitors. */
    record CreateSearch(String runId, String property, String goal, RequestedBounds bounds) {
    }

    /** What the search form needs: the defaults and caps of each bound, and how many searches one may have. */
    record SearchList(List<SearchView> searches, SearchBounds defaults, SearchBounds caps, int perUser) {
    }

    record Opened(UUID runId) {
    }

    static void register(RoutesConfig routes, SearchService searches, RunService runs, RunAccess access) {
        routes.exception(SearchProblem.class, (e, ctx) -> {
            ApiException api = asApi(e);
            if (api.status() == 503) {
                ctx.header("Retry-After", "60");
            }
            ApiErrors.respond(ctx, api.status(), api.code(), api.getMessage(), api.details());
        });

        routes.get("/api/searches", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            SearchBounds caps = searches.limits().caps();
            ctx.json(new SearchList(searches.listByOwner(viewer.id()), RequestedBounds.DEFAULTS.capped(caps), caps,
                    searches.limits().perUser()));
        }, Access.SIGNED_IN);

        routes.post("/api/searches", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            CreateSearch body = Requests.body(ctx, CreateSearch.class);
            if (body.runId() == null || body.runId().isBlank()) {
                throw ApiException.badRequest("Give the run to search from: runId.", Map.of("field", "runId"));
            }
            LiveRun run = access.visible(viewer, body.runId());
            SearchView started = searches.start(viewer.id(), run.courseId(), Optional.of(run.id()), run.recipe(),
                    body.bounds() == null ? RequestedBounds.none() : body.bounds(), named(body.property()), named(body.goal()));
            ctx.status(201).json(started);
        }, Access.SIGNED_IN);

        routes.get("/api/searches/{id}", ctx ->
                ctx.json(searches.view(owned(searches, Authn.viewer(ctx), ctx.pathParam("id")))), Access.SIGNED_IN);

        routes.post("/api/searches/{id}/cancel", ctx ->
                ctx.json(searches.cancel(owned(searches, Authn.viewer(ctx), ctx.pathParam("id")))), Access.SIGNED_IN);

        routes.post("/api/searches/{id}/open", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            SearchStore.StoredSearch search = owned(searches, viewer, ctx.pathParam("id"));
            LiveRun run = runs.create(searches.counterexample(search), Optional.of(viewer.id()), search.courseId());
            ctx.status(201).json(new Opened(run.id()));
        }, Access.SIGNED_IN);
    }

    private static SearchStore.StoredSearch owned(SearchService searches, Viewer viewer, String rawId) {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no search " + rawId + ".");
        }
        return searches.stored(id).filter(s -> viewer.isAdmin() || s.ownerId() == viewer.id())
                .orElseThrow(() -> ApiException.notFound("There is no search " + id + "."));
    }

    /** A name from the request, or empty when left out or blank. */
    private static Optional<String> named(String raw) {
        return Optional.ofNullable(raw).map(String::trim).filter(name -> !name.isEmpty());
    }

    private static ApiException asApi(SearchProblem e) {
        return switch (e.kind()) {
            case INVALID -> new ApiException(400, "invalid_search", e.getMessage(),
                    e.field() == null ? Map.of() : Map.of("field", e.field()));
            case TOO_MANY_OF_YOURS -> new ApiException(429, "too_many_searches", e.getMessage());
            case SERVER_BUSY -> new ApiException(503, "searches_busy", e.getMessage());
            case CONFLICT -> new ApiException(409, "search_conflict", e.getMessage());
        };
    }
}
