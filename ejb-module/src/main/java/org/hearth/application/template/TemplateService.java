package org.hearth.application.template;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hearth.application.vm.VmService;
import org.hearth.domain.template.NotTemplateAuthorException;
import org.hearth.domain.template.Rating;
import org.hearth.domain.template.RatingNotAllowedException;
import org.hearth.domain.template.Template;
import org.hearth.domain.template.TemplateChangedException;
import org.hearth.domain.template.TemplateDeployment;
import org.hearth.domain.template.TemplateQuery;
import org.hearth.domain.template.TemplateRating;
import org.hearth.domain.template.TemplateRepository;
import org.hearth.domain.template.TemplateSlugTakenException;
import org.hearth.domain.template.TemplateSpec;
import org.hearth.domain.template.UnknownTemplateException;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.domain.vm.VmState;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;

/**
 * The template catalogue: authors publish, change and delete templates; anyone searches the public
 * ones; tenants deploy them as VMs (created, placed and billed like any VM, on nodes that have the
 * template's host tools) and rate the ones they deployed.
 */
@Stateless
@ReportsConcurrentChanges
public class TemplateService {

  private static final System.Logger LOG = System.getLogger(TemplateService.class.getName());
  private static final int MINE_LIMIT = 500;

  @Inject TemplateRepository templates;
  @Inject VmService vms;
  @Inject Clock clock;

  public TemplateView create(String authorAccountId, TemplateSpec spec) {
    if (templates.findBySlug(spec.slug()).isPresent()) {
      throw new TemplateSlugTakenException(spec.slug());
    }
    Template template = new Template(authorAccountId, spec, clock.instant());
    templates.add(template);
    LOG.log(
        System.Logger.Level.INFO, "template {0}: created by {1}", template.slug(), authorAccountId);
    return new TemplateView(template, Rating.NONE);
  }

  /**
   * Adds one of Hearth's seed templates, or brings it up to date when its content changed (a new
   * version); a template an author published under the seed's slug stays as it is.
   *
   * @return whether anything changed
   */
  public boolean seed(TemplateSpec spec) {
    var existing = templates.findBySlug(spec.slug());
    if (existing.isEmpty()) {
      templates.add(new Template(null, spec, clock.instant()));
      return true;
    }
    Template template = existing.get();
    if (!template.isSeed()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "seed template {0}: the slug belongs to an author's template; not seeded",
          spec.slug());
      return false;
    }
    if (template.spec().equals(spec)) {
      return false;
    }
    template.apply(spec, clock.instant());
    return true;
  }

  /** The author replaces the template's content; its version grows by one. */
  public TemplateView update(String accountId, String slug, TemplateSpec spec) {
    Template template = authored(accountId, slug);
    template.apply(spec, clock.instant());
    return view(template);
  }

  /** The author deletes the template with its ratings; VMs deployed from it keep running. */
  public void delete(String accountId, String slug) {
    templates.remove(authored(accountId, slug));
    LOG.log(System.Logger.Level.INFO, "template {0}: deleted by its author", slug);
  }

  /** A template the caller may see ({@code accountId} null: anonymous). */
  public TemplateView get(String accountId, String slug) {
    return view(visible(accountId, slug));
  }

  public TemplatePage search(TemplateQuery query) {
    List<Template> found = templates.search(query);
    return new TemplatePage(views(found), query.page(), query.size(), templates.count(query));
  }

  public List<TemplateView> authoredBy(String accountId) {
    return views(templates.authoredBy(accountId, MINE_LIMIT));
  }

  /** Public templates per category. */
  public Map<String, Long> categories() {
    return templates.categories();
  }

  /**
   * Creates a VM from the template: {@code request} carries the VM's command and environment as
   * prepared from version {@code version} of the template; the template adds its required tools and
   * hides its secret parameters. The tenant pays like for any VM.
   *
   * @throws TemplateChangedException when the template is no longer at {@code version}
   * @throws org.hearth.application.billing.PaymentRequiredException when the balance cannot pay the
   *     first billing period (then nothing is created or counted)
   */
  public Vm deploy(String accountId, String slug, long version, VmRequest request) {
    Template template = visible(accountId, slug);
    if (template.version() != version) {
      throw new TemplateChangedException(slug, version, template.version());
    }
    Vm vm =
        vms.create(
            accountId,
            request.fromTemplate(
                template.slug(), template.requiredTools(), template.secretParameters()));
    if (vm.state() != VmState.FAILED) {
      templates.recordDeployment(
          new TemplateDeployment(vm.id(), template.id(), accountId, clock.instant()),
          template.id());
    }
    LOG.log(
        System.Logger.Level.INFO,
        "template {0}: deployed as vm {1} ({2})",
        slug,
        vm.id(),
        vm.state());
    return vm;
  }

  /**
   * A tenant who deployed the template gives it 1–5 stars, or changes the stars they gave.
   *
   * @throws RatingNotAllowedException for its author and for tenants who never deployed it
   */
  public Rating rate(String accountId, String slug, int stars) {
    Template template = visible(accountId, slug);
    if (template.isAuthoredBy(accountId)) {
      throw new RatingNotAllowedException("authors do not rate their own templates");
    }
    if (!templates.hasDeployed(template.id(), accountId)) {
      throw new RatingNotAllowedException(
          "only tenants who deployed template " + slug + " may rate it");
    }
    templates
        .findRating(template.id(), accountId)
        .ifPresentOrElse(
            rating -> rating.rate(stars, clock.instant()),
            () ->
                templates.addRating(
                    new TemplateRating(template.id(), accountId, stars, clock.instant())));
    return view(template).rating();
  }

  private Template visible(String accountId, String slug) {
    return templates
        .findBySlug(slug)
        .filter(t -> t.isVisibleTo(accountId))
        .orElseThrow(() -> new UnknownTemplateException(slug));
  }

  private Template authored(String accountId, String slug) {
    Template template = visible(accountId, slug);
    if (!template.isAuthoredBy(accountId)) {
      throw new NotTemplateAuthorException(slug);
    }
    return template;
  }

  private TemplateView view(Template template) {
    return views(List.of(template)).get(0);
  }

  private List<TemplateView> views(List<Template> found) {
    Map<String, Rating> ratings = templates.ratings(found.stream().map(Template::id).toList());
    found.forEach(Template::parameters); // loads them, to be shown after the transaction
    return found.stream()
        .map(t -> new TemplateView(t, ratings.getOrDefault(t.id(), Rating.NONE)))
        .toList();
  }
}
