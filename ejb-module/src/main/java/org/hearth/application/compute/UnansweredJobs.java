package org.hearth.application.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.nostr.RelayStore;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The job requests, bid acceptances and feedback the market never answered. The relay hands them to
 * the market once they are stored, asynchronously, so a server that stops in between has stored
 * them without acting on them, and no one would ever answer them. A starting server looks {@code
 * hearth.compute.unanswered-window} back for them.
 *
 * <p>An event is answered when a status (kind 6900) of this marketplace names it. An acceptance is
 * also answered when a status other than a bid names its request from the acceptance's time on: the
 * first status of its VM, or why none was started. Feedback is answered when, from its time on, the
 * marketplace published the job's review (its own kind 7900 naming the job) or an {@code error}
 * status of the job (why the feedback was refused: refusals name the job, not the feedback). The
 * VM's other statuses do not count: its {@code stopped} status may well come after the feedback.
 */
@ApplicationScoped
public class UnansweredJobs {

  private static final System.Logger LOG = System.getLogger(UnansweredJobs.class.getName());

  /** The most requests, acceptances and feedback looked at. */
  static final int LIMIT = 10_000;

  /** Ids or tag values per query. */
  private static final int CHUNK = 200;

  @Inject RelayStore store;
  @Inject MarketplaceKey key;
  @Inject ComputeSettings settings;
  @Inject Clock clock;

  /** The unanswered requests, acceptances and feedback of the window, oldest first. */
  public List<NostrEvent> find() {
    Instant now = clock.instant();
    long since = now.minus(settings.unansweredWindow()).getEpochSecond();
    String market = key.publicKeyHex();
    List<NostrEvent> asked =
        query(
                new RelayFilter(
                    Set.of(),
                    Set.of(),
                    Set.of(
                        ComputeKinds.JOB_REQUEST,
                        ComputeKinds.BID_ACCEPTANCE,
                        ComputeKinds.FEEDBACK),
                    Map.of(),
                    since,
                    null,
                    null),
                now)
            .stream()
            .filter(e -> !e.pubkey().equals(market))
            .toList();
    if (asked.size() == LIMIT) {
      LOG.log(
          System.Logger.Level.WARNING,
          "more than {0} job requests, acceptances and feedback since {1}: only the newest are"
              + " checked",
          LIMIT,
          Instant.ofEpochSecond(since));
    }
    Map<String, String> requestOfBid = requestsOfBids(acceptedBids(asked), market, now);
    List<String> named = new ArrayList<>();
    for (NostrEvent event : asked) {
      named.add(event.id());
      jobOf(event, requestOfBid).ifPresent(named::add);
    }
    Map<String, List<NostrEvent>> answers = answers(named, market, since, now);
    return asked.stream()
        .filter(event -> !answered(event, requestOfBid, answers))
        .sorted(Comparator.comparingLong(NostrEvent::createdAt).thenComparing(NostrEvent::kind))
        .toList();
  }

  private static boolean answered(
      NostrEvent event, Map<String, String> requestOfBid, Map<String, List<NostrEvent>> answers) {
    if (answers.containsKey(event.id())) {
      return true;
    }
    return jobOf(event, requestOfBid).stream()
        .flatMap(job -> answers.getOrDefault(job, List.of()).stream())
        .anyMatch(
            answer -> answer.createdAt() >= event.createdAt() && answers(answer, event.kind()));
  }

  /** Whether {@code answer}, naming the job, answers a later event of kind {@code kind}. */
  private static boolean answers(NostrEvent answer, int kind) {
    String status = answer.tagValue("status").orElse("");
    if (kind == ComputeKinds.FEEDBACK) {
      return answer.kind() == ComputeKinds.FEEDBACK || status.equals(JobStatus.ERROR.tag());
    }
    return answer.kind() == ComputeKinds.JOB_RESULT && !status.equals(JobStatus.BID.tag());
  }

  /**
   * The job an acceptance (through its bid) or feedback is about; empty for a request, or a bid not
   * found.
   */
  private static Optional<String> jobOf(NostrEvent event, Map<String, String> requestOfBid) {
    return switch (event.kind()) {
      case ComputeKinds.BID_ACCEPTANCE -> event.tagValue("e").map(requestOfBid::get);
      case ComputeKinds.FEEDBACK -> event.tagValue("e");
      default -> Optional.empty();
    };
  }

  private static List<String> acceptedBids(List<NostrEvent> asked) {
    return asked.stream()
        .filter(e -> e.kind() == ComputeKinds.BID_ACCEPTANCE)
        .flatMap(e -> e.tagValue("e").stream())
        .distinct()
        .toList();
  }

  private Map<String, String> requestsOfBids(List<String> bids, String market, Instant now) {
    Map<String, String> requestOf = new HashMap<>();
    for (List<String> chunk : chunks(bids)) {
      RelayFilter filter =
          new RelayFilter(
              Set.copyOf(chunk),
              Set.of(market),
              Set.of(ComputeKinds.JOB_RESULT),
              Map.of(),
              null,
              null,
              null);
      for (NostrEvent bid : query(filter, now)) {
        bid.tagValue("e").ifPresent(request -> requestOf.put(bid.id(), request));
      }
    }
    return requestOf;
  }

  /** The marketplace's statuses and feedback by the event ids they name (their {@code e} tag). */
  private Map<String, List<NostrEvent>> answers(
      Collection<String> named, String market, long since, Instant now) {
    Map<String, List<NostrEvent>> answers = new HashMap<>();
    for (List<String> chunk : chunks(List.copyOf(Set.copyOf(named)))) {
      RelayFilter filter =
          new RelayFilter(
              Set.of(),
              Set.of(market),
              Set.of(ComputeKinds.JOB_RESULT, ComputeKinds.FEEDBACK),
              Map.of("e", Set.copyOf(chunk)),
              since,
              null,
              null);
      for (NostrEvent status : query(filter, now)) {
        status
            .tagValue("e")
            .ifPresent(id -> answers.computeIfAbsent(id, i -> new ArrayList<>()).add(status));
      }
    }
    return answers;
  }

  private List<NostrEvent> query(RelayFilter filter, Instant now) {
    return store.query(filter, LIMIT, now.getEpochSecond()).stream()
        .map(stored -> NostrEvent.fromJson(stored.json()))
        .toList();
  }

  private static List<List<String>> chunks(List<String> values) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += CHUNK) {
      chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
    }
    return chunks;
  }
}
