package org.hearth.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A tenant's 1–5 stars for a template they deployed; one per tenant, which they may change. */
@Entity
@Table(name = "template_rating")
@IdClass(TemplateRating.Ref.class)
public class TemplateRating {

  @Id
  @Column(name = "template_id")
  private String templateId;

  @Id
  @Column(name = "account_id")
  private String accountId;

  @Column(name = "stars", nullable = false)
  private int stars;

  @Column(name = "rated_at", nullable = false)
  private Instant ratedAt;

  protected TemplateRating() {}

  public TemplateRating(String templateId, String accountId, int stars, Instant now) {
    this.templateId = templateId;
    this.accountId = accountId;
    rate(stars, now);
  }

  public void rate(int stars, Instant now) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars must be 1 to 5, not " + stars);
    }
    this.stars = stars;
    this.ratedAt = now;
  }

  public int stars() {
    return stars;
  }

  public Instant ratedAt() {
    return ratedAt;
  }

  /** The primary key of a {@link TemplateRating}. */
  public static class Ref implements Serializable {
    private String templateId;
    private String accountId;

    public Ref() {}

    public Ref(String templateId, String accountId) {
      this.templateId = templateId;
      this.accountId = accountId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ref other
          && Objects.equals(templateId, other.templateId)
          && Objects.equals(accountId, other.accountId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(templateId, accountId);
    }
  }
}
