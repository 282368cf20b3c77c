package org.hearth.application.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.ReviewStats;
import org.hearth.domain.reputation.TeeType;
import org.junit.jupiter.api.Test;

class ReputationModelTest {

  private static final ReputationModel MODEL = new ReputationModel(ReputationWeights.DEFAULT);

  private static ReputationInputs inputs(
      ReviewStats reviews, double prior, long periods, long cut) {
    return new ReputationInputs(99.0, 20, 18, 45, reviews, prior, periods, cut, null, null);
  }

  private static Reputation.Component component(Reputation r, String name) {
    return r.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aNewNodeIsJudgedByItsHistoryAlone() {
    Reputation r =
        MODEL.of(new ReputationInputs(100, 0, 0, 0, ReviewStats.NONE, 0, 0, 0, null, null));
    Reputation.Component history = component(r, "history");
    // 0.6 × 1 + 0.3 × (0 + 1) ÷ (0 + 2) + 0.1 × 0
    assertEquals(0.75, history.value(), 1e-9);
    assertEquals(1.0, history.share(), 1e-9);
    assertEquals(0.75, r.score(), 1e-9);
    for (String absent : new String[] {"reviews", "payment", "attestation", "social"}) {
      assertNull(component(r, absent).value(), absent);
      assertEquals(0, component(r, absent).share(), absent);
      assertFalse(component(r, absent).note().isBlank(), absent);
    }
  }

  @Test
  void oneFiveStarReviewDoesNotBeatTwoHundredOfFourPointEight() {
    double prior = 4.0;
    Reputation lucky = MODEL.of(inputs(new ReviewStats(1, 5), prior, 0, 0));
    Reputation proven = MODEL.of(inputs(new ReviewStats(200, 960), prior, 0, 0));
    double luckyReviews = component(lucky, "reviews").value();
    double provenReviews = component(proven, "reviews").value();
    // (10 × 4 + 5) ÷ 11 = 4.09 → 0.773; (10 × 4 + 960) ÷ 210 = 4.76 → 0.940
    assertEquals((45.0 / 11 - 1) / 4, luckyReviews, 1e-9);
    assertEquals((1000.0 / 210 - 1) / 4, provenReviews, 1e-9);
    assertTrue(provenReviews > luckyReviews);
    assertTrue(proven.score() > lucky.score());
  }

  @Test
  void presentComponentsShareTheScoreByTheirWeights() {
    Reputation r = MODEL.of(inputs(new ReviewStats(4, 18), 4.2, 100, 10));
    double shares = r.components().stream().mapToDouble(Reputation.Component::share).sum();
    assertEquals(1.0, shares, 1e-9);
    // payment 0.20, history 0.10, reviews 0.10 → halves and quarters
    assertEquals(0.5, component(r, "payment").share(), 1e-9);
    assertEquals(0.25, component(r, "history").share(), 1e-9);
    assertEquals(0.25, component(r, "reviews").share(), 1e-9);
    double expected = 0;
    for (Reputation.Component c : r.components()) {
      expected += c.present() ? c.share() * c.value() : 0;
    }
    assertEquals(expected, r.score(), 1e-12);
    assertEquals(100L, component(r, "payment").inputs().get("periodsSettled"));
  }

  @Test
  void outagesDuringPaidPeriodsLowerThePaymentComponent() {
    double clean = component(MODEL.of(inputs(ReviewStats.NONE, 0, 50, 0)), "payment").value();
    double cut = component(MODEL.of(inputs(ReviewStats.NONE, 0, 50, 25)), "payment").value();
    assertEquals(51.0 / 52, clean, 1e-9);
    assertEquals(26.0 / 52, cut, 1e-9);
  }

  @Test
  void weightsMustBeNonNegativeAndThePriorPositive() {
    assertThrows(IllegalArgumentException.class, () -> new ReputationWeights(-1, 0, 0, 1, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new ReputationWeights(0, 0, 0, 1, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new ReputationWeights(Double.NaN, 0, 0, 1, 0, 10));
  }

  private static AttestationSummary attestation(TeeType tee, boolean byNode, int quoteBytes) {
    return new AttestationSummary(
        "e".repeat(64),
        "n".repeat(64),
        "a".repeat(64),
        byNode,
        tee,
        "measured",
        quoteBytes == 0 ? null : "q".repeat(64),
        quoteBytes,
        Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2026-12-31T00:00:00Z"));
  }

  private static Reputation attested(AttestationSummary attestation) {
    return MODEL.of(
        new ReputationInputs(100, 0, 0, 0, ReviewStats.NONE, 0, 0, 0, null, attestation));
  }

  @Test
  void anAttestationCountsByWhatItClaimsAndWhoVouches() {
    assertEquals(
        1.0, component(attested(attestation(TeeType.TDX, false, 0)), "attestation").value());
    assertEquals(
        0.8, component(attested(attestation(TeeType.SEV_SNP, true, 4000)), "attestation").value());
    assertEquals(
        0.6, component(attested(attestation(TeeType.NITRO, true, 0)), "attestation").value());
    assertEquals(
        0.3, component(attested(attestation(TeeType.NONE, false, 0)), "attestation").value());
    assertEquals(
        0.3, component(attested(attestation(TeeType.NONE, true, 100)), "attestation").value());
  }

  @Test
  void anAttestedNodeSharesItsScoreWithTheAttestationAndExplainsIt() {
    Reputation r = attested(attestation(TeeType.SEV_SNP, true, 4000));
    Reputation.Component a = component(r, "attestation");
    // history 0.10 and attestation 0.30 are present: shares 1/4 and 3/4
    assertEquals(0.75, a.share(), 1e-9);
    assertEquals(0.25 * 0.75 + 0.75 * 0.8, r.score(), 1e-9);
    assertEquals("sev-snp", a.inputs().get("tee"));
    assertEquals("node", a.inputs().get("vouchedBy"));
    assertEquals(4000, a.inputs().get("quoteBytes"));
    assertEquals("2026-12-31T00:00:00Z", a.inputs().get("expiresAt"));
    assertTrue(a.note().contains("not verified"), a.note());
    assertEquals(
        "attester",
        component(attested(attestation(TeeType.TDX, false, 0)), "attestation")
            .inputs()
            .get("vouchedBy"));
  }
}
