package org.hearth.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A VM a tenant created from a template: it entitles the tenant to rate the template. */
@Entity
@Table(name = "template_deployment")
public class TemplateDeployment {

  @Id
  @Column(name = "vm_id")
  private String vmId;

  @Column(name = "template_id", nullable = false, updatable = false)
  private String templateId;

  @Column(name = "account_id", nullable = false, updatable = false)
  private String accountId;

  @Column(name = "deployed_at", nullable = false, updatable = false)
  private Instant deployedAt;

  protected TemplateDeployment() {}

  public TemplateDeployment(String vmId, String templateId, String accountId, Instant now) {
    this.vmId = vmId;
    this.templateId = templateId;
    this.accountId = accountId;
    this.deployedAt = now;
  }
}
