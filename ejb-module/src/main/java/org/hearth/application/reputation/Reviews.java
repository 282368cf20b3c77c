package org.hearth.application.reputation;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hearth.application.vm.VmService;
import org.hearth.domain.reputation.AlreadyReviewedException;
import org.hearth.domain.reputation.NodeReview;
import org.hearth.domain.reputation.ReviewNotAllowedException;
import org.hearth.domain.reputation.ReviewRepository;
import org.hearth.domain.vm.NotVmOwnerException;
import org.hearth.domain.vm.Vm;

/**
 * Tenants review the nodes their VMs ran on: the owner of a VM that ended on a node, once per VM.
 * So only real tenants of a node review it, and a review costs a VM's lease.
 */
@Stateless
public class Reviews {

  private static final System.Logger LOG = System.getLogger(Reviews.class.getName());

  /** Reviews shown on a node's page. */
  public static final int SHOWN = 20;

  @Inject VmService vms;
  @Inject ReviewRepository reviews;
  @Inject Event<NodeReviewed> reviewed;
  @Inject Clock clock;

  /**
   * @throws org.hearth.domain.vm.UnknownVmException when the account cannot see the VM
   * @throws NotVmOwnerException for a member of the VM
   * @throws ReviewNotAllowedException while the VM has not ended, or if it never had a node
   * @throws AlreadyReviewedException for a second review of the VM
   */
  public NodeReview review(String accountId, String vmId, int rating, String comment) {
    Vm vm = vms.get(accountId, vmId);
    if (!vm.isOwnedBy(accountId)) {
      throw new NotVmOwnerException(vmId);
    }
    if (!vm.state().isFinal()) {
      throw new ReviewNotAllowedException(
          "VM " + vmId + " is " + vm.state() + ": its node can be reviewed once it has ended");
    }
    if (vm.nodeId() == null) {
      throw new ReviewNotAllowedException("VM " + vmId + " never ran on a node");
    }
    if (reviews.find(vmId).isPresent()) {
      throw new AlreadyReviewedException(vmId);
    }
    NodeReview review =
        new NodeReview(vmId, vm.nodeId(), accountId, rating, comment, clock.instant());
    reviews.add(review);
    reviewed.fire(new NodeReviewed(review));
    LOG.log(
        System.Logger.Level.INFO, "node {0}: reviewed {1}/5 for vm {2}", vm.nodeId(), rating, vmId);
    return review;
  }

  /** The VM's review, if it has one. */
  public Optional<NodeReview> ofVm(String vmId) {
    return reviews.find(vmId);
  }

  /** The node's newest reviews. */
  public List<NodeReview> of(String nodeId) {
    return reviews.latestOf(nodeId, SHOWN);
  }
}
