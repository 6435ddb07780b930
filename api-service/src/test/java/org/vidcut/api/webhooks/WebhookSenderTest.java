package org.vidcut.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One delivery attempt against a local receiver: signed, refused on private addresses, never redirected. */
class WebhookSenderTest {

    private static final String SECRET = WebhookSignatures.newSecret();

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void postsTheBodySignedSoThatAnIndependentVerifierAcceptsIt() {
        var sender = sender(new TargetGuard(true, InetAddress::getAllByName));

        var attempt = sender.send(delivery(), webhook(receiver.url()));

        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.statusCode()).isEqualTo(204);
        var received = receiver.received().get(0);
        assertThat(received.id()).isEqualTo("evt_t1_1_done");
        assertThat(received.body()).isEqualTo("{\"type\":\"task.done\"}");
        assertThat(new StandardWebhooksVerifier(SECRET)
                        .verifies(
                                received.id(),
                                received.timestamp(),
                                received.signature(),
                                received.body(),
                                Instant.now()))
                .isTrue();
    }

    @Test
    void refusesAHostWhoseNameNowResolvesToLoopbackAndConnectsNowhere() {
        // public when the webhook was created, the attacker's DNS answers loopback when it is delivered
        var answers = new AtomicInteger();
        var guard =
                new TargetGuard(false, host -> new InetAddress[] {
                    InetAddress.getByName(answers.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1")
                });
        var url = "http://rebinding.example:" + receiver.port() + "/hook";
        guard.checkUrl(url);

        var attempt = sender(guard).send(delivery(), webhook(url));

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).contains("resolves to 127.0.0.1");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void refusesALoopbackLiteralAtDeliveryTime() {
        var attempt =
                sender(new TargetGuard(false, InetAddress::getAllByName)).send(delivery(), webhook(receiver.url()));

        assertThat(attempt.delivered()).isFalse();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void doesNotFollowRedirects() {
        var attempt =
                sender(new TargetGuard(true, InetAddress::getAllByName)).send(delivery(), webhook(receiver.movedUrl()));

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.statusCode()).isEqualTo(307);
        assertThat(receiver.received()).isEmpty();
    }

    private static WebhookSender sender(TargetGuard guard) {
        var properties = new WebhookProperties(
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofHours(24),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                2);
        return new WebhookSender(properties, guard, Clock.systemUTC());
    }

    private static WebhookDocument webhook(String url) {
        return new WebhookDocument("w1", "alice", url, List.of("task.done"), SECRET, Instant.now());
    }

    private static DeliveryDocument delivery() {
        var now = Instant.now();
        return new DeliveryDocument(
                "d1",
                "w1",
                "alice",
                "evt_t1_1_done",
                "task.done",
                "t1",
                "{\"type\":\"task.done\"}",
                DeliveryState.PENDING,
                0,
                null,
                now,
                null,
                now,
                now.plus(Duration.ofHours(24)));
    }
}
