package org.vidcut.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds list responses: a JSON array body with {@code X-Total-Count} and RFC 8288 {@code Link} headers. */
public final class PagedResponses {

    /** The largest page size any list endpoint serves. */
    public static final int MAX_PAGE_SIZE = 100;

    /**
     * The last page a list endpoint accepts: Spring Data passes the offset {@code page * size} to the Mongo driver
     * as an int, so a farther page would wrap around (a negative skip that MongoDB refuses, or another page).
     */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

    private PagedResponses() {}

    public static <T, R> ResponseEntity<List<R>> of(Page<T> page, Function<T, R> mapper) {
        var headers = new HttpHeaders();
        headers.add("X-Total-Count", Long.toString(page.getTotalElements()));
        var links = new ArrayList<String>();
        if (page.hasNext()) {
            links.add(link(page.getNumber() + 1, page.getSize(), "next"));
        }
        if (page.hasPrevious()) {
            links.add(link(page.getNumber() - 1, page.getSize(), "prev"));
        }
        links.add(link(0, page.getSize(), "first"));
        links.add(link(Math.max(page.getTotalPages() - 1, 0), page.getSize(), "last"));
        headers.add(HttpHeaders.LINK, String.join(", ", links));
        return ResponseEntity.ok()
                .headers(headers)
                .body(page.getContent().stream().map(mapper).toList());
    }

    private static String link(int page, int size, String rel) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
