package org.hearth.domain.template;

/** No template with this slug, or one the caller may not see. */
public class UnknownTemplateException extends RuntimeException {

  public UnknownTemplateException(String slug) {
    super("no template " + slug);
  }
}
