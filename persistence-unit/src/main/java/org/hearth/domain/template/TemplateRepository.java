package org.hearth.domain.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where templates, their deployments and ratings are kept. */
public interface TemplateRepository {

  Optional<Template> findBySlug(String slug);

  /** Adds a template; the slug's uniqueness is checked by the database at the latest. */
  void add(Template template);

  void remove(Template template);

  /** Public templates matching the query, most deployed first, then by name. */
  List<Template> search(TemplateQuery query);

  long count(TemplateQuery query);

  /** Public templates per category, categories sorted. */
  Map<String, Long> categories();

  /** Templates the account authored, newest first. */
  List<Template> authoredBy(String accountId, int limit);

  /** Seed templates (no author). */
  List<Template> seeds();

  /** Records a VM created from the template and counts it, in one increment. */
  void recordDeployment(TemplateDeployment deployment, String templateId);

  boolean hasDeployed(String templateId, String accountId);

  Optional<TemplateRating> findRating(String templateId, String accountId);

  void addRating(TemplateRating rating);

  /** The ratings of each of the templates (those without any are absent). */
  Map<String, Rating> ratings(Collection<String> templateIds);
}
