package org.hearth.domain.template;

/** Who sees a template: everyone (listed, deployable by any tenant) or its author only. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
