package org.vidcut.api.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user that signed up through a running api: its id and an {@code Authorization} header value.
 *
 * @param bearer the {@code Authorization} header value of its token
 */
public record SignedUpUser(String id, String bearer) {

    /** Signs up a user with a fresh name through {@code POST /v1/users}. */
    public static SignedUpUser signUp(MockMvc mvc) throws Exception {
        var name = "user" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var answer = mvc.perform(post("/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"a long enough password\"}"
                                        .formatted(name, name)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new SignedUpUser(JsonPath.read(answer, "$.id"), "Bearer " + JsonPath.read(answer, "$.token"));
    }
}
