package dev.fxmatrix.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "0, 0",
    "0ms, 0",
    "0.0, 0",
    "100ms, 100000000",
    "2s, 2000000000",
    "1.5s, 1500000000",
    ".5s, 500000000",
    "' 250 ms ', 250000000",
    "2S, 2000000000",
    "1m, 60000000000",
    "1h, 3600000000000",
    "500us, 500000",
    "7ns, 7",
    "0.0015ms, 1500",
    "2.5ns, 3",
    "1.25ns, 1",
    "0.000001ms, 1",
    "0.0000015ms, 2",
    "0.0000014999ms, 1",
    "1.1234567891s, 1123456789",
    "0.0000000005s, 1",
    "123456789012.5ns, 123456789013",
    "1234567890123ns, 1234567890123",
    "2562047h, 9223369200000000000",
  })
  void parsesNumbersWithUnits(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "5", "-5ms", "1.5.2s", "ms", "10 seconds", "1e3ms", "PT1S"})
  void refusesOtherFormsNamingTheAcceptedOnes(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a duration like 500ms, 10s or 1.5s, got '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9999999999h", "99999999999999999999s"})
  void refusesDurationsBeyondALong(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }
}
