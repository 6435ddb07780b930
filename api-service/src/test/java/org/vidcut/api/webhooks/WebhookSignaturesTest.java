package org.vidcut.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The api's signer and the test's independent verifier, both held to the specification's published vector. */
class WebhookSignaturesTest {

    // the Standard Webhooks reference libraries' signing test vector
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(WebhookSignatures.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(SIGNATURE);
    }

    @Test
    void independentVerifierAcceptsTheTestVectorAndRefusesAnyChange() {
        var verifier = new StandardWebhooksVerifier(SECRET);
        var then = Instant.ofEpochSecond(TIMESTAMP);
        var ts = Long.toString(TIMESTAMP);

        assertThat(verifier.verifies(MSG_ID, ts, SIGNATURE, PAYLOAD, then)).isTrue();
        assertThat(verifier.verifies(MSG_ID, ts, "v1,bad v2,x " + SIGNATURE, PAYLOAD, then))
                .isTrue();
        assertThat(verifier.verifies(MSG_ID, ts, SIGNATURE, PAYLOAD + " ", then))
                .isFalse();
        assertThat(verifier.verifies("msg_other", ts, SIGNATURE, PAYLOAD, then)).isFalse();
        assertThat(verifier.verifies(MSG_ID, ts, SIGNATURE.replace("v1,", "v2,"), PAYLOAD, then))
                .isFalse();
        assertThat(verifier.verifies(MSG_ID, ts, SIGNATURE, PAYLOAD, then.plusSeconds(301)))
                .isFalse();
    }

    @Test
    void newSecretsAreWhsecPlus32RandomBytes() {
        var first = WebhookSignatures.newSecret();
        var second = WebhookSignatures.newSecret();

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length())))
                .hasSize(32);
    }
}
