package org.spotcheck.web;

/**
 * Something the request names does not exist: answered {@code 404} problem+json with this
 * title. Capabilities extend it, so the web layer needs to know none of them.
 */
public abstract class NotFoundException extends RuntimeException {

    private final String title;

    protected NotFoundException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
