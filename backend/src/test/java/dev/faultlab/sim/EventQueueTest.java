package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding the item of a rank by walking the heap agrees with sorting the whole queue. */
class EventQueueTest {

    private static final class Due extends EventQueue.Entry {
        Due(long time) {
            super(time);
        }
    }

    @Test
    void itemsComeOutByTimeThenInTheOrderTheyWereAdded() {
        EventQueue<Due> queue = new EventQueue<>();
        SplittableRandom random = new SplittableRandom(3);
        java.util.List<Due> added = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Due due = new Due(random.nextInt(20));
            added.add(due);
            queue.add(due);
        }
        java.util.List<Due> expected = added.stream().sorted(java.util.Comparator.comparingLong(due -> due.time)).toList();
        java.util.List<Due> polled = new java.util.ArrayList<>();
        while (!queue.isEmpty()) {
            polled.add(queue.poll());
        }
        assertThat(polled).containsExactlyElementsOf(expected);
    }

    @Test
    void theItemOfEveryRankIsTheOneSortingFinds() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            EventQueue<Due> queue = new EventQueue<>();
            int items = 1 + random.nextInt(80);
            for (int i = 0; i < items; i++) {
                queue.add(new Due(random.nextInt(10)));
            }
            for (int removed = random.nextInt(items); removed > 0 && queue.size() > 1; removed--) {
                queue.removeAt(random.nextInt(queue.size()));
            }
            Integer[] sorted = queue.inOrder();
            for (int rank = 0; rank < queue.size(); rank++) {
                assertThat(queue.positionOfRank(rank)).as("rank %d of %d", rank, queue.size()).isEqualTo(sorted[rank]);
            }
        }
    }
}
