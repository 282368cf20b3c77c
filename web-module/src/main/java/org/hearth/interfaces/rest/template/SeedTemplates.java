package org.hearth.interfaces.rest.template;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.application.template.TemplateService;
import org.hearth.domain.template.TemplateSpec;

/**
 * Loads Hearth's seed templates at startup from {@code templates/} on the class path: the index
 * {@code seeds} lists their slugs; {@code <slug>.json} is a {@code POST /api/templates} body
 * without its command, and {@code <slug>.sh} the command. They are checked exactly like an author's
 * template. A missing seed is added and a changed one gets a new version, each in a transaction of
 * its own, so several servers starting together at worst lose a harmless race.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeedTemplates {

  private static final System.Logger LOG = System.getLogger(SeedTemplates.class.getName());
  static final String DIRECTORY = "templates/";

  @Inject TemplateService templates;
  @Inject TemplateVms vms;
  @Inject Validator validator;

  @PostConstruct
  void seed() {
    int changed = 0;
    List<String> slugs;
    try {
      slugs = slugs();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.ERROR, "seed templates: cannot read the index", e);
      return;
    }
    for (String slug : slugs) {
      try {
        if (templates.seed(load(slug))) {
          changed++;
        }
      } catch (RuntimeException | IOException e) {
        LOG.log(System.Logger.Level.ERROR, "seed template " + slug + ": not loaded: " + e, e);
      }
    }
    LOG.log(
        System.Logger.Level.INFO,
        "seed templates: {0} known, {1} added or updated",
        slugs.size(),
        changed);
  }

  static List<String> slugs() throws IOException {
    List<String> slugs = new ArrayList<>();
    for (String line : read("seeds").split("\n")) {
      String slug = line.strip();
      if (!slug.isEmpty() && !slug.startsWith("#")) {
        slugs.add(slug);
      }
    }
    return slugs;
  }

  private TemplateSpec load(String slug) throws IOException {
    TemplateRequest request;
    try (Jsonb jsonb = JsonbBuilder.create()) {
      request = jsonb.fromJson(read(slug + ".json"), TemplateRequest.class);
    } catch (Exception e) {
      throw new IOException("cannot read " + slug + ".json: " + e.getMessage(), e);
    }
    request.command = read(slug + ".sh");
    Set<ConstraintViolation<TemplateRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          violations.stream()
              .map(v -> v.getPropertyPath() + ": " + v.getMessage())
              .collect(Collectors.joining("; ")));
    }
    if (!slug.equals(request.slug)) {
      throw new IllegalStateException("its slug is " + request.slug);
    }
    return vms.deployable(request);
  }

  private static String read(String name) throws IOException {
    try (InputStream in =
        SeedTemplates.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IOException("no " + DIRECTORY + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
