package org.hearth.domain.template;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hearth.protocol.compute.Tier;

/**
 * What an author writes: everything about a template but its identity, counters and version. The
 * format of field values is checked where the request arrives; this checks what spans fields.
 *
 * @param command a shell script ({@code /bin/sh -c}) that runs as the VM's pid 1; parameters are in
 *     its environment
 * @param requiredTools host programs the node must have (e.g. {@code python3}, {@code
 *     redis-server})
 */
public record TemplateSpec(
    String slug,
    String name,
    String category,
    String description,
    String runtime,
    String command,
    List<TemplateParameter> parameters,
    int vcpus,
    long memoryMib,
    long diskGib,
    Tier tier,
    boolean outboundNetwork,
    List<String> requiredTools,
    Visibility visibility) {

  /** Slugs that are paths of the API, never templates. */
  public static final Set<String> RESERVED_SLUGS = Set.of("mine", "categories");

  public TemplateSpec {
    parameters = List.copyOf(parameters);
    requiredTools = requiredTools.stream().distinct().sorted().toList();
    if (RESERVED_SLUGS.contains(slug)) {
      throw new InvalidTemplateException("slug", "'" + slug + "' is reserved");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      TemplateParameter p = parameters.get(i);
      if (!names.add(p.name())) {
        throw new InvalidTemplateException(
            "parameters[" + i + "].name", "'" + p.name() + "' is declared twice");
      }
      if (p.secret() && p.defaultValue() != null) {
        throw new InvalidTemplateException(
            "parameters[" + i + "].defaultValue", "a secret parameter cannot have a default");
      }
    }
  }
}
