package org.vidcut.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.MongoTimeoutException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.support.storage.StorageUnavailable;

@WebMvcTest(controllers = {ApiExceptionHandlerTest.ProbeController.class, ProblemErrorController.class})
@Import({ApiExceptionHandlerTest.ProbeController.class, TestAuth.class})
class ApiExceptionHandlerTest {

    record Named(@NotBlank String name, @Size(max = 3) String code) {}

    static class Teapot extends ApiProblem {
        Teapot() {
            super(HttpStatus.I_AM_A_TEAPOT, "short and stout");
        }
    }

    /** Test-only routes: hidden from the document, so the OpenAPI check leaves them alone. */
    @Hidden
    @RestController
    static class ProbeController {

        @GetMapping("/probe/problem")
        String problem() {
            throw new Teapot();
        }

        @PostMapping(path = "/probe/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        String json(@RequestBody @Valid Named body) {
            return body.name();
        }

        @GetMapping("/probe/number/{n}")
        int number(@PathVariable int n, @RequestParam(defaultValue = "1") int times) {
            return n * times;
        }

        @PostMapping("/probe/upload")
        long upload(@RequestPart("file") MultipartFile file) {
            return file.getSize();
        }

        @GetMapping("/probe/too-large")
        String tooLarge() {
            throw new MaxUploadSizeExceededException(1024);
        }

        @GetMapping("/probe/mongo-down")
        String mongoDown() {
            throw new DataAccessResourceFailureException("timed out", new MongoTimeoutException("no server"));
        }

        @GetMapping("/probe/mongo-timeout")
        String mongoTimeout() {
            throw new MongoTimeoutException("Timed out while waiting for a server");
        }

        @GetMapping("/probe/broker-down")
        String brokerDown() {
            throw new AmqpConnectException(new ConnectException("Connection refused"));
        }

        @GetMapping("/probe/storage-down")
        String storageDown() {
            throw new StorageUnavailable(new IOException("connection refused"));
        }

        @GetMapping("/probe/bug")
        String bug() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/v1/probe/me")
        String me(Caller caller) {
            return caller.userId();
        }
    }

    @Autowired
    MockMvc mvc;

    private static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.error").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void mapsApiProblemToItsStatusAndMessage() throws Exception {
        var result = mvc.perform(get("/probe/problem"));

        isProblem(result, 418);
        result.andExpect(jsonPath("$.error").value("short and stout"));
    }

    @Test
    void mapsBeanValidationErrorsTo422NamingTheFields() throws Exception {
        var result = mvc.perform(post("/probe/json")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"code\":\"toolong\"}"));

        isProblem(result, 422);
        result.andExpect(jsonPath("$.error").value(containsString("name")))
                .andExpect(jsonPath("$.error").value(containsString("code")));
    }

    @Test
    void mapsMalformedJsonTo400() throws Exception {
        isProblem(
                mvc.perform(post("/probe/json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":")),
                400);
    }

    @Test
    void mapsWrongContentTypeTo415() throws Exception {
        isProblem(
                mvc.perform(
                        post("/probe/json").contentType(MediaType.TEXT_PLAIN).content("name")),
                415);
    }

    @Test
    void mapsWrongMethodTo405WithAllowHeader() throws Exception {
        var result = mvc.perform(delete("/probe/problem"));

        isProblem(result, 405);
        result.andExpect(header().string("Allow", containsString("GET")));
    }

    @Test
    void mapsUnknownRouteTo404() throws Exception {
        isProblem(mvc.perform(get("/no/such/route")), 404);
    }

    @Test
    void mapsPathVariableTypeMismatchTo400() throws Exception {
        var result = mvc.perform(get("/probe/number/abc"));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.error").value(containsString("n")));
    }

    @Test
    void mapsQueryParameterTypeMismatchTo400() throws Exception {
        var result = mvc.perform(get("/probe/number/2").param("times", "many"));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.error").value(containsString("times")));
    }

    @Test
    void mapsMissingMultipartPartTo400() throws Exception {
        var other = new MockMultipartFile("other", "a.mp4", "video/mp4", new byte[] {1});

        var result = mvc.perform(multipart("/probe/upload").file(other));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.error").value(containsString("file")));
    }

    @Test
    void mapsNonMultipartUploadTo400() throws Exception {
        isProblem(
                mvc.perform(post("/probe/upload")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                400);
    }

    @Test
    void mapsUploadSizeExceededTo413() throws Exception {
        var result = mvc.perform(get("/probe/too-large"));

        isProblem(result, 413);
        result.andExpect(jsonPath("$.error").value(containsString("1024")));
    }

    @Test
    void mapsUnreachableDatabaseTo503() throws Exception {
        isProblem(mvc.perform(get("/probe/mongo-down")), 503);
    }

    @Test
    void mapsRawMongoTimeoutTo503() throws Exception {
        isProblem(mvc.perform(get("/probe/mongo-timeout")), 503);
    }

    @Test
    void mapsUnreachableBrokerTo503() throws Exception {
        var result = mvc.perform(get("/probe/broker-down"));

        isProblem(result, 503);
        result.andExpect(jsonPath("$.error").value(containsString("broker")));
    }

    @Test
    void mapsUnavailableStorageTo503() throws Exception {
        var result = mvc.perform(get("/probe/storage-down"));

        isProblem(result, 503);
        result.andExpect(jsonPath("$.error").value(containsString("storage")));
    }

    @Test
    void mapsUnexpectedFailureTo500WithoutInternals() throws Exception {
        var result = mvc.perform(get("/probe/bug"));

        isProblem(result, 500);
        result.andExpect(content().string(not(containsString("secret internal detail"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at org."))));
    }

    @Test
    void answersContainerErrorDispatchWithProblemBody() throws Exception {
        var result = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413));

        isProblem(result, 413);
    }

    @Test
    void hidesContainerServerErrorDetails() throws Exception {
        var result = mvc.perform(get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internal detail")));

        isProblem(result, 500);
        result.andExpect(jsonPath("$.error").value("internal error"))
                .andExpect(content().string(not(containsString("secret internal detail"))));
    }

    @Test
    void rejectsMissingTokenWith401AndChallenge() throws Exception {
        var result = mvc.perform(get("/v1/probe/me"));

        isProblem(result, 401);
        result.andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void rejectsMalformedAuthorizationHeaderWith401() throws Exception {
        var result = mvc.perform(get("/v1/probe/me").header("Authorization", "Basic dXNlcjpwYXNz"));

        isProblem(result, 401);
        result.andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void rejectsInvalidTokenWith401() throws Exception {
        var result = mvc.perform(get("/v1/probe/me").header("Authorization", "Bearer abc.def.ghi"));

        isProblem(result, 401);
        result.andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void rejectsUnknownV1RouteWithoutTokenAs401() throws Exception {
        isProblem(mvc.perform(get("/v1/nothing-here")), 401);
    }

    @Test
    void answersUnknownV1RouteWithTokenAs404() throws Exception {
        isProblem(mvc.perform(get("/v1/nothing-here").header("Authorization", TestAuth.bearer("u1"))), 404);
    }

    @Test
    void resolvesCallerFromEachAcceptedHeaderForm() throws Exception {
        var bearer = TestAuth.bearer("user-7");
        var token = bearer.substring("Bearer ".length());
        for (var header : new String[] {bearer, "Token " + token, "Token token=\"" + token + "\""}) {
            mvc.perform(get("/v1/probe/me").header("Authorization", header))
                    .andExpect(status().isOk())
                    .andExpect(content().string("user-7"));
        }
    }
}
