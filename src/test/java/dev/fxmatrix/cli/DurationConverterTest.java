package dev.fxmatrix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import picocli.CommandLine.TypeConversionException;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {
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
    "1d, 86400000000000",
    "1.5d, 129600000000000",
    "0.00001d, 864000000",
  })
  void parsesNumbersWithUnits(String text, long nanos) {
    assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "5", "-5ms", "1.5.2s", "ms", "10 seconds", "1e3ms", "PT1S"})
  void refusesOtherFormsNamingTheAcceptedOnes(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageEndingWith("is not a duration; give a number and a unit, like 500ms, 10s or 1.5s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9999999999h", "99999999999999999999s"})
  void refusesDurationsBeyondALong(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("too long");
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"999ms, 999ms", "1000ms, 1s", "1500ms, 1.5s", "59999ms, 59.999s", "60s, 1m", "150s, 2m30s", "3600s, 1h", "10000s, 2h46m", "3d, 3d", "36h, 36h"})
  void messagesShowDurationsShortly(String given, String shown) {
    assertThat(dev.fxmatrix.fetch.Durations.format(DurationConverter.parse(given))).isEqualTo(shown);
  }
}
