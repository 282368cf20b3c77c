package org.hearth.domain.template;

/** Only a template's author may change or delete it; Hearth's seed templates nobody may. */
public class NotTemplateAuthorException extends RuntimeException {

  public NotTemplateAuthorException(String slug) {
    super("only the author of template " + slug + " may change it");
  }
}
