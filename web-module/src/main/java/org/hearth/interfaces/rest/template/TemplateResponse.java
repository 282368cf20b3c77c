package org.hearth.interfaces.rest.template;

import java.time.Instant;
import java.util.List;
import org.hearth.application.template.TemplateView;
import org.hearth.domain.template.Template;

/** A template as the catalogue shows it. Secret parameters show no value. */
public class TemplateResponse {

  public String slug;
  public String name;
  public String category;
  public String description;
  public String runtime;
  public String command;
  public List<ParameterDto> parameters;
  public int vcpus;
  public long memoryMiB;
  public long diskGiB;
  public String tier;
  public boolean outboundNetwork;
  public List<String> requiredTools;
  public String visibility;

  /** The author's account id; null for Hearth's seed templates. */
  public String authorAccountId;

  public boolean seed;
  public long version;
  public long deployments;
  public RatingResponse rating;
  public Instant createdAt;
  public Instant updatedAt;

  static TemplateResponse of(TemplateView view) {
    Template t = view.template();
    TemplateResponse r = new TemplateResponse();
    r.slug = t.slug();
    r.name = t.name();
    r.category = t.category();
    r.description = t.description();
    r.runtime = t.runtime();
    r.command = t.command();
    r.parameters = t.parameters().stream().map(ParameterDto::of).toList();
    r.vcpus = t.vcpus();
    r.memoryMiB = t.memoryMib();
    r.diskGiB = t.diskGib();
    r.tier = t.tier().name();
    r.outboundNetwork = t.outboundNetwork();
    r.requiredTools = t.requiredTools();
    r.visibility = t.visibility().name();
    r.authorAccountId = t.authorAccountId();
    r.seed = t.isSeed();
    r.version = t.version();
    r.deployments = t.deployments();
    r.rating = RatingResponse.of(view.rating());
    r.createdAt = t.createdAt();
    r.updatedAt = t.updatedAt();
    return r;
  }
}
