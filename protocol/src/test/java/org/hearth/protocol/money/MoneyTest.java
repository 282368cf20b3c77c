package org.hearth.protocol.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final int USDC = Money.USDC_DECIMALS;

  @Test
  void addsSubtractsAndMultipliesExactly() {
    Money a = Money.of(1_500_000);
    assertEquals(Money.of(1_750_000), a.plus(Money.of(250_000)));
    assertEquals(Money.of(-250_000), Money.of(250_000).minus(Money.of(500_000)));
    assertEquals(Money.of(4_500_000), a.times(3));
    assertEquals(Money.of(-1_500_000), a.times(-1));
  }

  @Test
  void refusesToOverflow() {
    Money max = Money.of(Long.MAX_VALUE);
    Money min = Money.of(Long.MIN_VALUE);
    assertThrows(ArithmeticException.class, () -> max.plus(Money.of(1)));
    assertThrows(ArithmeticException.class, () -> min.minus(Money.of(1)));
    assertThrows(ArithmeticException.class, () -> max.times(2));
    assertThrows(ArithmeticException.class, () -> min.times(-1));
  }

  @Test
  void comparesByAmount() {
    List<Money> sorted = List.of(Money.of(-1), Money.ZERO, Money.of(2));
    assertEquals(sorted, Stream.of(Money.of(2), Money.of(-1), Money.ZERO).sorted().toList());
    assertTrue(Money.of(-1).isNegative());
    assertFalse(Money.ZERO.isNegative());
    assertTrue(Money.ZERO.isZero());
    assertEquals(Money.of(7), Money.of(7));
  }

  @ParameterizedTest
  @CsvSource({
    "1500000, 6, 1.500000",
    "-1500000, 6, -1.500000",
    "1, 6, 0.000001",
    "-1, 6, -0.000001",
    "0, 6, 0.000000",
    "42, 0, 42",
    "-9223372036854775808, 6, -9223372036854.775808",
  })
  void rendersWithExactlyTheGivenDecimals(long amount, int decimals, String text) {
    assertEquals(text, Money.of(amount).toDecimalString(decimals));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1500000",
    "1.500000, 1500000",
    "0.000001, 1",
    "-0.000001, -1",
    "12, 12000000",
    "-0, 0",
    "9223372036854.775807, 9223372036854775807",
    "-9223372036854.775808, -9223372036854775808",
  })
  void parsesPlainDecimals(String text, long amount) {
    assertEquals(Money.of(amount), Money.parse(text, USDC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.0000001",
        "1.5000000",
        "9223372036854.775808",
        "1e3",
        "+1",
        "1.",
        ".5",
        "1,5",
        " 1",
        "",
        "abc"
      })
  void refusesWhatIsNotAnExactAmount(String text) {
    assertThrows(IllegalArgumentException.class, () -> Money.parse(text, USDC));
  }

  @Test
  void refusesUnreasonableDecimals() {
    assertThrows(IllegalArgumentException.class, () -> Money.ZERO.toDecimalString(-1));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("1", 19));
    assertThrows(IllegalArgumentException.class, () -> Money.parse(null, USDC));
  }
}
