package org.hearth.application.compute;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.identity.Accounts;
import org.hearth.application.nostr.Relay;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.application.reputation.Reviews;
import org.hearth.application.scheduling.Quotes;
import org.hearth.application.vm.VmService;
import org.hearth.domain.compute.ComputeJob;
import org.hearth.domain.identity.KeyKind;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.reputation.NodeReview;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The compute market's work on Nostr events, each call in one transaction: bids for a job request,
 * a VM for an accepted bid, a review for feedback, and statuses as the jobs' VMs change. A tenant
 * is the account of its Nostr key (made on first use), billed exactly as through the REST API.
 */
@Stateless
public class ComputeJobs {

  /** Nodes quoted to find the ones a request names by {@code p} tags. */
  private static final int TARGET_CANDIDATES = 1000;

  private static final System.Logger LOG = System.getLogger(ComputeJobs.class.getName());

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Inject Quotes quotes;
  @Inject NodeRepository nodes;
  @Inject ReputationBoard reputations;
  @Inject MarketEvents events;
  @Inject MarketplaceKey key;
  @Inject Relay relay;
  @Inject VmService vms;
  @Inject Accounts accounts;
  @Inject Reviews reviews;
  @Inject ReviewEvents reviewEvents;
  @Inject ComputeSettings settings;
  @Inject Clock clock;

  /** A bid the tenant accepted, and the request it answers. */
  public record AcceptedBid(String id, String requestId, String requestContent, String nodeId) {}

  /**
   * Answers a job request, once: a bid (kind 6900, status {@code bid}) for each of the cheapest
   * nodes that can take it now (only those whose keys its {@code p} tags name, if any), cheapest
   * first; or a {@code no-bids} status saying why no node can.
   */
  public void bid(NostrEvent request, VmRequest spec) {
    if (isBidOn(request.id())) {
      return;
    }
    em.persist(new ComputeJob(request.id(), request.pubkey(), clock.instant()));
    Set<String> targets = Set.copyOf(request.tagValues("p"));
    Quotes.Result result =
        quotes.cheapest(spec, targets.isEmpty() ? settings.maxBids() : TARGET_CANDIDATES);
    List<Quotes.Quote> chosen =
        result.quotes().stream()
            .filter(q -> targets.isEmpty() || ownedByOneOf(q.nodeId(), targets))
            .limit(settings.maxBids())
            .toList();
    if (chosen.isEmpty()) {
      String why =
          result.explanation() != null ? result.explanation() : "no node named by a p tag fits";
      events.jobResult(
          request.id(),
          request.pubkey(),
          JobStatus.NO_BIDS,
          List.of(),
          Json.createObjectBuilder().add("message", why).build());
      return;
    }
    for (int rank = 1; rank <= chosen.size(); rank++) {
      Quotes.Quote quote = chosen.get(rank - 1);
      long perHour = quote.breakdown().total().amount();
      events.jobResult(
          request.id(),
          request.pubkey(),
          JobStatus.BID,
          List.of(
              List.of("node", quote.nodeId()), List.of("price", Long.toString(perHour), "hour")),
          Json.createObjectBuilder()
              .add("rank", rank)
              .add("nodeId", quote.nodeId())
              .add(
                  "region",
                  quote.region() == null ? JsonValue.NULL : Json.createValue(quote.region()))
              .add("pricePerHour", perHour)
              .add("pricePerPeriod", quote.pricePerPeriod().amount())
              .add("billingPeriodSeconds", result.billingPeriod().toSeconds())
              .add("reputation", reputations.score(quote.nodeId(), request.pubkey(), 0))
              .build());
    }
  }

  /**
   * The bid an acceptance (kind 5901) names by its {@code e} tag, checked: a bid of this
   * marketplace, for a request of the acceptance's own author.
   *
   * @throws ComputeRefusal when it names no such bid
   */
  public AcceptedBid acceptedBid(NostrEvent acceptance) {
    String bidId =
        acceptance
            .tagValue("e")
            .orElseThrow(() -> new ComputeRefusal("invalid: name the accepted bid in an e tag"));
    NostrEvent bid =
        stored(bidId, ComputeKinds.JOB_RESULT, key.publicKeyHex())
            .filter(e -> e.tagValue("status").orElse("").equals(JobStatus.BID.tag()))
            .orElseThrow(() -> new ComputeRefusal("invalid: no bid " + bidId + " of this market"));
    String requestId = bid.tagValue("e").orElseThrow();
    NostrEvent request =
        stored(requestId, ComputeKinds.JOB_REQUEST, acceptance.pubkey())
            .orElseThrow(
                () ->
                    new ComputeRefusal(
                        "restricted: only the author of a job request accepts its bids"));
    return new AcceptedBid(bidId, requestId, request.content(), bid.tagValue("node").orElseThrow());
  }

  /**
   * Starts the VM of an accepted bid on the bid's node, billed to the acceptance author's account,
   * and publishes its first status. Accepting the same bid again changes nothing.
   *
   * @throws ComputeRefusal when another bid of the request was accepted
   * @throws org.hearth.application.billing.PaymentRequiredException when the balance cannot pay the
   *     first billing period
   * @throws org.hearth.application.scheduling.TargetNodeRefusedException when the node can no
   *     longer take it
   */
  public void accept(NostrEvent acceptance, AcceptedBid bid, VmRequest spec) {
    ComputeJob job =
        Optional.ofNullable(
                em.find(ComputeJob.class, bid.requestId(), LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(() -> new ComputeRefusal("invalid: the request was never bid on"));
    if (bid.id().equals(job.acceptedBid())) {
      return;
    }
    if (job.acceptedBid() != null) {
      throw new ComputeRefusal("duplicate: bid " + job.acceptedBid() + " was accepted already");
    }
    String account = accounts.signIn(KeyKind.NOSTR, acceptance.pubkey());
    Vm vm = vms.create(account, spec.onNode(bid.nodeId()));
    job.accept(bid.id(), vm.id());
    LOG.log(
        System.Logger.Level.INFO,
        "job {0}: bid {1} accepted, vm {2}",
        job.requestId(),
        bid.id(),
        vm.id());
    publishState(job, vm);
  }

  /** Whether the job request was answered (bid on, or told why not) already. */
  public boolean isBidOn(String requestId) {
    return em.find(ComputeJob.class, requestId) != null;
  }

  /**
   * Feedback (kind 7900) on a job: its {@code rating} tag (1–5) and content (the comment) become
   * the review of the node the job's VM ran on. Feedback handed over again, whose review stands,
   * publishes that review's event again instead (a duplicate the relay drops, unless it was lost).
   *
   * @throws ComputeRefusal when it names no job of its author that started a VM, or has no rating
   */
  public void review(NostrEvent feedback) {
    String requestId =
        feedback
            .tagValue("e")
            .orElseThrow(() -> new ComputeRefusal("invalid: name the job in an e tag"));
    ComputeJob job = em.find(ComputeJob.class, requestId);
    if (job == null || job.vmId() == null || !job.tenantPubkey().equals(feedback.pubkey())) {
      throw new ComputeRefusal("restricted: feedback is for the tenant's own jobs that ran");
    }
    int rating = ratingOf(feedback);
    Optional<NodeReview> made = reviewBy(feedback, job.vmId(), rating);
    if (made.isPresent()) {
      reviewEvents.publish(made.get()); // handed over again: its event, if that was lost
    } else {
      String account = accounts.signIn(KeyKind.NOSTR, feedback.pubkey());
      reviews.review(account, job.vmId(), rating, feedback.content());
    }
  }

  /** Whether the feedback's review stands: made by another server handling the same feedback. */
  public boolean isReviewed(NostrEvent feedback) {
    ComputeJob job = feedback.tagValue("e").map(id -> em.find(ComputeJob.class, id)).orElse(null);
    if (job == null || job.vmId() == null) {
      return false;
    }
    try {
      return reviewBy(feedback, job.vmId(), ratingOf(feedback)).isPresent();
    } catch (ComputeRefusal e) {
      return false;
    }
  }

  /** The VM's review if it is this feedback's: by its author, with its rating and comment. */
  private Optional<NodeReview> reviewBy(NostrEvent feedback, String vmId, int rating) {
    return reviews
        .ofVm(vmId)
        .filter(review -> accounts.holdsKey(review.authorAccountId(), feedback.pubkey()))
        .filter(review -> review.says(rating, feedback.content()));
  }

  private static int ratingOf(NostrEvent feedback) {
    try {
      return Integer.parseInt(feedback.tagValue("rating").orElse(""));
    } catch (NumberFormatException e) {
      throw new ComputeRefusal("invalid: a rating tag of 1 to 5 stars is required");
    }
  }

  /** Publishes the status of every job whose VM changed state since its last status. */
  public int publishStatuses() {
    List<Object[]> live =
        em.createQuery(
                "SELECT j, v FROM ComputeJob j, Vm v WHERE v.id = j.vmId"
                    + " AND (j.publishedState IS NULL OR j.publishedState NOT IN :ended)",
                Object[].class)
            .setParameter("ended", List.of(JobStatus.STOPPED.tag(), JobStatus.FAILED.tag()))
            .getResultList();
    int published = 0;
    for (Object[] row : live) {
      if (publishState((ComputeJob) row[0], (Vm) row[1])) {
        published++;
      }
    }
    return published;
  }

  /**
   * Answers a request or acceptance the market could not act on: {@code status} with the reason.
   */
  public void refuse(String requestId, String tenant, JobStatus status, String message) {
    events.jobResult(
        requestId,
        tenant,
        status,
        List.of(),
        Json.createObjectBuilder().add("message", message).build());
  }

  private boolean publishState(ComputeJob job, Vm vm) {
    JobStatus status = JobStatus.of(vm.state());
    if (status == null || !job.publishes(status.tag())) {
      return false;
    }
    JsonObjectBuilder content =
        Json.createObjectBuilder()
            .add("vmId", vm.id())
            .add("state", vm.state().name())
            .add("vm", settings.apiBase() + "/api/vms/" + vm.id());
    if (vm.nodeId() != null) {
      content.add("nodeId", vm.nodeId());
    }
    if (vm.stateReason() != null) {
      content.add("reason", vm.stateReason());
    }
    if (status == JobStatus.RUNNING) {
      content.add("terminal", settings.apiBase() + "/api/vms/" + vm.id() + "/terminal");
    }
    events.jobResult(
        job.requestId(),
        job.tenantPubkey(),
        status,
        List.of(List.of("vm", vm.id())),
        content.build());
    return true;
  }

  private boolean ownedByOneOf(String nodeId, Set<String> keys) {
    return nodes.find(nodeId).map(Node::pubkey).filter(keys::contains).isPresent();
  }

  private Optional<NostrEvent> stored(String id, int kind, String author) {
    RelayFilter filter =
        new RelayFilter(
            Set.of(id), Set.of(author), Set.of(kind), java.util.Map.of(), null, null, 1);
    return relay.query(List.of(filter)).stream()
        .findFirst()
        .map(e -> NostrEvent.fromJson(e.json()));
  }
}
