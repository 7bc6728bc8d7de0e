package vn.ttdn.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.support.SeedPlans;

/**
 * A province made for the benches, as an administrator and the demo loader would make one, through
 * the directory's and the plans' own services: its People's Committee (the issuer, with a register),
 * its Sở Văn hóa, Thể thao và Du lịch (the consolidating body), {@code bodies} departments, each with
 * an officer and a leader (the consolidating body too); and a plan of {@code tasks} tasks over those
 * bodies (each body leads exactly one task, so each is asked once and reports on one row), imported
 * as issued, in the plan file format (docs/plan-format.md) and the directory's (docs/directory-format.md).
 *
 * <p>Codes: {@code <P>-UBND}, {@code <P>-SVHTTDL}, {@code <P>-S001}…; people {@code cv.<body code>}
 * and {@code ld.<body code>} in small letters.
 */
record BenchProvince(String code, long planId, CurrentUser receiver, CurrentUser consolidationLeader,
                     Map<String, CurrentUser> officers, Map<String, CurrentUser> leaders) {

    static final String IMPORTED_BY = "bench";

    /** The province's bodies, people and issued plan, in one transaction. */
    static BenchProvince make(DirectoryService directory, PlanService plans, TransactionTemplate transaction,
                              String passwordHash, String code, int bodies, int tasks) {
        long t0 = System.nanoTime();
        return transaction.execute(status -> {
            String ubnd = code + "-UBND";
            String consolidating = code + "-SVHTTDL";
            List<BodyView> made = new ArrayList<>();
            made.add(body(ubnd, "Ủy ban nhân dân tỉnh Thử nghiệm " + code, "Ủy ban nhân dân tỉnh",
                    BodyKind.PEOPLES_COMMITTEE, null, "UBND"));
            made.add(body(consolidating, "Sở Văn hóa, Thể thao và Du lịch tỉnh Thử nghiệm " + code,
                    "Sở Văn hóa, Thể thao và Du lịch", BodyKind.DEPARTMENT, ubnd, null));
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= bodies; i++) {
                String body = String.format("%s-S%03d", code, i);
                codes.add(body);
                made.add(body(body, "Sở Thử nghiệm số " + i + " tỉnh Thử nghiệm " + code, "Sở Thử nghiệm số " + i,
                        BodyKind.DEPARTMENT, ubnd, null));
            }
            directory.saveBodies(made);
            long t1 = System.nanoTime();
            Map<String, CurrentUser> officers = new LinkedHashMap<>();
            Map<String, CurrentUser> leaders = new LinkedHashMap<>();
            for (String body : codes) {
                officers.put(body, person(directory, passwordHash, "cv", body, Role.OFFICER));
                leaders.put(body, person(directory, passwordHash, "ld", body, Role.LEADER));
            }
            CurrentUser receiver = person(directory, passwordHash, "cv", consolidating, Role.OFFICER);
            CurrentUser leader = person(directory, passwordHash, "ld", consolidating, Role.LEADER);
            long t2 = System.nanoTime();
            PlanDetails plan = plans.importIssuedIfAbsent(planFile(code, ubnd, consolidating, codes, tasks),
                    IMPORTED_BY).orElseThrow(() -> new IllegalStateException("Plan of " + code + " is there already"));
            org.slf4j.LoggerFactory.getLogger(BenchProvince.class).info("Province {}: bodies {} ms, people {} ms, "
                    + "plan {} ms", code, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return new BenchProvince(code, plan.id(), receiver, leader, officers, leaders);
        });
    }

    /** The codes of the province's reporting bodies, in order. */
    List<String> bodies() {
        return List.copyOf(officers.keySet());
    }

    private static BodyView body(String code, String name, String shortName, BodyKind kind, String parent,
                                 String register) {
        return new BodyView(code, name, shortName, kind, BodyLevel.PROVINCE, parent, register, null, null, List.of(),
                List.of());
    }

    private static CurrentUser person(DirectoryService directory, String hash, String prefix, String body, Role role) {
        String username = prefix + "." + body.toLowerCase(java.util.Locale.ROOT);
        String fullName = (role == Role.OFFICER ? "Chuyên viên " : "Lãnh đạo ") + body;
        directory.savePerson(username, fullName, fullName, body, username + "@bench.ttdn.vn", hash, Set.of(role));
        return new CurrentUser(username, fullName, body, Set.of(role));
    }

    /** The plan file: {@code tasks} tasks in groups of five, the bodies shared out in order, each leading one task. */
    static byte[] planFile(String code, String issuer, String consolidating, List<String> bodies, int tasks) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("format", 1);
        plan.put("code", code + "-KH-BENCH");
        plan.put("documentType", "KH");
        plan.put("title", "Kế hoạch thử tải công tác thông tin đối ngoại của tỉnh Thử nghiệm " + code);
        plan.put("issuer", issuer);
        plan.put("consolidatingBody", consolidating);
        plan.put("source", Map.of("number", "1/KH-UBND", "date", LocalDate.of(2026, 1, 15).toString(),
                "signer", Map.of("name", "Nguyễn Văn Thử", "title", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")));
        plan.put("legalBases", List.of("Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ"));
        List<Map<String, Object>> groups = new ArrayList<>();
        int perTask = (int) Math.ceil((double) bodies.size() / tasks);
        for (int t = 0; t < tasks; t++) {
            int group = t / 5 + 1;
            if (groups.size() < group) {
                groups.add(new LinkedHashMap<>(Map.of("number", String.valueOf(group), "title",
                        "Nhóm nhiệm vụ " + group, "tasks", new ArrayList<Map<String, Object>>())));
            }
            List<String> lead = bodies.subList(Math.min(t * perTask, bodies.size()),
                    Math.min((t + 1) * perTask, bodies.size()));
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("number", group + "." + (t % 5 + 1));
            task.put("content", "Nhiệm vụ thử tải số " + (t + 1) + ": tổ chức các hoạt động thông tin đối ngoại");
            task.put("lead", List.copyOf(lead.isEmpty() ? List.of(bodies.get(0)) : lead));
            task.put("timeline", "yearly");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) groups.get(group - 1).get("tasks");
            list.add(task);
        }
        plan.put("groups", groups);
        plan.put("reporting", Map.of("receiver", consolidating, "consolidatedTo", List.of(issuer), "yearly", true,
                "adHoc", true, "text", "Định kỳ hằng năm hoặc đột xuất, các cơ quan báo cáo về Sở Văn hóa, Thể thao "
                        + "và Du lịch để tổng hợp."));
        try {
            return SeedPlans.YAML.writeValueAsBytes(plan);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
