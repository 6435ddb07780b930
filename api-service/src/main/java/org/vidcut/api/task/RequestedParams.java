package org.vidcut.api.task;

/** What the client asked for, as given (after parsing); null means "not given". */
record RequestedParams(
        Double startSeconds, Double endSeconds, Integer width, Integer height, String format, String accuracy) {}
