package dev.fxmatrix.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSequencerTest {
  static Outcome fetched(int row) {
    Job job = new Job(row, "C" + (char) ('A' + row) + "X", List.of("USD"));
    return new Outcome.Fetched(job, new RateTable(job.base(), LocalDate.of(2019, 4, 9), Map.of()), 1);
  }

  static List<Integer> rows(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.job().row()).toList();
  }

  @Test
  void releasesEachRowOnceItAndAllBeforeItAreIn() {
    RowSequencer sequencer = new RowSequencer(4);
    assertThat(sequencer.accept(fetched(2))).isEmpty();
    assertThat(sequencer.accept(fetched(1))).isEmpty();
    assertThat(rows(sequencer.accept(fetched(0)))).containsExactly(0, 1, 2);
    assertThat(sequencer.complete()).isFalse();
    assertThat(rows(sequencer.accept(fetched(3)))).containsExactly(3);
    assertThat(sequencer.complete()).isTrue();
  }

  @Test
  void inOrderArrivalsStreamOneByOne() {
    RowSequencer sequencer = new RowSequencer(3);
    for (int row = 0; row < 3; row++) {
      assertThat(rows(sequencer.accept(fetched(row)))).containsExactly(row);
    }
  }

  @Test
  void aRowDeliveredTwiceIsABug() {
    RowSequencer sequencer = new RowSequencer(2);
    sequencer.accept(fetched(1));
    assertThatThrownBy(() -> sequencer.accept(fetched(1))).isInstanceOf(IllegalStateException.class);
  }
}
