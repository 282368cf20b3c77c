package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.hearth.infrastructure.migration.DatabaseMigrator;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

/** {@link LedgerHealthCheck}: ready only when the books balance, and not before there are any. */
class LedgerHealthCheckTest {

  static {
    // No MicroProfile Health runtime here: responses are built by the plain builder below.
    HealthCheckResponse.setResponseProvider(PlainResponses::new);
  }

  private final LedgerHealthCheck check = new LedgerHealthCheck();

  @Test
  void notReadyWhileTheSchemaIsNotMigratedWithoutReadingTheLedger() {
    check.migrator = migrated(false);
    check.ledger = null; // a read would fail: there is no ledger table yet

    HealthCheckResponse response = check.call();

    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    assertEquals(false, response.getData().orElseThrow().get("migrated"));
  }

  @Test
  void readyWhenTheAccountsSumToZeroOnly() {
    check.migrator = migrated(true);

    check.ledger = summingTo(0);
    assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());

    check.ledger = summingTo(-3);
    HealthCheckResponse broken = check.call();
    assertEquals(HealthCheckResponse.Status.DOWN, broken.getStatus());
    assertEquals(-3L, broken.getData().orElseThrow().get("sumOfAllAccounts"));
  }

  private static DatabaseMigrator migrated(boolean migrated) {
    return new DatabaseMigrator() {
      @Override
      public boolean isMigrated() {
        return migrated;
      }
    };
  }

  private static Ledger summingTo(long sum) {
    return new Ledger() {
      @Override
      public Money sumOfAllAccounts() {
        return Money.of(sum);
      }
    };
  }

  /** Builds responses as the runtime's builder would, for this test. */
  private static final class PlainResponses extends HealthCheckResponseBuilder {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String name;
    private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
    }
  }
}
