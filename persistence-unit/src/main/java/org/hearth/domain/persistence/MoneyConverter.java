package org.hearth.domain.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hearth.protocol.money.Money;

/** Stores {@link Money} as its integer count of the settlement asset's smallest unit. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {

  @Override
  public Long convertToDatabaseColumn(Money money) {
    return money == null ? null : money.amount();
  }

  @Override
  public Money convertToEntityAttribute(Long units) {
    return units == null ? null : Money.of(units);
  }
}
