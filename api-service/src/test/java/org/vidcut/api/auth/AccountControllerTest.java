package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.testing.WithInMemoryMongo;

@WithInMemoryMongo
@WebMvcTest(controllers = AccountController.class, properties = "vidcut.auth.bcrypt-strength=4")
@AutoConfigureDataMongo
@EnableConfigurationProperties(AuthProperties.class)
@Import({AccountService.class, UserIndexes.class, PasswordHasher.class, TestAuth.class})
class AccountControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TokenService tokens;

    // the limits have their own black-box test (AbuseLimitsTest); here every request is admitted
    @MockitoBean
    UserLimits limits;

    @BeforeEach
    void emptyUsers() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), UserAccount.class);
    }

    private ResultActions register(String username, String email, String password) throws Exception {
        return mvc.perform(post("/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":%s,\"email\":%s,\"password\":%s}"
                        .formatted(json(username), json(email), json(password))));
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":%s,\"password\":%s}".formatted(json(username), json(password))));
    }

    @Test
    void createsAnonymousUserWithoutBody() throws Exception {
        var body = mvc.perform(post("/v1/users"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isNotEmpty())
                .andExpect(jsonPath("$.username").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String userId = tokens.verify(JsonPath.read(body, "$.token"));
        assertThat(mongo.findById(userId, UserAccount.class)).isNotNull();
    }

    @Test
    void createsSeveralAnonymousUsersDespiteUniqueIndexes() throws Exception {
        mvc.perform(post("/v1/users")).andExpect(status().isCreated());
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());
        mvc.perform(post("/v1/users")).andExpect(status().isCreated());
    }

    @Test
    void createsNamedAccountWithHashedPassword() throws Exception {
        var body = register("alice", "alice@example.com", "correct horse battery")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.username").value("alice"))
                .andExpect(jsonPath("$.token").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JsonPath.read(body, "$.id");
        assertThat(tokens.verify(JsonPath.read(body, "$.token"))).isEqualTo(id);
        var stored = mongo.findById(id, UserAccount.class);
        assertThat(stored.passwordHash()).startsWith("$2").doesNotContain("correct horse battery");
        assertThat(body).doesNotContain("password");
    }

    @Test
    void rejectsDuplicateUsernameWith409() throws Exception {
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());

        register("Alice", "other@example.com", "correct horse battery")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("username")));
    }

    @Test
    void answersATakenUsernameAndATakenEmailAlikeSoThatEmailsCannotBeProbed() throws Exception {
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());

        var takenUsername = register("alice", "fresh@example.com", "correct horse battery")
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var takenEmail = register("freshname", "alice@example.com", "correct horse battery")
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(takenEmail).isEqualTo(takenUsername);
    }

    @Test
    void tokenResponsesAreNeverCached() throws Exception {
        mvc.perform(post("/v1/users"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"));
        register("alice", "alice@example.com", "correct horse battery")
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"));
        login("alice", "correct horse battery")
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void rejectsDuplicateEmailWith409() throws Exception {
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());

        register("bob", "ALICE@example.com", "correct horse battery")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("email")));
    }

    @Test
    void rejectsTooShortUsername() throws Exception {
        register("al", "al@example.com", "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("username")));
    }

    @Test
    void rejectsTooLongUsername() throws Exception {
        register("a".repeat(33), "al@example.com", "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("username")));
    }

    @Test
    void rejectsUsernameWithForbiddenCharacters() throws Exception {
        register("al ice/../x", "al@example.com", "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("username")));
    }

    @Test
    void rejectsMissingUsername() throws Exception {
        register(null, "al@example.com", "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("username")));
    }

    @Test
    void rejectsInvalidEmail() throws Exception {
        register("alice", "not-an-email", "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("email")));
    }

    @Test
    void rejectsMissingEmail() throws Exception {
        register("alice", null, "correct horse battery")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("email")));
    }

    @Test
    void rejectsPasswordShorterThanTenCharacters() throws Exception {
        register("alice", "alice@example.com", "short")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("password")));
    }

    @Test
    void rejectsMissingPassword() throws Exception {
        register("alice", "alice@example.com", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("password")));
    }

    @Test
    void rejectsPasswordLongerThanBcryptAccepts() throws Exception {
        register("alice", "alice@example.com", "x".repeat(73))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("72 bytes")));
    }

    @Test
    void rejectsMalformedRegistrationJsonWith400() throws Exception {
        mvc.perform(post("/v1/users").contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void logsInWithCorrectPassword() throws Exception {
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());

        var body = login("alice", "correct horse battery")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isNotEmpty())
                .andExpect(jsonPath("$.expires_at").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Instant.parse(JsonPath.read(body, "$.expires_at"))).isAfter(Instant.now());
    }

    @Test
    void rejectsWrongPasswordWith401() throws Exception {
        register("alice", "alice@example.com", "correct horse battery").andExpect(status().isCreated());

        login("alice", "wrong horse battery")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("wrong username or password"));
    }

    @Test
    void rejectsUnknownUserWith401() throws Exception {
        login("nobody", "correct horse battery")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("wrong username or password"));
    }

    @Test
    void rejectsLoginWithoutPasswordWith422() throws Exception {
        login("alice", null).andExpect(status().isUnprocessableContent());
    }

    @Test
    void rejectsLoginWithoutUsernameWith422() throws Exception {
        login(null, "correct horse battery").andExpect(status().isUnprocessableContent());
    }
}
