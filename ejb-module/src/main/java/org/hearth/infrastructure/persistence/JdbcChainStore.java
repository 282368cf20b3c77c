package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hearth.application.settlement.ChainStore;
import org.hearth.application.settlement.Payout;
import org.hearth.application.settlement.TokenTransfer;

/** Deposits, cursors and payouts in plain JDBC. */
@ApplicationScoped
public class JdbcChainStore implements ChainStore {

  private static final String PAYOUT_COLUMNS =
      "id, account_id, amount, address, state, nonce, tx_hash, raw_tx, created_at";

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T with(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PersistenceFailure(what, e);
    }
  }

  @Override
  public long lockCursor(String name, long initial, Instant now) {
    return with(
        "locking the chain cursor " + name,
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO chain_cursor (name, last_block, updated_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, name);
            insert.setLong(2, initial);
            Sql.setInstant(insert, 3, now);
            insert.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT last_block FROM chain_cursor WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public void moveCursor(String name, long block, Instant now) {
    with(
        "moving the chain cursor " + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE chain_cursor SET last_block = ?, updated_at = ? WHERE name = ?")) {
            ps.setLong(1, block);
            Sql.setInstant(ps, 2, now);
            ps.setString(3, name);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, String> accountsOfWallets(Collection<String> addresses) {
    Map<String, String> accounts = new HashMap<>();
    if (addresses.isEmpty()) {
      return accounts;
    }
    return with(
        "finding the accounts of wallets",
        c -> {
          Sql.eachRowIn(
              c,
              "SELECT key_value, account_id FROM account_key WHERE kind = 'ETHEREUM'"
                  + " AND key_value IN (%s)",
              addresses,
              rs -> accounts.put(rs.getString(1), rs.getString(2)));
          return accounts;
        });
  }

  @Override
  public boolean recordDeposit(TokenTransfer t, String accountIdOrNull, Instant now) {
    return with(
        "recording deposit " + t.transactionHash(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO chain_deposit (tx_hash, log_index, block_number, from_address,"
                      + " amount, account_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, t.transactionHash());
            ps.setInt(2, t.logIndex());
            ps.setLong(3, t.blockNumber());
            ps.setString(4, t.from());
            ps.setLong(5, t.amount().amount());
            ps.setString(6, accountIdOrNull);
            Sql.setInstant(ps, 7, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Deposit> unclaimedDeposits(int limit) {
    return with(
        "listing unclaimed deposits",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT tx_hash, log_index, block_number, from_address, amount, account_id,"
                      + " recorded_at FROM chain_deposit WHERE account_id IS NULL"
                      + " ORDER BY block_number DESC, log_index DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Deposit> deposits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                deposits.add(
                    new Deposit(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        Sql.instant(rs, 7)));
              }
            }
            return deposits;
          }
        });
  }

  @Override
  public Optional<String> payoutAddress(String accountId) {
    return with(
        "finding the payout address of " + accountId,
        c -> {
          try (PreparedStatement set =
              c.prepareStatement("SELECT address FROM payout_address WHERE account_id = ?")) {
            set.setString(1, accountId);
            try (ResultSet rs = set.executeQuery()) {
              if (rs.next()) {
                return Optional.of(rs.getString(1));
              }
            }
          }
          try (PreparedStatement key =
              c.prepareStatement(
                  "SELECT key_value FROM account_key WHERE kind = 'ETHEREUM' AND account_id = ?"
                      + " ORDER BY added_at, key_value LIMIT 1")) {
            key.setString(1, accountId);
            try (ResultSet rs = key.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  @Override
  public void setPayoutAddress(String accountId, String address, Instant now) {
    with(
        "setting the payout address of " + accountId,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE payout_address SET address = ?, updated_at = ? WHERE account_id = ?")) {
            update.setString(1, address);
            Sql.setInstant(update, 2, now);
            update.setString(3, accountId);
            if (update.executeUpdate() == 1) {
              return 1;
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO payout_address (account_id, address, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, accountId);
            insert.setString(2, address);
            Sql.setInstant(insert, 3, now);
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Long> earnedAtLeast(long min, int limit) {
    return with(
        "finding operators to pay",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT owner, balance FROM ledger_balance WHERE account_type = 'OPERATOR_EARNED'"
                      + " AND balance >= ? AND balance > 0 AND owner NOT LIKE 'node:%'"
                      + " AND owner NOT IN (SELECT account_id FROM payout"
                      + " WHERE state IN ('PENDING', 'SUBMITTED'))"
                      + " ORDER BY balance DESC, owner LIMIT ?")) {
            ps.setLong(1, min);
            ps.setInt(2, limit);
            Map<String, Long> earned = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                earned.put(rs.getString(1), rs.getLong(2));
              }
            }
            return earned;
          }
        });
  }

  @Override
  public void insertPayout(Payout p) {
    with(
        "recording payout " + p.id(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO payout (id, account_id, amount, address, state, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.accountId());
            ps.setLong(3, p.amount());
            ps.setString(4, p.address());
            ps.setString(5, p.state().name());
            Sql.setInstant(ps, 6, p.createdAt());
            Sql.setInstant(ps, 7, p.createdAt());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Payout> lockNextPending() {
    List<Payout> found =
        payouts(
            "SELECT "
                + PAYOUT_COLUMNS
                + " FROM payout WHERE state = 'PENDING' ORDER BY created_at, id LIMIT 1 FOR UPDATE",
            null,
            1);
    return found.stream().findFirst();
  }

  @Override
  public List<Payout> lockSubmitted(int limit) {
    return payouts(
        "SELECT "
            + PAYOUT_COLUMNS
            + " FROM payout WHERE state = 'SUBMITTED' ORDER BY nonce LIMIT ? FOR UPDATE",
        null,
        limit);
  }

  @Override
  public List<Payout> payoutsOf(String accountId, int limit) {
    return payouts(
        "SELECT "
            + PAYOUT_COLUMNS
            + " FROM payout WHERE account_id = ? ORDER BY created_at DESC, id LIMIT ?",
        accountId,
        limit);
  }

  private List<Payout> payouts(String sql, String accountId, int limit) {
    return with(
        "reading payouts",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (accountId != null) {
              ps.setString(i++, accountId);
            }
            if (sql.contains("LIMIT ?")) {
              ps.setInt(i, limit);
            }
            List<Payout> payouts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long nonce = rs.getLong(6);
                Long n = rs.wasNull() ? null : nonce;
                payouts.add(
                    new Payout(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Payout.State.valueOf(rs.getString(5)),
                        n,
                        rs.getString(7),
                        rs.getString(8),
                        Sql.instant(rs, 9)));
              }
            }
            return payouts;
          }
        });
  }

  @Override
  public void markSubmitted(String id, long nonce, String txHash, String rawTx, Instant now) {
    with(
        "submitting payout " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE payout SET state = 'SUBMITTED', nonce = ?, tx_hash = ?, raw_tx = ?,"
                      + " updated_at = ? WHERE id = ? AND state = 'PENDING'")) {
            ps.setLong(1, nonce);
            ps.setString(2, txHash);
            ps.setString(3, rawTx);
            Sql.setInstant(ps, 4, now);
            ps.setString(5, id);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void markState(String id, Payout.State state, Instant now) {
    with(
        "marking payout " + id + " " + state,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE payout SET state = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            Sql.setInstant(ps, 2, now);
            ps.setString(3, id);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public long maxNonce() {
    return with(
        "reading the highest payout nonce",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COALESCE(MAX(nonce), -1) FROM payout");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
