package org.hearth.domain.template;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.domain.persistence.StringListConverter;
import org.hearth.protocol.compute.Tier;

/**
 * A ready-made VM: a command with parameters, default resources and the host tools it needs,
 * published by its author (or, with no author, one of Hearth's seed templates). Its version starts
 * at 1 and grows with every change.
 */
@Entity
@Table(name = "template")
public class Template {

  @Id private String id;

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "category", nullable = false)
  private String category;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "runtime", nullable = false)
  private String runtime;

  @Column(name = "command", nullable = false)
  private String command;

  @ElementCollection
  @CollectionTable(name = "template_parameter", joinColumns = @JoinColumn(name = "template_id"))
  @OrderColumn(name = "position")
  private List<TemplateParameter> parameters = new ArrayList<>();

  @Column(name = "vcpus", nullable = false)
  private int vcpus;

  @Column(name = "memory_mib", nullable = false)
  private long memoryMib;

  @Column(name = "disk_gib", nullable = false)
  private long diskGib;

  @Enumerated(EnumType.STRING)
  @Column(name = "tier", nullable = false)
  private Tier tier;

  @Column(name = "outbound_network", nullable = false)
  private boolean outboundNetwork;

  @Convert(converter = StringListConverter.class)
  @Column(name = "required_tools", nullable = false)
  private List<String> requiredTools;

  @Enumerated(EnumType.STRING)
  @Column(name = "visibility", nullable = false)
  private Visibility visibility;

  @Column(name = "author_account_id", updatable = false)
  private String authorAccountId;

  /** Written by one SQL increment per deployment (never by this entity), read here. */
  @Column(name = "deployments", insertable = false, updatable = false)
  private long deployments;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Template() {}

  /**
   * A new template by {@code authorAccountId} (null: one of Hearth's seeds).
   *
   * @throws InvalidTemplateException when {@code spec} breaks a rule
   */
  public Template(String authorAccountId, TemplateSpec spec, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.slug = spec.slug();
    this.authorAccountId = authorAccountId;
    this.createdAt = now;
    apply(spec, now);
  }

  /** Replaces the content (the slug and author stay); the version grows by one. */
  public void apply(TemplateSpec spec, Instant now) {
    this.name = spec.name();
    this.category = spec.category();
    this.description = spec.description();
    this.runtime = spec.runtime();
    this.command = spec.command();
    this.parameters = new ArrayList<>(spec.parameters());
    this.vcpus = spec.vcpus();
    this.memoryMib = spec.memoryMib();
    this.diskGib = spec.diskGib();
    this.tier = spec.tier();
    this.outboundNetwork = spec.outboundNetwork();
    this.requiredTools = new ArrayList<>(spec.requiredTools());
    this.visibility = spec.visibility();
    this.updatedAt = now;
  }

  /** The content as its author wrote it. */
  public TemplateSpec spec() {
    return new TemplateSpec(
        slug,
        name,
        category,
        description,
        runtime,
        command,
        parameters(),
        vcpus,
        memoryMib,
        diskGib,
        tier,
        outboundNetwork,
        requiredTools(),
        visibility);
  }

  /**
   * The VM's environment for a deployment: each parameter's given value, else its default.
   *
   * @throws InvalidParametersException naming values for undeclared parameters and required ones
   *     left without a value
   */
  public Map<String, String> environment(Map<String, String> values) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    Map<String, String> env = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (TemplateParameter p : parameters) {
      unknown.remove(p.name());
      String value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
      if (value != null) {
        env.put(p.name(), value);
      } else if (p.required()) {
        missing.add(p.name());
      }
    }
    List<String> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add("template " + slug + " has no parameter(s) " + String.join(", ", unknown));
    }
    if (!missing.isEmpty()) {
      problems.add("required parameter(s) without a value: " + String.join(", ", missing));
    }
    if (!problems.isEmpty()) {
      throw new InvalidParametersException(String.join("; ", problems));
    }
    return env;
  }

  /** Names of the secret parameters. */
  public Set<String> secretParameters() {
    return parameters.stream()
        .filter(TemplateParameter::secret)
        .map(TemplateParameter::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isAuthoredBy(String accountId) {
    return authorAccountId != null && authorAccountId.equals(accountId);
  }

  /** Whether {@code accountId} (null: anonymous) may see and deploy it. */
  public boolean isVisibleTo(String accountId) {
    return visibility == Visibility.PUBLIC || isAuthoredBy(accountId);
  }

  /** One of Hearth's own seed templates (no author). */
  public boolean isSeed() {
    return authorAccountId == null;
  }

  public String id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String category() {
    return category;
  }

  public String description() {
    return description;
  }

  public String runtime() {
    return runtime;
  }

  public String command() {
    return command;
  }

  public List<TemplateParameter> parameters() {
    return List.copyOf(parameters);
  }

  public int vcpus() {
    return vcpus;
  }

  public long memoryMib() {
    return memoryMib;
  }

  public long diskGib() {
    return diskGib;
  }

  public Tier tier() {
    return tier;
  }

  public boolean outboundNetwork() {
    return outboundNetwork;
  }

  public List<String> requiredTools() {
    return List.copyOf(requiredTools);
  }

  public Visibility visibility() {
    return visibility;
  }

  public String authorAccountId() {
    return authorAccountId;
  }

  public long deployments() {
    return deployments;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
