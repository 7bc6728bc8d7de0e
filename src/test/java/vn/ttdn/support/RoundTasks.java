package vn.ttdn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds a round's task in a person's inbox over HTTP, waiting (as long as the browser waits) for the
 * job executor to have started it: the browser tests' way to the task a person would click.
 */
public final class RoundTasks {

    private RoundTasks() {
    }

    /** The id of the round's open task with this key for the body, as the user's {@code /api/tasks} lists it. */
    public static String await(WebClient api, ObjectMapper json, Browser browser, long roundId, String taskKey,
                               String body, String user) {
        String[] id = {null};
        browser.until(d -> {
            try {
                for (JsonNode t : json.readTree(api.getAs("/api/tasks?round=" + roundId, user, "demo").body())
                        .path("items")) {
                    if (t.path("roundId").asLong() == roundId && t.path("taskKey").asText().equals(taskKey)
                            && t.path("bodyCode").asText().equals(body)) {
                        id[0] = t.path("id").asText();
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return id[0];
    }
}
