package vn.ttdn.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the JSON body of every API request (uploads are bounded by {@code spring.servlet.multipart},
 * a plan's or the directory's file by its own limit): a body larger than {@code ttdn.api.max-body} (5 MB
 * unless set) is refused with 413 and a problem document,
 * before or while it is read, so that no request can make the server parse an unbounded document. A declared length above the
 * cap is refused before a byte is read; a body sent without one stops being read at the cap.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final ApiExceptionHandler problems;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    RequestBodyLimit(@Value("${ttdn.api.max-body:5MB}") org.springframework.util.unit.DataSize limit,
                     ApiExceptionHandler problems, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.limit = limit.toBytes();
        this.problems = problems;
        this.json = json;
    }

    /** What reading a body past the cap throws; {@link ApiExceptionHandler} answers it with 413. */
    static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** JSON bodies of the API only: the uploads and the files (a plan's, the directory's) bound their own reads. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            // the same problem document the API's handler gives when the cap is met while reading
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problems.tooLarge(limit));
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** The request with its body read through a stream that stops at the cap. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
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

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }
}
