package org.hearth.domain.template;

/** Another template has this slug. */
public class TemplateSlugTakenException extends RuntimeException {

  public TemplateSlugTakenException(String slug) {
    super("the slug " + slug + " is taken: choose another");
  }
}
