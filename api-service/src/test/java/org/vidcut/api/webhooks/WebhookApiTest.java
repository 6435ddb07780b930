package org.vidcut.api.webhooks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.SignedUpUser;
import org.vidcut.api.testing.ApiIntegrationTest;

/**
 * The webhook endpoints in the whole api, with the production setting that refuses private targets. Public
 * targets are IP literals, so that no test depends on DNS.
 */
@ApiIntegrationTest
@DirtiesContext
class WebhookApiTest {

    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/vidcut";

    @Autowired
    MockMvc mvc;

    private static String alice;
    private static String bob;

    @BeforeEach
    void signUpAliceAndBobOnce() throws Exception {
        if (alice == null) {
            alice = SignedUpUser.signUp(mvc).bearer();
            bob = SignedUpUser.signUp(mvc).bearer();
        }
    }

    @Test
    void listShowsOnlyTheCallersWebhooksWithoutTheirSecrets() throws Exception {
        var id = create(alice, "{\"url\":\"" + PUBLIC_URL + "\"}");

        mvc.perform(get("/v1/webhooks").header(HttpHeaders.AUTHORIZATION, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].url").value(contains(PUBLIC_URL)))
                .andExpect(jsonPath("$[*].secret").doesNotExist());
        mvc.perform(get("/v1/webhooks").header(HttpHeaders.AUTHORIZATION, bob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").value(hasSize(0)));
    }

    @Test
    void createShowsSecretAndDefaults() throws Exception {
        mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + PUBLIC_URL + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(PUBLIC_URL))
                .andExpect(jsonPath("$.events").value(contains("task.done", "task.failed", "task.canceled")))
                .andExpect(jsonPath("$.secret").value(matchesPattern("whsec_[A-Za-z0-9+/]{43}=")))
                .andExpect(jsonPath("$.created_at").exists());
    }

    @Test
    void createKeepsTheChosenEvents() throws Exception {
        mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + PUBLIC_URL
                                + "\",\"events\":[\"task.scheduled\",\"task.processing\",\"task.scheduled\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.events").value(contains("task.scheduled", "task.processing")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"task.deleted\"]}",
                "{\"url\":\"" + PUBLIC_URL + "\",\"events\":[]}",
                "{\"url\":\"ftp://93.184.215.14/x\"}",
                "{\"events\":[\"task.done\"]}",
                "{\"url\":\"http://127.0.0.1:8080/hook\"}",
                "{\"url\":\"http://localhost:8080/hook\"}",
                "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}",
                "{\"url\":\"http://[fd00::1]/hook\"}"
            })
    void refusesUnknownEventsMissingUrlsAndPrivateTargetsWith422(String body) throws Exception {
        mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void refusedPrivateTargetSaysWhy() throws Exception {
        mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://10.0.0.8/hook\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("10.0.0.8")));
    }

    @Test
    void anotherUsersWebhookIsA404AndTheOwnersDeleteIs204() throws Exception {
        var id = create(alice, "{\"url\":\"" + PUBLIC_URL + "\"}");

        mvc.perform(delete("/v1/webhooks/{id}", id).header(HttpHeaders.AUTHORIZATION, bob))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/webhooks/{id}/deliveries", id).header(HttpHeaders.AUTHORIZATION, bob))
                .andExpect(status().isNotFound());
        mvc.perform(post("/v1/webhooks/{id}/deliveries/{d}/redeliver", id, "dlv_x")
                        .header(HttpHeaders.AUTHORIZATION, bob))
                .andExpect(status().isNotFound());
        mvc.perform(post("/v1/webhooks/{id}/deliveries/{d}/redeliver", id, "dlv_x")
                        .header(HttpHeaders.AUTHORIZATION, alice))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/webhooks/{id}/deliveries", id).header(HttpHeaders.AUTHORIZATION, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").value(hasSize(0)));

        mvc.perform(delete("/v1/webhooks/{id}", id).header(HttpHeaders.AUTHORIZATION, alice))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/v1/webhooks/{id}", id).header(HttpHeaders.AUTHORIZATION, alice))
                .andExpect(status().isNotFound());
    }

    @Test
    void requiresAuthentication() throws Exception {
        mvc.perform(get("/v1/webhooks")).andExpect(status().isUnauthorized());
    }

    private String create(String caller, String body) throws Exception {
        var answer = mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, caller)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.id");
    }
}
