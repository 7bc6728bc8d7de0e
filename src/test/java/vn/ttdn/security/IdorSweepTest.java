package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Issue 11 §4, IDOR: every {@code /api} operation that takes an id (read from the application's own
 * mappings, so that one added tomorrow is swept too), called with the ids of another body's plan,
 * Tờ trình file, round, report, report file, task, process instance, register entry and personal
 * token: 403 or 404 for an officer of another province, and for an officer of another body asked by
 * the same round where the id names a body's report or task; nothing written. The owners get 200 on
 * the same ids (the ids are real: the test can fail).
 */
@WebTest
@ExtendWith(EngineClock.class)
class IdorSweepTest {

    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String LABOUR_OFFICER = "cv.qng-sldtbxh";
    private static final String FOREIGN = "QNG-SNGV";
    private static final String FOREIGN_OFFICER = "cv.qng-sngv";
    private static final String OTHER_PROVINCE = "cv.stttt.ndh";
    /** Operations whose id names nothing of a body's: the working-day calendar, the same for everyone. */
    private static final java.util.Set<String> NOT_A_BODYS = java.util.Set.of("/api/holidays/{year}");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noIdOfAnotherBodyOpensAnythingAnywhereInTheApi() throws Exception {
        // given Quảng Ngãi's issued plan with an open round asking two bodies, a report file of one of
        // them, a draft plan with a Tờ trình file, and a token of the labour department's officer
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-IDOR", "qng");
        long draftId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-IDOR-DRAFT");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, FOREIGN))).path("id").asLong();
        String task = rounds.task(planId, "userTask_draftReport", LABOUR, LABOUR_OFFICER);
        Chain.Answer reportFile = upload("/api/rounds/" + roundId + "/reports/" + LABOUR + "/attachments", LABOUR_OFFICER);
        Chain.Answer planFile = upload("/api/plans/" + draftId + "/attachments", Chain.Cast.of("qng").drafter());
        Chain.Answer token = chain.post("/api/account/tokens", LABOUR_OFFICER, Map.of("name", "bảng tính"));
        assertThat(List.of(reportFile.status(), planFile.status(), token.status())).containsOnly(201);
        Long entry = db.jdbc().queryForObject("select min(id) from ttdn.register_entry where plan_id = ?", Long.class,
                planId);
        String register = db.jdbc().queryForObject("select body_code from ttdn.register_entry where id = ?",
                String.class, entry);

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("plan", String.valueOf(planId));
        ids.put("round", String.valueOf(roundId));
        ids.put("body", LABOUR);
        ids.put("reportFile", reportFile.body().path("id").asText());
        ids.put("planFile", planFile.body().path("id").asText());
        ids.put("task", task);
        ids.put("instance", rounds.instance(roundId).getId());
        ids.put("registerBody", register);
        ids.put("entry", String.valueOf(entry));
        ids.put("token", token.body().path("id").asText());

        // the owners reach what the ids name
        assertThat(chain.get("/api/tasks/" + task, LABOUR_OFFICER).status()).isEqualTo(200);
        assertThat(chain.get("/api/rounds/" + roundId + "/reports/" + LABOUR, LABOUR_OFFICER).status()).isEqualTo(200);
        assertThat(chain.get("/api/rounds/" + roundId + "/reports/" + LABOUR + "/attachments/" + ids.get("reportFile"),
                LABOUR_OFFICER).status()).isEqualTo(200);
        assertThat(chain.get("/api/plans/" + draftId + "/attachments/" + ids.get("planFile"),
                Chain.Cast.of("qng").drafter()).status()).isEqualTo(200);
        assertThat(chain.get("/api/instances/" + ids.get("instance"), "giamsat").status()).isEqualTo(200);
        assertThat(chain.get("/api/registers/" + register + "/2026", "vt.ubnd.qng").status()).isEqualTo(200);

        // when every operation with an id is called by the intruders
        List<Call> calls = calls(ids, draftId);
        Map<String, String> before = db.snapshot();
        List<String> answered = new ArrayList<>();
        for (Call call : calls) {
            for (String intruder : call.ofOneBody() ? List.of(OTHER_PROVINCE, FOREIGN_OFFICER) : List.of(OTHER_PROVINCE)) {
                answered.add(send(call, intruder) + " " + intruder + " " + call.method() + " " + call.path());
            }
        }

        // then each is refused or not found, and nothing was written
        assertThat(calls).as("operations with an id").hasSizeGreaterThan(60);
        assertThat(answered).allMatch(a -> a.startsWith("403 ") || a.startsWith("404 "), "403 or 404");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(chain.get("/api/account/tokens", LABOUR_OFFICER).body().findValuesAsText("id"))
                .contains(ids.get("token"));
    }

    record Call(String method, String path, boolean multipart, boolean ofOneBody) {
    }

    /** Each id-taking /api operation with the ids filled in (the plan ones with the issued and the draft plan). */
    private List<Call> calls(Map<String, String> ids, long draftId) {
        TreeSet<String> seen = new TreeSet<>();
        List<Call> calls = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || !pattern.contains("{") || NOT_A_BODYS.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    List<String> paths = new ArrayList<>(List.of(fill(pattern, ids)));
                    if (pattern.startsWith("/api/plans/{id}")) {
                        paths.add(fill(pattern, withPlan(ids, String.valueOf(draftId))));
                    }
                    for (String path : paths) {
                        if (seen.add(method + " " + path)) {
                            calls.add(new Call(method.name(), path, multipart,
                                    pattern.contains("{body}") || pattern.startsWith("/api/tasks/")));
                        }
                    }
                }
            }
        }
        return calls;
    }

    private static Map<String, String> withPlan(Map<String, String> ids, String plan) {
        Map<String, String> copy = new LinkedHashMap<>(ids);
        copy.put("plan", plan);
        return copy;
    }

    /** The pattern with the ids it names; an unknown variable fails the test, to be given its id here. */
    private static String fill(String pattern, Map<String, String> ids) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id" -> ids.get(pattern.startsWith("/api/plans/") ? "plan"
                        : pattern.startsWith("/api/rounds/") ? "round"
                        : pattern.startsWith("/api/tasks/") ? "task"
                        : pattern.startsWith("/api/instances/") ? "instance"
                        : pattern.startsWith("/api/account/tokens/") ? "token"
                        : pattern.startsWith("/api/incidents/") ? "instance"
                        : unknown(pattern, "id"));
                case "planId" -> ids.get("plan");
                case "body" -> ids.get("body");
                case "attachmentId" -> ids.get(pattern.startsWith("/api/rounds/") ? "reportFile" : "planFile");
                case "bodyCode" -> ids.get("registerBody");
                case "year" -> "2026";
                case "entryId" -> ids.get("entry");
                case "taskNumber" -> "2.2";
                case "groupNumber" -> "2";
                case "version" -> "1";
                case "amendmentId" -> "1";
                case "username" -> LABOUR_OFFICER;
                case "code" -> LABOUR;
                case "key" -> "agency-report";
                default -> unknown(pattern, m.group(1));
            };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String unknown(String pattern, String variable) {
        throw new AssertionError("No id for {" + variable + "} in " + pattern + ": give it one in IdorSweepTest");
    }

    private int send(Call call, String user) throws Exception {
        var request = call.multipart()
                ? MockMvcRequestBuilders.multipart(call.path()).file(new MockMultipartFile("file", "x.pdf",
                        "application/pdf", PDF))
                : MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method()), call.path());
        if (!call.multipart() && !call.method().equals("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"thử\",\"deadline\":\"2026-12-30\"}");
        }
        return chain.send(request, user).status();
    }

    private Chain.Answer upload(String path, String user) throws Exception {
        return chain.send(MockMvcRequestBuilders.multipart(path)
                .file(new MockMultipartFile("file", "to-trinh.pdf", "application/octet-stream", PDF)), user);
    }
}
