package org.vidcut.api.compat;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A service refusal with any status, for adapter tests whose services are test doubles. */
public class TestProblem extends ApiProblem {

    public TestProblem(HttpStatus status, String message) {
        super(status, message);
    }
}
