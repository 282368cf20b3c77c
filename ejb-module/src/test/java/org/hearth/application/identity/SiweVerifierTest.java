package org.hearth.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Parsing and verification of EIP-4361 messages, with a known-answer signature made by ethers'
 * {@code Wallet.signMessage} for the well-known test key 0x4c08…2318.
 */
class SiweVerifierTest {

  private static final String ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
  private static final String MESSAGE =
      """
      localhost:8080 wants you to sign in with your Ethereum account:
      0x2c7536E3605D9C16a7a3D7b1898e529396a65c23

      Sign in to Hearth.

      URI: http://localhost:8080
      Version: 1
      Chain ID: 1
      Nonce: 0123456789abcdef0123456789abcdef
      Issued At: 2025-01-01T00:00:00.000Z
      Expiration Time: 2025-01-01T00:10:00.000Z"""
          .stripTrailing();
  private static final String SIGNATURE =
      "0x3fdbb59d1453b0e9a5e403bef43eaa551a89dbb4f3fb95e2462c07eace7ffb92"
          + "68080dce4d9b940a3719a7e0fd55257e1a7b844fc1b91917baef3ab72c4569cc1c";
  private static final Instant DURING = Instant.parse("2025-01-01T00:05:00Z");

  private final SiweVerifier verifier =
      new SiweVerifier("http://localhost:8080", 1, Duration.ofSeconds(60));

  @Test
  void aValidMessageYieldsItsSignerInLowercase() {
    SiweMessage parsed = SiweMessageParser.parse(MESSAGE);

    assertEquals("localhost:8080", parsed.domain());
    assertNull(parsed.scheme());
    assertEquals("Sign in to Hearth.", parsed.statement());
    assertEquals(1, parsed.chainId());
    assertEquals(Instant.parse("2025-01-01T00:10:00Z"), parsed.expirationTime());
    assertEquals(ADDRESS.toLowerCase(), verifier.verify(parsed, MESSAGE, SIGNATURE, DURING));
  }

  @Test
  void everyServerSideCheckNamesWhatFailed() {
    SiweMessage parsed = SiweMessageParser.parse(MESSAGE);
    assertFails("domain", new SiweVerifier("http://example.org", 1, Duration.ZERO), MESSAGE);
    assertFails("chain", new SiweVerifier("http://localhost:8080", 5, Duration.ZERO), MESSAGE);
    assertTrue(
        assertThrows(
                SignInException.class,
                () ->
                    verifier.verify(
                        parsed, MESSAGE, SIGNATURE, Instant.parse("2025-01-02T00:00:00Z")))
            .getMessage()
            .contains("expired"));
    assertTrue(
        assertThrows(
                SignInException.class,
                () ->
                    verifier.verify(
                        parsed, MESSAGE, SIGNATURE, Instant.parse("2024-12-31T23:00:00Z")))
            .getMessage()
            .contains("future"));
    String tampered = MESSAGE.replace("Sign in to Hearth.", "Sign in to Hearth!");
    assertTrue(
        assertThrows(
                SignInException.class,
                () ->
                    verifier.verify(SiweMessageParser.parse(tampered), tampered, SIGNATURE, DURING))
            .getMessage()
            .contains("not by"));
  }

  @Test
  void malformedMessagesAndSignaturesAreRefused() {
    assertMalformed(MESSAGE.replace("\n", "\r\n"));
    assertMalformed(MESSAGE.replace(ADDRESS, ADDRESS.toLowerCase()));
    assertMalformed(MESSAGE.replace("Version: 1", "Version: 2"));
    assertMalformed(MESSAGE.replace("Nonce: 0123456789abcdef0123456789abcdef", "Nonce: short"));
    assertMalformed(MESSAGE.replace("Issued At: 2025-01-01T00:00:00.000Z", "Issued At: yesterday"));
    assertMalformed(MESSAGE + "\nExtra: field");
    assertMalformed(MESSAGE.replace("\n\nURI", "\nURI"));
    assertMalformed("");
    SiweMessage parsed = SiweMessageParser.parse(MESSAGE);
    assertThrows(SignInException.class, () -> verifier.verify(parsed, MESSAGE, "0x12", DURING));
    String badV = SIGNATURE.substring(0, SIGNATURE.length() - 2) + "05";
    assertThrows(SignInException.class, () -> verifier.verify(parsed, MESSAGE, badV, DURING));
  }

  @Test
  void optionalFieldsAndAStatementlessMessageParse() {
    String full =
        MESSAGE.replace("Sign in to Hearth.\n", "")
            + "\nNot Before: 2025-01-01T00:00:00Z\nRequest ID: abc-1\nResources:\n"
            + "- https://example.org/a\n- ipfs://bafy";
    SiweMessage parsed = SiweMessageParser.parse("http://" + full);

    assertEquals("http", parsed.scheme());
    assertNull(parsed.statement());
    assertEquals("abc-1", parsed.requestId());
    assertEquals(2, parsed.resources().size());
  }

  private void assertFails(String expected, SiweVerifier other, String message) {
    SignInException e =
        assertThrows(
            SignInException.class,
            () -> other.verify(SiweMessageParser.parse(message), message, SIGNATURE, DURING));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static void assertMalformed(String message) {
    SignInException e = assertThrows(SignInException.class, () -> SiweMessageParser.parse(message));
    assertTrue(e.getMessage().startsWith("malformed"), e.getMessage());
  }
}
