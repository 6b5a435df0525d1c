package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fxmatrix.testing.FakeFrankfurter;
import dev.fxmatrix.testing.VirtualTime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  static final long SECOND = 1_000_000_000L;

  static Throttle throttle(double rate, int burst, TimeSource time) {
    return Throttle.of(new Throttle.Options(rate, burst), time);
  }

  @Test
  void startsEmptyAndSpacesSlotsEvenly() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = throttle(10, 1, clock);
    long t0 = clock.nanoTime();
    // No burst at start: the first slot is a tenth of a second away, then one every tenth.
    for (int i = 1; i <= 5; i++) {
      assertThat(throttle.reserve().grantAt() - t0).isEqualTo(i * SECOND / 10);
    }
  }

  @Test
  void idlingNeverSavesMoreThanTheBurst() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = throttle(2, 3, clock);
    clock.advance(Duration.ofMinutes(1));
    long now = clock.nanoTime();
    // Three immediate slots (the burst), then the rate again.
    assertThat(throttle.reserve().grantAt()).isEqualTo(now);
    assertThat(throttle.reserve().grantAt()).isEqualTo(now);
    assertThat(throttle.reserve().grantAt()).isEqualTo(now);
    assertThat(throttle.reserve().grantAt()).isEqualTo(now + SECOND / 2);
  }

  @Test
  void fractionalRates() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = throttle(0.5, 1, clock);
    long t0 = clock.nanoTime();
    assertThat(throttle.reserve().grantAt() - t0).isEqualTo(2 * SECOND);
    assertThat(throttle.reserve().grantAt() - t0).isEqualTo(4 * SECOND);
  }

  @Test
  void underContentionNoSecondHoldsMoreThanRatePlusBurst() throws Exception {
    Throttle throttle = throttle(20, 2, TimeSource.SYSTEM);
    List<Long> grants = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(33);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < 33; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      ready.countDown();
                      go.await();
                      for (int i = 0; i < 2; i++) {
                        throttle.acquire();
                        grants.add(System.nanoTime());
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    ready.await(); // every thread at the gate, so they all contend for the first slots
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(grants).hasSize(66);
    assertThat(FakeFrankfurter.maxInWindow(grants, SECOND)).isLessThanOrEqualTo(20 + 2);
  }

  @Test
  void everyWaiterIsServedInArrivalOrderOfItsReservation() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = throttle(5, 1, clock);
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      slots.add(throttle.reserve().grantAt());
    }
    // Slots are handed out strictly one after another: nobody is overtaken or starved.
    List<Long> sorted = new ArrayList<>(slots);
    Collections.sort(sorted);
    assertThat(slots).isEqualTo(sorted).doesNotHaveDuplicates();
  }

  @Test
  void waitingCostsAlmostNoCpu() throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Throttle throttle = throttle(10, 1, TimeSource.SYSTEM);
    ConcurrentHashMap<Long, Long> cpuByThread = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      throttle.acquire(); // waits up to 0.8 s
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    cpuByThread.put(Thread.currentThread().threadId(), mx.getCurrentThreadCpuTime());
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long totalCpu = cpuByThread.values().stream().mapToLong(Long::longValue).sum();
    // Eight threads waited ~3.6 s in all; a spinning wait would burn most of that. Allow 0.3 s.
    assertThat(totalCpu).isLessThan(300_000_000L);
  }

  @Test
  void aWaitingVirtualThreadDoesNotHoldItsCarrier() throws Exception {
    // More waiters than carrier threads (one per core), each with a slot 10 s or more away. If
    // waiting pinned the carrier, no other virtual thread could run until the first slot came.
    Throttle throttle = throttle(0.1, 1, TimeSource.SYSTEM);
    int waiters = 4 * Runtime.getRuntime().availableProcessors();
    List<Thread> waiting = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      waiting.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      throttle.acquire();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    awaitWaiting(waiting); // every carrier would be held now, if waiting held one
    CountDownLatch ran = new CountDownLatch(1);
    Thread.ofVirtual().start(ran::countDown);
    try {
      assertThat(ran.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("another virtual thread ran").isTrue();
    } finally {
      waiting.forEach(Thread::interrupt);
    }
  }

  @Test
  void waitingIsInterruptible() throws Exception {
    Throttle throttle = throttle(0.01, 1, TimeSource.SYSTEM); // first slot in 100 s
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    throttle.acquire();
                  } catch (InterruptedException e) {
                    thrown.add(e);
                  }
                });
    awaitWaiting(List.of(waiter)); // interrupted in its wait, not before it
    waiter.interrupt();
    waiter.join(Duration.ofSeconds(5));
    assertThat(waiter.isAlive()).isFalse();
    assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
  }

  @Test
  void aPauseHoldsEveryoneBackAndRenewsOutstandingReservations() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = Throttle.of(Throttle.Options.UNLIMITED, clock);
    Throttle.Reservation before = throttle.reserve();
    assertThat(before.grantAt()).isEqualTo(clock.nanoTime());
    throttle.pauseUntil(clock.nanoTime() + SECOND);
    assertThat(throttle.stillValid(before)).isFalse();
    Throttle.Reservation during = throttle.reserve();
    assertThat(during.grantAt()).isEqualTo(clock.nanoTime() + SECOND);
    assertThat(throttle.stillValid(during)).isTrue();
  }

  @Test
  void aWaveOf429sSetsAPaceJustUnderWhatTheServerAccepted() {
    VirtualTime clock = new VirtualTime();
    Throttle throttle = Throttle.of(Throttle.Options.UNLIMITED, clock);
    List<Throttle.Permit> wave = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      wave.add(throttle.permitFor(throttle.reserve()));
    }
    clock.advance(Duration.ofMillis(50));
    for (int i = 0; i < 5; i++) {
      throttle.succeeded(wave.get(i)); // the server took five
    }
    for (int i = 5; i < 33; i++) {
      throttle.rateLimited(wave.get(i), Duration.ofSeconds(1)); // and refused the rest
    }
    long pauseEnd = clock.nanoTime() + SECOND;
    Throttle.Reservation next = throttle.reserve();
    assertThat(next.grantAt()).isGreaterThanOrEqualTo(pauseEnd);
    clock.advance(Duration.ofSeconds(1));
    throttle.reserve();
    assertThat(throttle.rate()).isEqualTo(4.5);
    // A second 429 from before the new pace is old news and does not slow it further.
    throttle.rateLimited(wave.get(32), Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    throttle.reserve();
    assertThat(throttle.rate()).isEqualTo(4.5);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Throttle.Options(0.0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Throttle.Options(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Throttle.Options(1.0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Returns once every thread sleeps in a timed wait; fails after 10 s. */
  static void awaitWaiting(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + 10 * SECOND;
    while (!threads.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
      assertThat(System.nanoTime()).as("all threads waiting within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
