package org.hearth.application.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

  private static RelaySettings settings(boolean allWrites, String kinds) {
    RelaySettings settings = new RelaySettings();
    settings.authRequiredForWrites = allWrites;
    settings.authRequiredKinds = Optional.ofNullable(kinds);
    settings.start();
    return settings;
  }

  @Test
  void parsesTheKindsThatNeedAuth() {
    assertEquals(Set.of(4, 31900), RelaySettings.parseKinds(" 4, 31900 ,"));
    assertEquals(Set.of(), RelaySettings.parseKinds(""));
    assertThrows(IllegalArgumentException.class, () -> RelaySettings.parseKinds("4,dm"));
    assertThrows(IllegalArgumentException.class, () -> RelaySettings.parseKinds("65536"));
    assertThrows(IllegalArgumentException.class, () -> RelaySettings.parseKinds("-1"));
  }

  @Test
  void authIsRequiredForTheListedKindsOrForEveryWrite() {
    RelaySettings open = settings(false, null);
    assertFalse(open.authRequiredFor(1));
    assertFalse(open.writesRestricted());

    RelaySettings someKinds = settings(false, "4");
    assertTrue(someKinds.authRequiredFor(4));
    assertFalse(someKinds.authRequiredFor(1));
    assertTrue(someKinds.writesRestricted());

    RelaySettings everything = settings(true, null);
    assertTrue(everything.authRequiredFor(1));
    assertTrue(everything.writesRestricted());
  }
}
