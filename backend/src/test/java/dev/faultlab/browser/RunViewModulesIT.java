package dev.faultlab.browser;

import com.microsoft.playwright.Page;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run view's pure JavaScript (trace indexing, the visible-window search, layout, fault state,
 * parameter checks, branch plans), imported with import() into a served page and run in Chromium.
 */
@ExtendWith(BrowserExtension.class)
class RunViewModulesIT {
    /** A flooding-like trace: each round a ROUND event, n·(n−1) sends, then their deliveries (one dropped). */
    static final String TRACE = """
            function floodingTrace(n, rounds) {
              const events = [];
              const add = (e) => events.push({ seq: events.length, node: -1, peer: -1, msg: -1, parent: -1, ...e });
              let msg = 0;
              for (let r = 1; r <= rounds; r++) {
                const t = (r - 1) * 10;
                add({ time: t, kind: 'ROUND', payload: r });
                const sends = [];
                for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) {
                  sends.push(events.length);
                  add({ time: t, kind: 'SEND', node: a, peer: b, msg: msg++, type: 'Known', payload: { values: [a] } });
                }
                sends.forEach((s, i) => {
                  const send = events[s];
                  add({ time: t + 1, kind: i === 3 ? 'DROP' : 'DELIVER', node: send.peer, peer: send.node, msg: send.msg,
                        parent: s, detail: i === 3 ? 'link down' : null });
                });
              }
              return events;
            }
            """;

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openAnyPage(Page page) {
        page.navigate(server.baseUrl() + "/catalog.html");
    }

    @Test
    void theTraceIndexSkipsRepeatedEventsRefusesGapsAndIndexesArrowsRoundsAndLandmarks(Page page) {
        Object result = page.evaluate("async () => {" + TRACE + """
                const { TraceIndex, TraceGapError } = await import('/js/run/trace-index.js');
                const events = floodingTrace(4, 2);
                const index = new TraceIndex();
                const first = index.append(events.slice(0, 10));
                const again = index.append(events.slice(5, 20));
                let gap = null;
                try { index.append(events.slice(30, 31)); } catch (e) { gap = e instanceof TraceGapError ? [e.expected, e.got] : String(e); }
                index.append(events.slice(20));
                const crash = { seq: index.size, time: 20, kind: 'CRASH', node: 2, peer: -1, msg: -1, parent: -1 };
                index.append([crash]);
                return { first, again, gap, size: index.size, arrows: index.arrowCount, rounds: index.rounds,
                         landmarks: index.landmarks, roundOf30: index.roundAt(30), roundStart2: index.roundStart(2),
                         firstAtTime1: index.firstAtOrAfterTime(1), firstAtTime11: index.firstAtOrAfterTime(11),
                         endingAt13: index.arrowEndingAt(13), endingAt5: index.arrowEndingAt(5),
                         counts: index.countKinds(index.size - 1) };
                }""");
        Map<String, Object> r = map(result);

        assertThat(r.get("first")).isEqualTo(10);
        assertThat(r.get("again")).isEqualTo(10);
        assertThat(r.get("gap")).isEqualTo(List.of(20, 30));
        assertThat(r.get("size")).isEqualTo(51);
        assertThat(r.get("arrows")).isEqualTo(24);
        assertThat(r.get("rounds")).isEqualTo(List.of(0, 25));
        assertThat(r.get("landmarks")).isEqualTo(List.of(50));
        assertThat(r.get("roundOf30")).isEqualTo(2);
        assertThat(r.get("roundStart2")).isEqualTo(25);
        assertThat(r.get("firstAtTime1")).isEqualTo(13);
        assertThat(r.get("firstAtTime11")).isEqualTo(38);
        assertThat(r.get("endingAt13")).isEqualTo(0);
        assertThat(r.get("endingAt5")).isEqualTo(-1);
        assertThat(map(r.get("counts"))).containsEntry("SEND", 24).containsEntry("DELIVER", 22)
                .containsEntry("DROP", 2).containsEntry("CRASH", 1).containsEntry("ROUND", 2);
    }

    @Test
    void theVisibleWindowSearchFindsExactlyTheArrowsABruteForceScanFinds(Page page) {
        Object result = page.evaluate("async () => {" + TRACE + """
                const { TraceIndex } = await import('/js/run/trace-index.js');
                const index = new TraceIndex();
                index.append(floodingTrace(12, 20));
                // Plus messages held back for long: each later arrow must still be found from any window it crosses.
                const late = [];
                for (let i = 0; i < 40; i++) {
                  const send = index.size;
                  index.append([{ seq: send, time: 300 + i, kind: 'SEND', node: i % 12, peer: (i + 1) % 12, msg: 9000 + i, parent: -1 }]);
                  late.push(send);
                }
                late.forEach((send, i) => index.append([{ seq: index.size, time: 400 + i, kind: 'DELIVER',
                  node: (i + 1) % 12, peer: i % 12, msg: 9000 + i, parent: send }]));
                let mismatches = 0;
                let checked = 0;
                let seed = 1;
                const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
                for (let k = 0; k < 300; k++) {
                  const a = Math.floor(random() * index.size);
                  const b = Math.min(index.size - 1, a + Math.floor(random() * 400));
                  const found = [];
                  index.forEachArrowIn(a, b, (i) => found.push(i));
                  const expected = [];
                  for (let i = 0; i < index.arrowCount; i++) {
                    if (index.arrowStart[i] <= b && index.arrowEnd[i] >= a) expected.push(i);
                  }
                  if (JSON.stringify(found) !== JSON.stringify(expected)) mismatches++;
                  checked += expected.length;
                }
                let counted = 0;
                index.forEachArrowIn(0, index.size - 1, () => { counted++; });
                return { size: index.size, arrows: index.arrowCount, mismatches, checked, counted };
                }""");
        Map<String, Object> r = map(result);

        assertThat(r.get("mismatches")).isEqualTo(0);
        assertThat(((Number) r.get("checked")).intValue()).isGreaterThan(1000);
        assertThat(r.get("counted")).isEqualTo(r.get("arrows"));
    }

    @Test
    void theLayoutPlacesNodesOnACircleAndTheViewportZoomsAroundThePointerWithinTheTrace(Page page) {
        Object result = page.evaluate("""
                async () => {
                  const { circleLayout, nodeAt, linkAt, laneY, Viewport } = await import('/js/run/layout.js');
                  const points = circleLayout(4, 200, 200, 20);
                  const round = (p) => [Math.round(p.x), Math.round(p.y)];
                  const view = new Viewport(1000, 100000);
                  const whole = [view.start, view.end];
                  view.zoomAt(250, 0.01);
                  const anchored = view.seqAt(250);
                  const zoomedSpan = view.end - view.start;
                  view.panBy(-1e9);
                  const leftEdge = view.start;
                  view.panBy(1e9);
                  const rightEdge = view.end;
                  view.reveal(500);
                  const revealed = view.start <= 500 && 500 < view.end;
                  view.zoomAt(0, 1e9);
                  return { points: points.map(round), hit: nodeAt(points, 102, 21, 10), miss: nodeAt(points, 100, 100, 10),
                           link: linkAt(points, 140, 60, 5), lane: laneY(2, 4, 10, 80), whole, anchored, zoomedSpan,
                           leftEdge, rightEdge, revealed, zoomedOut: [view.start, view.end] };
                }""");
        Map<String, Object> r = map(result);

        assertThat(r.get("points")).isEqualTo(List.of(List.of(100, 20), List.of(180, 100), List.of(100, 180), List.of(20, 100)));
        assertThat(r.get("hit")).isEqualTo(0);
        assertThat(r.get("miss")).isEqualTo(-1);
        assertThat(r.get("link")).isEqualTo(List.of(0, 1));
        assertThat(((Number) r.get("lane")).doubleValue()).isEqualTo(60.0);
        assertThat(r.get("whole")).isEqualTo(List.of(0, 100000));
        assertThat(((Number) r.get("anchored")).intValue()).isEqualTo(25000);
        assertThat(((Number) r.get("zoomedSpan")).doubleValue()).isEqualTo(1000.0);
        assertThat(r.get("leftEdge")).isEqualTo(0);
        assertThat(((Number) r.get("rightEdge")).doubleValue()).isEqualTo(100000.0);
        assertThat(r.get("revealed")).isEqualTo(true);
        assertThat(r.get("zoomedOut")).isEqualTo(List.of(0, 100000));
    }

    @Test
    void theWorldAtAnEventFollowsCrashesRecoveriesLinksPartitionsAndByzantineFaults(Page page) {
        Object result = page.evaluate("""
                async () => {
                  const { TraceIndex } = await import('/js/run/trace-index.js');
                  const { worldAt, separated } = await import('/js/run/world-state.js');
                  const index = new TraceIndex();
                  const fault = (kind, target, params) => ({ kind: 'FAULT', node: target ?? -1, payload: { at: 0, atEvent: null, kind, target, params } });
                  const events = [
                    fault('CRASH', 1, {}), { kind: 'CRASH', node: 1 },
                    fault('LINK_DOWN', 3, { to: 0 }), fault('LINK_LOSS', 2, { to: 0, probability: 0.5 }),
                    fault('BYZANTINE', 4, { behaviour: 'liar' }), fault('PARTITION', null, { groups: [[0, 2]] }),
                    fault('RECOVER', 1, {}), { kind: 'RECOVER', node: 1 }, fault('HEAL', null, {}), fault('LINK_UP', 0, { to: 3 }),
                  ].map((e, seq) => ({ seq, time: seq, peer: -1, msg: -1, parent: -1, ...e }));
                  index.append(events);
                  const summary = (w) => ({ crashed: w.nodes.map((n) => n.crashed), recovered: w.nodes.map((n) => n.recovered),
                    byzantine: w.nodes.map((n) => n.byzantine), groups: w.nodes.map((n) => n.group), cut: [...w.cut.entries()],
                    loss: [...w.loss.entries()], partitioned: w.partitioned, split03: separated(w, 0, 3), split02: separated(w, 0, 2) });
                  return { before: summary(worldAt(index, 5, -1)), mid: summary(worldAt(index, 5, 5)), end: summary(worldAt(index, 5, 9)) };
                }""");
        Map<String, Object> r = map(result);
        Map<String, Object> mid = map(r.get("mid"));
        Map<String, Object> end = map(r.get("end"));

        assertThat(map(r.get("before")).get("crashed")).isEqualTo(List.of(false, false, false, false, false));
        assertThat(mid.get("crashed")).isEqualTo(List.of(false, true, false, false, false));
        assertThat(mid.get("cut")).isEqualTo(List.of(List.of("0-3", "both")));
        assertThat(mid.get("loss")).isEqualTo(List.of(List.of("2->0", 0.5)));
        assertThat(mid.get("byzantine")).isEqualTo(java.util.Arrays.asList(null, null, null, null, "liar"));
        assertThat(mid.get("groups")).isEqualTo(List.of(1, 0, 1, 0, 0));
        assertThat(mid.get("split03")).isEqualTo(true);
        assertThat(mid.get("split02")).isEqualTo(false);
        assertThat(end.get("crashed")).isEqualTo(List.of(false, false, false, false, false));
        assertThat(end.get("recovered")).isEqualTo(List.of(false, true, false, false, false));
        assertThat(end.get("partitioned")).isEqualTo(false);
        assertThat(end.get("cut")).isEqualTo(List.of());
    }

    @Test
    void parameterChecksExplainLimitsAndBranchPlansKeepOnlyFutureTimes(Page page) {
        Object result = page.evaluate("""
                async () => {
                  const { parseParam, limitsText } = await import('/js/run/params.js');
                  const { branchFaults } = await import('/js/run/branch.js');
                  const { reachedFaults } = await import('/js/run/faults.js');
                  const { TraceIndex } = await import('/js/run/trace-index.js');
                  const n = { name: 'n', type: 'INT', min: 2, max: 64, defaultValue: 4, required: false };
                  const values = { name: 'values', type: 'INT_LIST', min: 0, max: 9, defaultValue: null, required: false };
                  const orders = { name: 'values', type: 'LIST', min: null, max: null, defaultValue: null, required: false };
                  const crashLater = { at: 50, atEvent: null, kind: 'CRASH', target: 1, params: {} };
                  const crashEarlier = { at: 5, atEvent: null, kind: 'CRASH', target: 2, params: {} };
                  const injected = { at: null, atEvent: 3, kind: 'RECOVER', target: 2, params: {} };
                  const index = new TraceIndex();
                  index.append([{ seq: 0, time: 5, kind: 'FAULT', node: 2, peer: -1, msg: -1, parent: -1, payload: crashEarlier }]);
                  return {
                    limits: limitsText(n), listLimits: limitsText(values),
                    ok: parseParam(n, ' 5 '), empty: Object.keys(parseParam(n, '')).every((k) => k === 'value') && parseParam(n, '').value === undefined, tooBig: parseParam(n, '65'), notWhole: parseParam(n, '2.5'),
                    list: parseParam(values, '1, 2 3'), badList: parseParam(values, '1 x'), outOfRange: parseParam(values, '1 10'),
                    forms: ['1 2 3', '1, 2, 3', '[1, 2, 3]'].map((typed) => parseParam(values, typed)),
                    words: ['ATTACK RETREAT', 'ATTACK, RETREAT', '["ATTACK", "RETREAT"]'].map((typed) => parseParam(orders, typed)),
                    badJson: parseParam(orders, '[ATTACK]'),
                    plan: branchFaults([crashLater, crashEarlier, injected], [{ kind: 'HEAL', target: null, params: {} }], 10, 20),
                    reached: reachedFaults([crashLater, crashEarlier], index, 0),
                  };
                }""");
        Map<String, Object> r = map(result);

        assertThat(r.get("limits")).isEqualTo("a whole number from 2 to 64; 4 if left empty");
        assertThat(r.get("listLimits")).isEqualTo("whole numbers from 0 to 9, separated by spaces or commas (or a JSON list); optional");
        assertThat(list(r.get("forms"))).containsOnly(Map.of("value", List.of(1, 2, 3))).hasSize(3);
        assertThat(list(r.get("words"))).containsOnly(Map.of("value", List.of("ATTACK", "RETREAT"))).hasSize(3);
        assertThat(map(r.get("badJson")).get("error")).asString().startsWith("values: a list in brackets must be JSON");
        assertThat(r.get("ok")).isEqualTo(Map.of("value", 5));
        assertThat(r.get("empty")).isEqualTo(true);
        assertThat(r.get("tooBig")).isEqualTo(Map.of("error", "n must be at most 64, got 65."));
        assertThat(r.get("notWhole")).isEqualTo(Map.of("error", "n must be a whole number."));
        assertThat(r.get("list")).isEqualTo(Map.of("value", List.of(1, 2, 3)));
        assertThat(r.get("badList")).isEqualTo(Map.of("error", "values must list whole numbers; 'x' is not one."));
        assertThat(r.get("outOfRange")).isEqualTo(Map.of("error", "values must be at most 9, got 10."));
        List<Object> plan = list(r.get("plan"));
        assertThat(map(plan.get(0))).containsEntry("at", 50);
        assertThat(map(plan.get(1))).doesNotContainKeys("at", "atEvent").containsEntry("target", 2);
        assertThat(map(plan.get(2))).doesNotContainKeys("at", "atEvent").containsEntry("kind", "RECOVER");
        assertThat(map(plan.get(3))).containsEntry("kind", "HEAL");
        assertThat(r.get("reached")).isEqualTo(List.of(false, true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
