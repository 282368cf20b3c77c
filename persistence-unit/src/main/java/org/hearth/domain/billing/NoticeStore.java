package org.hearth.domain.billing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Notices to accounts, one per kind, raised and cleared; calls join the caller's transaction. */
public interface NoticeStore {

  /**
   * Raises the notice, or updates the message of one already raised.
   *
   * @return true if it was not raised before (it is news to the account)
   */
  boolean raise(String accountId, String kind, String message, Instant at);

  /** Clears the notice of this kind for each of the accounts, where one is raised. */
  void clear(Collection<String> accountIds, String kind, Instant at);

  /** The account's raised notices, newest first. */
  List<Notice> raised(String accountId);

  /** A raised notice. */
  record Notice(String kind, String message, Instant raisedAt) {}
}
