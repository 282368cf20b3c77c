package org.hearth.domain.reputation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A tenant's 1–5 stars, and maybe a comment, for the node one of their VMs ran on. */
@Entity
@Table(name = "node_review")
public class NodeReview {

  /** Longest comment, in characters. */
  public static final int MAX_COMMENT = 1000;

  /** One review per VM: the VM is the key. */
  @Id
  @Column(name = "vm_id")
  private String vmId;

  @Column(name = "node_id", nullable = false)
  private String nodeId;

  @Column(name = "author_account_id", nullable = false)
  private String authorAccountId;

  @Column(name = "rating", nullable = false)
  private int rating;

  @Column(name = "comment", length = MAX_COMMENT)
  private String comment;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected NodeReview() {}

  /**
   * @param comment may be null or blank (then none)
   * @throws IllegalArgumentException for a rating outside 1–5 or a comment that is too long
   */
  public NodeReview(
      String vmId, String nodeId, String authorAccountId, int rating, String comment, Instant now) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be 1 to 5, not " + rating);
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT + " characters");
    }
    this.vmId = vmId;
    this.nodeId = nodeId;
    this.authorAccountId = authorAccountId;
    this.rating = rating;
    this.comment = normalized(comment);
    this.createdAt = now;
  }

  /** Whether this review gives {@code rating} stars with {@code comment} (as it would keep it). */
  public boolean says(int rating, String comment) {
    return this.rating == rating && Objects.equals(this.comment, normalized(comment));
  }

  private static String normalized(String comment) {
    return comment == null || comment.isBlank() ? null : comment.strip();
  }

  public String vmId() {
    return vmId;
  }

  public String nodeId() {
    return nodeId;
  }

  public String authorAccountId() {
    return authorAccountId;
  }

  public int rating() {
    return rating;
  }

  /** The comment, or null. */
  public String comment() {
    return comment;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
