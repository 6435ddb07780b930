package org.vidcut.api.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The 201 answer of a {@code POST} to a collection: the new member's URL is the request's plus its id. */
public final class Created {

    private Created() {}

    public static <T> ResponseEntity<T> at(String id, T body) {
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location).body(body);
    }
}
