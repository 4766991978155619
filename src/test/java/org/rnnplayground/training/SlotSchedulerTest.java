package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of queue positions, tested against the fair queue itself: the run shown at
 * position 1 is the one the next free slot goes to, whichever run frees it; the line is the order
 * in which runs start as slots free; with one run per user at a time (the default) a run's position
 * never grows; a run behind its owner's own runs joins the line when one of them ends.
 */
class SlotSchedulerTest {

    private static final List<UserId> USERS =
            List.of(new UserId("ann"), new UserId("bob"), new UserId("cat"), new UserId("dan"), new UserId("eve"));

    private record Item(UserId owner, int n) {}

    /** A random life of the queue: launches, stops of waiting runs, and ends of running runs. */
    private static final class World {
        final SlotScheduler<Item> scheduler = new SlotScheduler<>();
        final TrainingLimits limits;
        final Random random;
        final List<Item> waiting = new ArrayList<>();
        final List<Item> running = new ArrayList<>();
        final List<Item> started = new ArrayList<>();
        int launched;

        World(long seed, int slots, int maxRunningPerUser) {
            random = new Random(seed);
            limits = new TrainingLimits(slots, 100, maxRunningPerUser, 20);
        }

        void launch() {
            UserId owner = USERS.get(random.nextInt(USERS.size()));
            Item item = new Item(owner, launched++);
            scheduler.enqueue(owner, item);
            waiting.add(item);
            dispatch();
        }

        void stopWaiting() {
            Item item = waiting.get(random.nextInt(waiting.size()));
            assertTrue(scheduler.unqueue(item.owner(), item));
            waiting.remove(item);
            dispatch();
        }

        void endRunning() {
            Item item = running.remove(random.nextInt(running.size()));
            scheduler.ended(item.owner(), limits);
            dispatch();
        }

        /** As the runtime does after every change: fill the free slots. */
        void dispatch() {
            while (true) {
                Optional<Item> next = scheduler.startNext(limits);
                if (next.isEmpty()) {
                    return;
                }
                Item item = next.get();
                scheduler.started(item.owner());
                waiting.remove(item);
                running.add(item);
                started.add(item);
            }
        }

        Map<Item, QueuePlace> places() {
            Map<Item, QueuePlace> places = new HashMap<>();
            for (Item item : waiting) {
                places.put(item, scheduler.place(item.owner(), item, limits));
            }
            return places;
        }

        /**
         * One change, then the slots filled. The runs that start were at positions 1, 2... as shown
         * before the change; a run that was behind its owner's runs starts only once no run that was
         * in line is still waiting (it joined the end of the line); a run launched into an empty line
         * starts at once.
         */
        void step() {
            Map<Item, QueuePlace> shown = places();
            int startedBefore = started.size();
            change();
            List<Item> startedNow = started.subList(startedBefore, started.size());
            int fromLine = 0;
            for (Item item : startedNow) {
                QueuePlace was = shown.get(item);
                if (was == null) {
                    continue;
                }
                if (was.behindOwnRuns()) {
                    for (var e : shown.entrySet()) {
                        assertTrue(
                                e.getValue().behindOwnRuns() || !waiting.contains(e.getKey()),
                                item + " was behind its owner's runs but started before " + e.getKey());
                    }
                } else {
                    assertEquals(QueuePlace.inLine(++fromLine), was, "the runs started were not the first in line");
                }
            }
        }

        private void change() {
            int what = random.nextInt(10);
            if (what < 5 || (waiting.isEmpty() && running.isEmpty())) {
                launch();
            } else if (what < 7 && !waiting.isEmpty()) {
                stopWaiting();
            } else if (!running.isEmpty()) {
                endRunning();
            } else {
                launch();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theRunAtPositionOneIsAlwaysTheNextToStart(int maxRunningPerUser) {
        for (long seed = 0; seed < 50; seed++) {
            World world = new World(seed, 3, maxRunningPerUser);
            for (int i = 0; i < 300; i++) {
                world.step(); // asserts it on every start
            }
            assertTrue(world.started.size() > 50, "too few starts to test anything: " + world.started.size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyWaitingRunIsPlacedAndTheLineIsNumberedFromOne(int maxRunningPerUser) {
        for (long seed = 0; seed < 50; seed++) {
            World world = new World(seed, 2, maxRunningPerUser);
            for (int i = 0; i < 200; i++) {
                world.step();
                Map<Item, QueuePlace> places = world.places();
                List<Integer> positions = places.values().stream()
                        .filter(p -> !p.behindOwnRuns())
                        .map(QueuePlace::position)
                        .sorted()
                        .toList();
                for (int k = 0; k < positions.size(); k++) {
                    assertEquals(k + 1, positions.get(k), "positions are 1, 2, 3... without gaps");
                }
                for (var e : places.entrySet()) {
                    assertTrue(e.getValue().waiting(), "a waiting run has a place");
                    UserId owner = e.getKey().owner();
                    long ownRunning = world.running.stream()
                            .filter(r -> r.owner().equals(owner))
                            .count();
                    long ownInLine = places.entrySet().stream()
                            .filter(o -> o.getKey().owner().equals(owner)
                                    && !o.getValue().behindOwnRuns())
                            .count();
                    if (e.getValue().behindOwnRuns()) {
                        assertEquals(
                                maxRunningPerUser,
                                ownRunning + ownInLine,
                                "behind own runs, but its owner's runs ahead of it leave room");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void runsStartInTheOrderOfTheLineWhenSlotsFreeWithoutOtherChanges(int maxRunningPerUser) {
        for (long seed = 0; seed < 50; seed++) {
            World world = new World(seed, 2, maxRunningPerUser);
            for (int i = 0; i < 100; i++) {
                world.step();
            }
            List<Item> line = world.scheduler.line(world.limits);
            // free as many slots as the line is long, all at once: no end, launch or stop between
            TrainingLimits wide = new TrainingLimits(
                    Math.clamp(world.running.size() + line.size(), 1, TrainingLimits.MAX_SLOTS),
                    100,
                    maxRunningPerUser,
                    20);
            List<Item> started = new ArrayList<>();
            for (Optional<Item> next = world.scheduler.startNext(wide);
                    next.isPresent();
                    next = world.scheduler.startNext(wide)) {
                world.scheduler.started(next.get().owner());
                started.add(next.get());
            }
            int compared = Math.min(line.size(), started.size());
            assertEquals(line.subList(0, compared), started.subList(0, compared));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void withOneRunPerUserAPositionNeverGrows(int slots) {
        for (long seed = 0; seed < 50; seed++) {
            World world = new World(seed, slots, 1);
            Map<Item, QueuePlace> before = world.places();
            for (int i = 0; i < 300; i++) {
                world.step();
                Map<Item, QueuePlace> after = world.places();
                for (var e : after.entrySet()) {
                    QueuePlace was = before.get(e.getKey());
                    QueuePlace now = e.getValue();
                    if (was != null && !was.behindOwnRuns() && !now.behindOwnRuns()) {
                        assertTrue(
                                now.position() <= was.position(),
                                "seed " + seed + ": " + e.getKey() + " went from " + was + " to " + now);
                    }
                }
                before = after;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRunBehindItsOwnerJoinsTheEndOfTheLineWhenTheirRunEnds(int maxRunningPerUser) {
        UserId ann = USERS.get(0);
        UserId bob = USERS.get(1);
        UserId cat = USERS.get(2);
        SlotScheduler<Item> s = new SlotScheduler<>();
        TrainingLimits limits = new TrainingLimits(maxRunningPerUser + 1, 100, maxRunningPerUser, 20);
        List<Item> annRunning = new ArrayList<>();
        for (int i = 0; i < maxRunningPerUser; i++) {
            Item a = new Item(ann, i);
            s.enqueue(ann, a);
            annRunning.add(s.startNext(limits).orElseThrow());
            s.started(ann);
        }
        Item annNext = new Item(ann, 10);
        Item bob1 = new Item(bob, 11);
        s.enqueue(ann, annNext);
        s.started(cat); // Cat trains a run and fills the last slot
        s.enqueue(bob, bob1);
        assertEquals(QueuePlace.behindOwn(), s.place(ann, annNext, limits));
        assertEquals(QueuePlace.inLine(1), s.place(bob, bob1, limits));
        s.ended(ann, limits); // Ann's run frees the slot: Bob's run, first in line, takes it
        assertEquals(QueuePlace.inLine(2), s.place(ann, annNext, limits));
        assertEquals(bob1, s.startNext(limits).orElseThrow());
        assertEquals(QueuePlace.NONE, s.place(bob, bob1, limits));
    }
}
