package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding the item of a rank by walking the heap agrees with sorting the whole queue. */
class EventQueueTest {

    @Test
    void theItemOfEveryRankIsTheOneSortingFinds() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            EventQueue<Integer> queue = new EventQueue<>();
            int items = 1 + random.nextInt(80);
            for (int i = 0; i < items; i++) {
                queue.add(random.nextInt(10), i);
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
