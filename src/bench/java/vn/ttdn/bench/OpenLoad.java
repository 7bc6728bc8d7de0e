package vn.ttdn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.WebClient;

/**
 * A bounded open-loop load of its own, on loopback: iterations arrive at a fixed rate whatever the
 * answers' times (an arrival does not wait for the one before it), each given to the next user in
 * turn, who lists their inbox ({@code GET /api/tasks}), opens the first report draft of it not in
 * hand already (its form), takes it ({@code claim}) and completes it with a full report. At most
 * {@code maxOutstanding} iterations are under way at once: an arrival beyond that is not started and
 * is counted as dropped, so that an overloaded server shows as drops and late starts, not as a load
 * generator that quietly slows down. Every request's time is kept, by operation.
 */
final class OpenLoad {

    static final String DRAFT = "userTask_draftReport";
    static final List<String> OPERATIONS = List.of("inbox", "form", "claim", "complete");

    /** How a user signs each request: a header to add (null: none, the session's cookie does it). */
    interface Signer {
        void sign(HttpRequest.Builder request, boolean write);
    }

    /** One of the users: their client (its connections and cookies), how they sign, the tasks in hand. */
    record User(String username, WebClient client, Signer signer, Set<String> inHand) {

        User(String username, WebClient client, Signer signer) {
            this(username, client, signer, ConcurrentHashMap.newKeySet());
        }
    }

    /** What a load did: the times of each operation in nanoseconds (sorted), the counts, the errors. */
    record Result(String mode, double ratePerSecond, Duration duration, Map<String, long[]> times, int scheduled,
                  int completed, int dropped, int noTask, int errors, List<String> errorSamples, long[] startLags,
                  double wallSeconds) {

        double ms(String operation, double percentile) {
            long[] sorted = times.get(operation);
            if (sorted == null || sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs(String operation) {
            return Arrays.stream(times.getOrDefault(operation, new long[0])).average().orElse(Double.NaN) / 1e6;
        }

        int count(String operation) {
            return times.getOrDefault(operation, new long[0]).length;
        }

        double lagMs(double percentile) {
            if (startLags.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * startLags.length);
            return startLags[Math.max(0, Math.min(startLags.length - 1, rank - 1))] / 1e6;
        }

        double completionsPerSecond() {
            return completed / wallSeconds;
        }
    }

    private final ObjectMapper json;

    OpenLoad(ObjectMapper json) {
        this.json = json;
    }

    Result run(String mode, List<User> users, double ratePerSecond, Duration duration, int maxOutstanding)
            throws InterruptedException {
        Map<String, ConcurrentLinkedQueue<Long>> times = new LinkedHashMap<>();
        OPERATIONS.forEach(op -> times.put(op, new ConcurrentLinkedQueue<>()));
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        LongAdder completed = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder noTask = new LongAdder();
        AtomicInteger outstanding = new AtomicInteger();
        int arrivals = (int) Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        long period = (long) (1e9 / ratePerSecond);
        int dropped = 0;
        ExecutorService workers = Executors.newFixedThreadPool(maxOutstanding, r -> {
            Thread t = new Thread(r, "b4-" + mode);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        for (int k = 0; k < arrivals; k++) {
            long due = start + k * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (outstanding.incrementAndGet() > maxOutstanding) {
                outstanding.decrementAndGet();
                dropped++;
                continue;
            }
            User user = users.get(k % users.size());
            workers.execute(() -> {
                try {
                    lags.add(System.nanoTime() - due);
                    switch (iteration(user, times)) {
                        case DONE -> completed.increment();
                        case NO_TASK -> noTask.increment();
                    }
                } catch (Exception | AssertionError e) {
                    errors.increment();
                    if (samples.size() < 10) {
                        samples.add(user.username() + ": " + e.getMessage());
                    }
                } finally {
                    outstanding.decrementAndGet();
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
            workers.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, long[]> sorted = new LinkedHashMap<>();
        times.forEach((op, q) -> sorted.put(op, q.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new Result(mode, ratePerSecond, duration, sorted, arrivals, completed.intValue(), dropped,
                noTask.intValue(), errors.intValue(), List.copyOf(samples),
                lags.stream().mapToLong(Long::longValue).sorted().toArray(), wall);
    }

    private enum Outcome { DONE, NO_TASK }

    private Outcome iteration(User user, Map<String, ConcurrentLinkedQueue<Long>> times) throws Exception {
        JsonNode inbox = json.readTree(call(user, times, "inbox", "/api/tasks", null));
        JsonNode items = inbox.isArray() ? inbox : inbox.path("items");
        String taskId = null;
        for (JsonNode task : items) {
            String id = task.path("id").asText();
            if (DRAFT.equals(task.path("taskKey").asText()) && !task.hasNonNull("assignee") && user.inHand().add(id)) {
                taskId = id;
                break;
            }
        }
        if (taskId == null) {
            return Outcome.NO_TASK;
        }
        JsonNode form = json.readTree(call(user, times, "form", "/api/tasks/" + taskId + "/form", null));
        byte[] values = json.writeValueAsBytes(RoundDriver.report(form.path("data"), "Đã triển khai đúng kế hoạch"));
        call(user, times, "claim", "/api/tasks/" + taskId + "/claim", new byte[0]);
        call(user, times, "complete", "/api/tasks/" + taskId + "/complete", values);
        return Outcome.DONE;
    }

    /** One request, timed under its operation; anything but 200 is an error. {@code body} null: a GET. */
    private static String call(User user, Map<String, ConcurrentLinkedQueue<Long>> times, String operation, String path,
                               byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(user.client().uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        user.signer().sign(request, body != null);
        long started = System.nanoTime();
        HttpResponse<String> answer = user.client().send(request);
        times.get(operation).add(System.nanoTime() - started);
        if (answer.statusCode() != 200) {
            String text = answer.body();
            throw new AssertionError(operation + " " + path + " answered " + answer.statusCode() + ": "
                    + text.substring(0, Math.min(300, text.length())));
        }
        return answer.body();
    }
}
