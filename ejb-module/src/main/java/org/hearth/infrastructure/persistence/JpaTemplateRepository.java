package org.hearth.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.domain.template.Rating;
import org.hearth.domain.template.Template;
import org.hearth.domain.template.TemplateDeployment;
import org.hearth.domain.template.TemplateQuery;
import org.hearth.domain.template.TemplateRating;
import org.hearth.domain.template.TemplateRepository;
import org.hearth.domain.template.Visibility;

/** {@link TemplateRepository} on JPA; runs in the calling EJB's transaction. */
@ApplicationScoped
public class JpaTemplateRepository implements TemplateRepository {

  /** Words of a text search that count; more would only slow the query down. */
  static final int MAX_WORDS = 8;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Override
  public Optional<Template> findBySlug(String slug) {
    return em.createQuery("SELECT t FROM Template t WHERE t.slug = :slug", Template.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Template template) {
    em.persist(template);
  }

  @Override
  public void remove(Template template) {
    em.remove(template);
  }

  @Override
  public List<Template> search(TemplateQuery query) {
    return where(query, "SELECT t", " ORDER BY t.deployments DESC, t.name, t.slug", Template.class)
        .setFirstResult(query.page() * query.size())
        .setMaxResults(query.size())
        .getResultList();
  }

  @Override
  public long count(TemplateQuery query) {
    return where(query, "SELECT COUNT(t)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(TemplateQuery query, String select, String order, Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(select).append(" FROM Template t WHERE t.visibility = :public");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("public", Visibility.PUBLIC);
    if (query.category() != null) {
      jpql.append(" AND t.category = :category");
      parameters.put("category", query.category());
    }
    List<String> words = words(query.text());
    for (int i = 0; i < words.size(); i++) {
      String p = ":w" + i;
      jpql.append(" AND (LOWER(t.name) LIKE ")
          .append(p)
          .append(" ESCAPE '\\' OR t.slug LIKE ")
          .append(p)
          .append(" ESCAPE '\\' OR t.category LIKE ")
          .append(p)
          .append(" ESCAPE '\\' OR LOWER(t.description) LIKE ")
          .append(p)
          .append(" ESCAPE '\\')");
      parameters.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
    }
    TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type);
    parameters.forEach(typed::setParameter);
    return typed;
  }

  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (words.size() < MAX_WORDS && !words.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  static String escapeLike(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public Map<String, Long> categories() {
    Map<String, Long> categories = new LinkedHashMap<>();
    em.createQuery(
            "SELECT t.category, COUNT(t) FROM Template t WHERE t.visibility = :public"
                + " GROUP BY t.category ORDER BY t.category",
            Object[].class)
        .setParameter("public", Visibility.PUBLIC)
        .getResultList()
        .forEach(row -> categories.put((String) row[0], ((Number) row[1]).longValue()));
    return categories;
  }

  @Override
  public List<Template> authoredBy(String accountId, int limit) {
    return em.createQuery(
            "SELECT t FROM Template t WHERE t.authorAccountId = :author"
                + " ORDER BY t.createdAt DESC, t.slug",
            Template.class)
        .setParameter("author", accountId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Template> seeds() {
    return em.createQuery(
            "SELECT t FROM Template t WHERE t.authorAccountId IS NULL ORDER BY t.slug",
            Template.class)
        .getResultList();
  }

  @Override
  public void recordDeployment(TemplateDeployment deployment, String templateId) {
    em.persist(deployment);
    // One statement, so concurrent deployments never lose a count and never conflict with an
    // author's edit (the entity never writes this column).
    em.createNativeQuery("UPDATE template SET deployments = deployments + 1 WHERE id = ?")
        .setParameter(1, templateId)
        .executeUpdate();
  }

  @Override
  public boolean hasDeployed(String templateId, String accountId) {
    return !em.createQuery(
            "SELECT d.vmId FROM TemplateDeployment d"
                + " WHERE d.templateId = :template AND d.accountId = :account",
            String.class)
        .setParameter("template", templateId)
        .setParameter("account", accountId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<TemplateRating> findRating(String templateId, String accountId) {
    return Optional.ofNullable(
        em.find(TemplateRating.class, new TemplateRating.Ref(templateId, accountId)));
  }

  @Override
  public void addRating(TemplateRating rating) {
    em.persist(rating);
  }

  @Override
  public Map<String, Rating> ratings(Collection<String> templateIds) {
    Map<String, Rating> ratings = new HashMap<>();
    if (templateIds.isEmpty()) {
      return ratings;
    }
    em.createQuery(
            "SELECT r.templateId, COUNT(r), AVG(r.stars) FROM TemplateRating r"
                + " WHERE r.templateId IN :ids GROUP BY r.templateId",
            Object[].class)
        .setParameter("ids", templateIds)
        .getResultList()
        .forEach(
            row ->
                ratings.put(
                    (String) row[0],
                    new Rating(((Number) row[1]).longValue(), ((Number) row[2]).doubleValue())));
    return ratings;
  }
}
