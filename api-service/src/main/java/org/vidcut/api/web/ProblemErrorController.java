package org.vidcut.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatches (failures outside Spring MVC, e.g. in a servlet filter or while
 * Tomcat reads the request) with the same problem body as every other error, instead of Boot's default shape.
 * Hidden from the OpenAPI document: clients never call it, and the generated Postman collection should not offer it.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        var error = status.is5xxServerError() ? "internal error" : status.getReasonPhrase();
        return Problems.response(status, error);
    }

    private static HttpStatus statusOf(Object code) {
        if (code instanceof Integer value) {
            var status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
