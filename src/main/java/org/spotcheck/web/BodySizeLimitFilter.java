package org.spotcheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies of {@code /api} (64 KiB by default; a batch of flags, {@code POST
 * /api/flags}, 4 MiB): a declared length over the cap is refused before reading, a chunked
 * body is cut off while it is read.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final String BATCH_PATH = "/api/flags";

    private final long bodyLimit;
    private final long batchLimit;
    private final ObjectMapper json;

    BodySizeLimitFilter(@Value("${spotcheck.api.max-body-bytes:65536}") long maxBodyBytes,
                        @Value("${spotcheck.api.max-batch-body-bytes:4194304}") long maxBatchBodyBytes,
                        ObjectMapper json) {
        this.json = json;
        this.bodyLimit = maxBodyBytes;
        this.batchLimit = maxBatchBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded servlet path, so /%61pi/... cannot slip past
        return !request.getServletPath().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = BATCH_PATH.equals(request.getServletPath()) ? batchLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            Problems.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    new TooLarge(limit).getMessage());
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** The cut-off, when it is somewhere in the cause chain of {@code e}. */
    static TooLarge tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The body is larger than the allowed " + limit + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            // Size: the counting stream is a ServletInputStream of five methods, all of which must count
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
