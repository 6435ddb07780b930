package org.vidcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vidcut.api.testing.ApiIntegrationTest;

/**
 * The abuse findings of GitHub issue 10, black-box against the whole api: per-minute limits answered with 429,
 * {@code Retry-After} and problem+json; the quotas; tokens of users that do not exist; the {@code Host} header;
 * oversized JSON bodies. The clock stands still in the middle of a minute, so no window ends during a test.
 */
@ApiIntegrationTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        objectStore = ApiIntegrationTest.Endpoint.UNREACHABLE,
        properties = {
            "vidcut.auth.jwt-secret=" + HostileClientsTest.SECRET,
            "vidcut.storage.connect-timeout=1s",
            "vidcut.api.public-base-url=https://api.vidcut.example",
            "vidcut.limits.signups-per-minute=3",
            "vidcut.limits.failed-logins-per-minute=3",
            "vidcut.limits.failed-logins-per-address-per-minute=5",
            "vidcut.limits.tasks-per-minute=3",
            "vidcut.limits.active-tasks=2",
            "vidcut.limits.storage=1KB"
        })
class HostileClientsTest {

    // 64 bytes: long enough for an attacker holding it to sign HS512 as well
    static final String SECRET = "4e8a1c6f0b3d7e92a5c1f8d4b6e0a3c7f9d2b5e8a1c4f7d03b6e9a2c5f8d1b4e";

    private static final Instant NOW =
            Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);

    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private String anonymousUser(String address) throws Exception {
        var body = mvc.perform(from(post("/v1/users"), address))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private String userId(String token) throws Exception {
        var body = mvc.perform(get("/v1/users/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(from(post("/v1/auth/login"), address)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)));
    }

    private void register(String username, String address) throws Exception {
        mvc.perform(from(post("/v1/users"), address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"correct horse battery\"}"
                                        .formatted(username, username)))
                .andExpect(status().isCreated());
    }

    private static ResultActions isTooManyRequests(ResultActions result, String errorPart) throws Exception {
        return result.andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.error").value(containsString(errorPart)));
    }

    @Test
    void refusesAnonymousSignupsOverThePerAddressLimitWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            anonymousUser("198.51.100.1");
        }

        isTooManyRequests(mvc.perform(from(post("/v1/users"), "198.51.100.1")), "new users per minute")
                .andExpect(header().string("Retry-After", "30"));
        anonymousUser("198.51.100.2");
    }

    @Test
    void locksAUsernameForTheMinuteAfterTooManyFailedLogins() throws Exception {
        register("victim", "198.51.100.10");
        for (int i = 0; i < 3; i++) {
            login("victim", "wrong password " + i, "198.51.100.11" + i).andExpect(status().isUnauthorized());
        }

        // even the right password: a guesser must not learn that it was right
        isTooManyRequests(login("victim", "correct horse battery", "198.51.100.20"), "for one username")
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void refusesFailedLoginsOverThePerAddressLimit() throws Exception {
        register("bystander", "198.51.100.30");
        for (int i = 0; i < 5; i++) {
            login("guess" + i, "wrong password", "198.51.100.31").andExpect(status().isUnauthorized());
        }

        isTooManyRequests(login("bystander", "correct horse battery", "198.51.100.31"), "from one address")
                .andExpect(header().exists("Retry-After"));
        login("bystander", "correct horse battery", "198.51.100.32").andExpect(status().isOk());
    }

    @Test
    void refusesTaskCreationOverThePerUserRate() throws Exception {
        var token = anonymousUser("198.51.100.40");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/v1/tasks")
                            .header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"video_id\":\"000000000000000000000000\"}"))
                    .andExpect(status().isNotFound());
        }

        isTooManyRequests(
                        mvc.perform(post("/v1/tasks")
                                .header("Authorization", "Bearer " + token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"video_id\":\"000000000000000000000000\"}")),
                        "new tasks per minute")
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void refusesANewTaskOverTheActiveTasksQuotaNamingIt() throws Exception {
        var token = anonymousUser("198.51.100.50");
        var userId = userId(token);
        for (var state : new String[] {"NEW", "PROCESSING", "DONE", "FAILED"}) {
            mongo.insert(new Document("owner_id", userId).append("state", state), "tasks");
        }

        isTooManyRequests(
                        mvc.perform(post("/v1/tasks")
                                .header("Authorization", "Bearer " + token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"video_id\":\"000000000000000000000000\"}")),
                        "active-tasks")
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void refusesAnUploadOverTheStorageQuotaNamingIt() throws Exception {
        var token = anonymousUser("198.51.100.60");
        var userId = userId(token);
        mongo.insert(new Document("ownerId", userId).append("size", 1000L), "videos");

        isTooManyRequests(
                mvc.perform(multipart("/v1/videos")
                        .file(new MockMultipartFile("file", "a.mp4", "video/mp4", new byte[100]))
                        .header("Authorization", "Bearer " + token)),
                "storage");
    }

    @Test
    void describesTheCallerWithUsageAndLimits() throws Exception {
        var token = anonymousUser("198.51.100.70");
        var userId = userId(token);
        mongo.insert(new Document("ownerId", userId).append("size", 600L), "videos");
        mongo.insert(new Document("owner_id", userId).append("state", "SCHEDULED"), "tasks");
        mongo.insert(
                new Document("owner_id", userId)
                        .append("state", "DONE")
                        .append("result", new Document("sizeBytes", 200L)),
                "tasks");

        mvc.perform(get("/v1/users/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(userId))
                .andExpect(jsonPath("$.anonymous").value(true))
                .andExpect(jsonPath("$.created_at").value(NOW.toString()))
                .andExpect(jsonPath("$.usage.videos").value(1))
                .andExpect(jsonPath("$.usage.storage_bytes").value(800))
                .andExpect(jsonPath("$.usage.active_tasks").value(1))
                .andExpect(jsonPath("$.limits.storage_bytes").value(1024))
                .andExpect(jsonPath("$.limits.active_tasks").value(2))
                .andExpect(jsonPath("$.limits.tasks_per_minute").value(3));
    }

    @Test
    void refusesAValidlySignedTokenOfAUserThatDoesNotExist() throws Exception {
        var token = anonymousUser("198.51.100.80");
        var payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        String userId = JsonPath.read(payload, "$.sub");
        mongo.remove(
                new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(new org.bson.types.ObjectId(userId))),
                "users");

        mvc.perform(get("/v1/videos").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(containsString("does not exist")));
    }

    /** A token as the api issues them (same key, key id, issuer, audience), then changed by {@code change}. */
    private static String forged(String userId, UnaryOperator<JwtBuilder> change) throws Exception {
        var keyBytes = SECRET.getBytes(StandardCharsets.UTF_8);
        var kid = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(keyBytes))
                .substring(0, 16);
        var builder = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer("vidcut")
                .audience()
                .add("vidcut-api")
                .and()
                .subject(userId)
                .issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(keyBytes), Jwts.SIG.HS256);
        return change.apply(builder).compact();
    }

    @Test
    void refusesTokensSignedWithTheRealKeyButWithoutExpiryTooLongLivedHs512OrIssuedInTheFuture() throws Exception {
        var userId = userId(anonymousUser("198.51.100.85"));
        var genuine = forged(userId, UnaryOperator.identity());
        mvc.perform(get("/v1/users/me").header("Authorization", "Bearer " + genuine))
                .andExpect(status().isOk());

        var hostile = Map.<String, UnaryOperator<JwtBuilder>>of(
                "no exp", builder -> builder.expiration(null),
                "exp in 9999", builder -> builder.expiration(Date.from(Instant.parse("9999-12-31T00:00:00Z"))),
                "HS512",
                        builder -> builder.signWith(
                                Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512),
                "future iat",
                        builder -> builder.issuedAt(Date.from(NOW.plus(Duration.ofHours(2))))
                                .expiration(Date.from(NOW.plus(Duration.ofHours(3)))),
                "other issuer", builder -> builder.issuer("elsewhere"),
                "other audience", builder -> builder.audience().single("another-api"));
        for (var token : hostile.entrySet()) {
            mvc.perform(get("/v1/users/me").header("Authorization", "Bearer " + forged(userId, token.getValue())))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"));
        }
    }

    @Test
    void buildsLocationAndLinkOnTheConfiguredAddressNotOnTheHostHeader() throws Exception {
        var token = anonymousUser("198.51.100.90");

        mvc.perform(get("/v1/videos?page=0&size=5")
                        .header("Host", "evil.example")
                        .header("X-Forwarded-Host", "evil.example")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("<https://api.vidcut.example/v1/videos?page=0")))
                .andExpect(header().string("Link", not(containsString("evil.example"))));
    }

    @Test
    void refusesATenMegabyteJsonBodyWith413BeforeReadingIt() throws Exception {
        var token = anonymousUser("198.51.100.100");
        var padding = "x".repeat(10 * 1024 * 1024);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/tasks"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"video_id\":\"000000000000000000000000\",\"padding\":\"" + padding + "\"}"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(response.body(), "$.error")).contains("larger than the limit");
    }

    @Test
    void refusesAChunkedJsonBodyOverTheCapWith413() throws Exception {
        var token = anonymousUser("198.51.100.101");
        var body = "{\"video_id\":\"000000000000000000000000\",\"padding\":\"" + "x".repeat(200 * 1024) + "\"}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/tasks"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // a publisher of unknown length: sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat((String) JsonPath.read(response.body(), "$.error")).contains("larger than the limit");
    }
}
