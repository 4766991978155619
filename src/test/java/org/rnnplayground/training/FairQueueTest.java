package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairQueueTest {

    private static final UserId ANN = new UserId("ann");
    private static final UserId BOB = new UserId("bob");
    private static final UserId CAT = new UserId("cat");

    @Test
    void usersTakeTurnsWhateverHowManyEachQueued() {
        FairQueue<String> q = new FairQueue<>();
        q.add(ANN, "a1");
        q.add(ANN, "a2");
        q.add(ANN, "a3");
        q.add(BOB, "b1");
        q.add(CAT, "c1");
        q.add(BOB, "b2");
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "a3"), q.line(u -> Integer.MAX_VALUE));
        List<String> served = new ArrayList<>();
        while (q.size() > 0) {
            served.add(q.poll(u -> true).orElseThrow());
        }
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "a3"), served);
    }

    @Test
    void aUserAtTheirLimitIsSkippedAndKeepsTheirRunsInOrder() {
        FairQueue<String> q = new FairQueue<>();
        q.add(ANN, "a1");
        q.add(ANN, "a2");
        q.add(BOB, "b1");
        assertEquals("b1", q.poll(u -> !u.equals(ANN)).orElseThrow());
        assertTrue(q.poll(u -> !u.equals(ANN)).isEmpty());
        assertEquals("a1", q.poll(u -> true).orElseThrow());
        assertEquals(1, q.size(ANN));
    }

    @Test
    void removingAWaitingItemKeepsTheTurnOrderConsistent() {
        FairQueue<String> q = new FairQueue<>();
        q.add(ANN, "a1");
        q.add(BOB, "b1");
        q.add(CAT, "c1");
        assertEquals("a1", q.poll(u -> true).orElseThrow());
        assertTrue(q.remove(BOB, "b1"));
        assertEquals(List.of("c1"), q.line(u -> Integer.MAX_VALUE));
        q.add(ANN, "a2");
        assertEquals("c1", q.poll(u -> true).orElseThrow());
        assertEquals("a2", q.poll(u -> true).orElseThrow());
        assertEquals(0, q.size());
    }
}
