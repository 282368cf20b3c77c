package org.hearth.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The integration tests deploy the WAR exactly as it was built, not a partial archive. */
final class Deployments {

  private Deployments() {}

  static WebArchive hearthWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("hearth.war")));
  }
}
