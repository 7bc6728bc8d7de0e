package vn.ttdn.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import vn.ttdn.support.WebClient;

/**
 * Times one request over HTTP on loopback, as a signed-in person's browser sends it (the session
 * cookie of one form login: no password check per request), one after another, after a warm-up.
 */
final class Latency {

    /** The times of {@code count} answers of one request, in nanoseconds, sorted; their mean size. */
    record Figure(String name, String path, String user, int count, long[] sorted, long bytes) {

        /** The nearest-rank percentile, in milliseconds. */
        double ms(double percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(sorted).average().orElse(0) / 1e6;
        }

        /** Requests per second that one client sending them back to back gets. */
        double perSecond() {
            return 1000.0 / meanMs();
        }
    }

    private Latency() {
    }

    static Figure measure(String name, WebClient client, String user, String path, int warmUp, int count)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            get(client, path);
        }
        long[] times = new long[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = get(client, path);
            times[i] = System.nanoTime() - start;
            bytes += answer.body().length();
        }
        Arrays.sort(times);
        return new Figure(name, path, user, count, times, bytes / count);
    }

    static HttpResponse<String> get(WebClient client, String path) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Accept", "application/json").GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
