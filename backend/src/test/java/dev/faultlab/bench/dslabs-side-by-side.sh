#!/usr/bin/env bash
# The explorer side by side with DSLabs' model checker (docs/PERFORMANCE.md, "Explorer"), on one machine in one
# session: DSLabs' own BFS on its lab 0 ping-pong, and FaultLab's on the same ping-pong written for FaultLab
# (backend/src/test/java/dev/faultlab/bench/PingPong.java). DSLabs (github.com/emichael/dslabs, MIT licence) is not
# vendored: this script takes a copy from a git directory of it (DSLABS_GIT, e.g. the mirror
# /work/.mirror/emichael+dslabs/repo, or a clone's .git), builds its framework with javac in /tmp (dependencies from
# Maven Central through a throwaway pom) and runs a small driver that calls dslabs.framework.testing.search.Search.bfs
# as lab 0's PingTest.test04PingSearch does, single-threaded. DSLabs needs Java 21 or later (JAVA21_HOME).
# Usage: dslabs-side-by-side.sh CLIENTS PINGS DEPTH_BOUND(0 = none) SECONDS, from the repository's root, after
# `mvn -B -pl backend test-compile`.
set -euo pipefail
clients=${1:-3}; pings=${2:-3}; depth=${3:-14}; seconds=${4:-60}
DSLABS_GIT=${DSLABS_GIT:-/work/.mirror/emichael+dslabs/repo}
JAVA21_HOME=${JAVA21_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=/tmp/dslabs-side-by-side
rm -rf "$work" && mkdir -p "$work/src/dslabs/pingpong" "$work/classes"
git --git-dir="$DSLABS_GIT" archive HEAD | tar -x -C "$work"
cat > "$work/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tmp</groupId><artifactId>dslabs-deps</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId><version>1.18.44</version></dependency>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.4.2-jre</version></dependency>
    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.20.0</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency>
    <dependency><groupId>io.github.kostaskougios</groupId><artifactId>cloning</artifactId><version>1.12.0</version></dependency>
    <dependency><groupId>commons-cli</groupId><artifactId>commons-cli</artifactId><version>1.11.0</version></dependency>
    <dependency><groupId>commons-io</groupId><artifactId>commons-io</artifactId><version>2.21.0</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.21.2</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.datatype</groupId><artifactId>jackson-datatype-jsr310</artifactId><version>2.21.2</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.datatype</groupId><artifactId>jackson-datatype-jdk8</artifactId><version>2.21.2</version></dependency>
    <dependency><groupId>com.formdev</groupId><artifactId>flatlaf</artifactId><version>3.7.1</version></dependency>
    <dependency><groupId>com.formdev</groupId><artifactId>flatlaf-swingx</artifactId><version>3.7.1</version></dependency>
    <dependency><groupId>com.github.jiconfont</groupId><artifactId>jiconfont-font_awesome</artifactId><version>4.7.0.1</version></dependency>
    <dependency><groupId>com.github.jiconfont</groupId><artifactId>jiconfont-swing</artifactId><version>1.0.1</version></dependency>
    <dependency><groupId>com.miglayout</groupId><artifactId>miglayout-swing</artifactId><version>11.4.3</version></dependency>
    <dependency><groupId>org.swinglabs.swingx</groupId><artifactId>swingx-core</artifactId><version>1.6.5-1</version></dependency>
  </dependencies>
</project>
EOF
cat > "$work/src/dslabs/pingpong/PingPongSearchBench.java" <<'EOF'
package dslabs.pingpong;

import static dslabs.framework.testing.StatePredicate.CLIENTS_DONE;
import static dslabs.framework.testing.StatePredicate.RESULTS_OK;

import dslabs.framework.testing.junit.DSLabsJUnitTest;
import dslabs.framework.testing.search.Search;
import dslabs.framework.testing.search.SearchResults;
import dslabs.framework.testing.search.SearchSettings;
import dslabs.framework.testing.search.SearchState;
import java.lang.management.ManagementFactory;

/** DSLabs' own BFS on lab 0's ping-pong, as PingTest.test04PingSearch runs it, single-threaded. */
public final class PingPongSearchBench {
  public static void main(String[] args) {
    int clients = Integer.parseInt(args[0]);
    int pings = Integer.parseInt(args[1]);
    int depth = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      SearchState init = new SearchState(PingTest.builder().build());
      init.addServer(PingTest.sa);
      for (int c = 1; c <= clients; c++) {
        init.addClientWorker(DSLabsJUnitTest.client(c), PingTest.repeatedPings(pings));
      }
      SearchSettings settings = new SearchSettings();
      settings.addInvariant(RESULTS_OK).addPrune(CLIENTS_DONE).maxTimeSecs(seconds);
      settings.singleThreaded(true);
      if (depth > 0) {
        settings.maxDepth(depth);
      }
      long cpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      SearchResults results = Search.bfs(init, settings);
      System.out.printf("DSLABS round %d: %d clients, pings %d, depth bound %d: %s; wall %.2f s, process CPU %.2f s;"
              + " load %.2f (states: the last 'Explored' line above)%n", round, clients, pings, depth,
          results.endCondition(), (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
          os.getSystemLoadAverage());
    }
  }
}
EOF
(cd "$work" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
find "$work/framework/src" "$work/framework/tst" "$work/labs/lab0-pingpong/src" "$work/labs/lab0-pingpong/tst" "$work/src" \
    -name '*.java' > "$work/sources.txt"
"$JAVA21_HOME/bin/javac" --release 21 -proc:full -nowarn -cp "$(cat "$work/cp.txt")" -d "$work/classes" @"$work/sources.txt"
uptime
"$JAVA21_HOME/bin/java" -cp "$work/classes:$(cat "$work/cp.txt")" dslabs.pingpong.PingPongSearchBench \
    "$clients" "$pings" "$depth" "$seconds" 2>/dev/null | grep -E 'Explored|DSLABS' | grep -v 'Explored: 0,'
(cd backend && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/faultlab-cp.txt" >/dev/null)
java -cp "backend/target/test-classes:backend/target/classes:$(cat "$work/faultlab-cp.txt")" \
    dev.faultlab.bench.PingPongSearchBench "$clients" "$pings" "$depth" "$seconds"
uptime
