package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab page's exercises that use real runs: a fault plan tried in the run view, and events picked from a
 * run's trace. The runs are the server's own; only the lab sheet and its submissions are routed by the test.
 */
@ExtendWith(BrowserExtension.class)
class LabPageRunsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FLOODING = "{\"protocol\": \"flooding\", \"seed\": 7, \"params\": {\"n\": 5, \"f\": 2, \"values\": [4, 1, 3, 9, 2]}}";
    static final String PROGRESS = "{\"attemptsUsed\": 0, \"attemptsLeft\": 3, \"points\": null, \"draft\": null, \"last\": null, \"revealed\": null}";
    static final String POLICY = "{\"maxAttempts\": 3, \"penaltyPerAttempt\": 0, \"scoring\": \"BEST\", \"reveal\": \"NEVER\","
            + " \"run\": \"ALWAYS\", \"newVariantPerAttempt\": false}";
    static final String SHEET = """
            {"course": {"id": 1, "code": "DS-1", "title": "Distributed systems"},
             "lab": {"id": "flood", "version": "1", "title": "Flooding under faults", "summary": "Break it.", "protocol": "flooding",
                     "instructionsHtml": "<p>Crash processes.</p>", "panels": ["instructions"], "opensAt": null, "dueAt": null, "points": 10},
             "run": {"allowed": true, "reason": null}, "given": [],
             "exercises": [
               {"id": "plan", "type": "fault-plan", "title": "Make them disagree", "promptHtml": "<p>Two faults at most.</p>", "points": 5,
                "policy": %1$s, "given": [], "progress": %2$s,
                "input": {"kind": "fault-plan", "recipe": %3$s, "maxFaults": 2, "kinds": ["CRASH", "SEND_OMISSION"], "nodes": [0, 1, 2, 3, 4]}},
               {"id": "decisions", "type": "trace", "title": "Pick the decisions", "promptHtml": "<p>Every decision.</p>", "points": 5,
                "policy": %1$s, "given": [], "progress": %2$s,
                "input": {"kind": "trace", "recipe": %3$s, "kinds": ["DECIDE"]}}]}
            """.formatted(POLICY, PROGRESS, FLOODING);
    static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        accounts = new Accounts(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void logInAndRouteTheLab(Page page) {
        String email = "student" + USERS.incrementAndGet() + "@x.test";
        accounts.createUser(email, "Sam Student", false);
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
        page.route("**/api/courses/1", route -> fulfil(route, "{\"id\": 1, \"code\": \"DS-1\", \"title\": \"Distributed systems\","
                + " \"role\": \"STUDENT\", \"canManage\": false, \"joinCode\": null, \"labs\": []}"));
        page.route("**/api/courses/1/labs/flood", route -> fulfil(route, SHEET));
        page.route("**/api/courses/1/labs/flood/exercises/*/draft", route -> route.fulfill(new Route.FulfillOptions().setStatus(204)));
        page.navigate(server.baseUrl() + "/lab.html?course=1&lab=flood");
        assertThat(page.locator("#lab-title")).hasText("Flooding under faults");
    }

    @Test
    void aFaultPlanIsLimitedToItsKindsAndCountAndOpensInTheRunView(Page page) {
        Locator exercise = page.locator("#exercise-plan");
        Locator add = exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault"));
        add.click();
        Locator first = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        assertThat(first.getByLabel("Fault").locator("option")).hasText(new String[] {"crash", "send omission"});
        first.getByLabel("At time").fill("0");
        first.getByLabel("Process").selectOption("1");
        add.click();
        assertThat(add).isDisabled();
        Locator second = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 2"));
        second.getByLabel("At time").fill("1");
        second.getByLabel("Process").selectOption("3");
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove fault 2")).click();
        assertThat(add).isEnabled();

        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it in the run view")).click();

        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+"));
        Locator planned = page.locator("#fault-plan .fault-item");
        assertThat(planned).hasCount(1);
        assertThat(planned).containsText("crash P2");
        assertThat(planned).containsText("at the start");
    }

    @Test
    void theEventsOfTheRunAreListedByKindAndThePickedOnesAreSubmitted(Page page) {
        Locator exercise = page.locator("#exercise-decisions");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Load the run's events")).click();
        Locator events = exercise.locator(".trace-events li");
        assertThat(events).hasCount(5);
        assertThat(events.first()).containsText("decides");

        events.nth(0).getByRole(AriaRole.CHECKBOX).check();
        events.nth(2).getByRole(AriaRole.CHECKBOX).check();
        int firstSeq = seqOf(events.nth(0));
        int thirdSeq = seqOf(events.nth(2));
        assertThat(exercise.locator(".trace-answer > .hint").last()).hasText("Picked: #" + firstSeq + ", #" + thirdSeq + ".");

        page.route("**/api/courses/1/labs/flood/exercises/decisions/submissions", route -> fulfil(route, """
                {"submission": {"id": 1, "attempt": 0, "submittedAt": "2026-11-27T10:00:00Z", "points": 2,
                                "grade": {"score": 0.4, "feedback": "Three decisions are missing.", "cells": []}},
                 "progress": {"attemptsUsed": 1, "attemptsLeft": 2, "points": 2, "draft": null, "last": null, "revealed": null}}"""));
        Request submitted = page.waitForRequest("**/exercises/decisions/submissions", () ->
                exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click());

        assertThat(read(submitted.postData()).at("/answer/events")).isEqualTo(JSON.valueToTree(List.of(firstSeq, thirdSeq)));
        assertThat(exercise.locator(".exercise-score")).hasText("Score: 2 of 5 points");
        assertThat(exercise.locator(".grade-line")).containsText("Three decisions are missing.");
    }

    private static int seqOf(Locator event) {
        return Integer.parseInt(event.getByRole(AriaRole.CHECKBOX).getAttribute("value"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fulfil(Route route, String body) {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(body));
    }
}
