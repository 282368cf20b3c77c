package org.hearth.protocol.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of the settlement asset, as a signed count of its smallest unit (for USDC, with 6
 * decimals, 1 USDC is 1 000 000). Never a floating-point number; arithmetic that would overflow
 * throws {@link ArithmeticException}.
 *
 * @param amount in the asset's smallest unit; negative for debts and debits
 */
public record Money(long amount) implements Comparable<Money> {
  /** Decimals of USDC, the default settlement asset. */
  public static final int USDC_DECIMALS = 6;

  public static final Money ZERO = new Money(0);

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final int MAX_DECIMALS = 18;

  public static Money of(long amount) {
    return new Money(amount);
  }

  /**
   * Parses a plain decimal string such as {@code "1.5"} or {@code "-0.000001"} in units of an asset
   * with {@code decimals} decimals. Refuses, rather than rounds, more fractional digits than that,
   * even zeros; refuses signs other than a leading minus, exponents and grouping.
   *
   * @throws IllegalArgumentException if the text is not such a decimal or does not fit a long
   */
  public static Money parse(String text, int decimals) {
    checkDecimals(decimals);
    if (text == null || !DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a plain decimal number: " + text);
    }
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > decimals) {
      throw new IllegalArgumentException("more than " + decimals + " fractional digits: " + text);
    }
    try {
      return new Money(value.movePointRight(decimals).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range: " + text, e);
    }
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(amount, other.amount));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(amount, other.amount));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(amount, factor));
  }

  public boolean isNegative() {
    return amount < 0;
  }

  public boolean isZero() {
    return amount == 0;
  }

  /** The amount with exactly {@code decimals} fractional digits, e.g. {@code "-1.500000"}. */
  public String toDecimalString(int decimals) {
    checkDecimals(decimals);
    return BigDecimal.valueOf(amount, decimals).toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(amount, other.amount);
  }

  private static void checkDecimals(int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be between 0 and " + MAX_DECIMALS + ": " + decimals);
    }
  }
}
