package vn.ttdn.documents;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ttdn.plan.Letterhead;
import vn.ttdn.plan.PlanDocument.IssuerLine;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.reporting.AskKind;
import vn.ttdn.reporting.BodyState;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Group;
import vn.ttdn.reporting.Consolidation.Indicator;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Signer;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Task;
import vn.ttdn.reporting.Consolidation.Timeliness;
import vn.ttdn.reporting.RoundKind;
import vn.ttdn.reporting.RoundView;

/**
 * Consolidations written by hand as a Quảng Ngãi round of 2026 would give them: the state round of
 * the Sở VHTTDL with 24 bodies (one late, one missing, one requested and silent, one whose name
 * arrives decomposed), a Party round of Ninh Thuận's Ban Tuyên giáo, one body's own report, a draft.
 */
final class ReportFixtures {

    static final String SIGNER = "Nguyễn Thị Ứng";
    static final String PARTY_SIGNER = "Trần Văn Hưởng";
    static final String AGENCY_SIGNER = "Lê Thị Mỹ Hạnh";
    static final String CONSOLIDATING = "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi";
    /** Typed with combining marks: the documents must print it precomposed. */
    static final String DECOMPOSED = Normalizer.normalize("Sở Dân tộc và Tôn giáo tỉnh Quảng Ngãi", Normalizer.Form.NFD);
    static final String LATE = "Sở Y tế tỉnh Quảng Ngãi";
    static final String MISSING = "UBND xã Minh Long";
    static final String SILENT = "Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ngãi";
    static final String GLYPHS = "Ứng Hòa, Đắk Lắk, Quảng Ngãi, Khánh Hòa, Thừa Thiên Huế, ưởng, ỹ, ễ";
    static final String SUBJECT = "Kết quả thực hiện Kế hoạch số 116/KH-UBND ngày 03/6/2024 của UBND tỉnh Quảng Ngãi"
            + " về công tác thông tin đối ngoại năm 2026";

    private static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");

    private ReportFixtures() {
    }

    /** The consolidated state report, numbered 12/BC-SVHTTDL, dated 05/12/2026, signed. */
    static Consolidation state() {
        List<Body> bodies = bodies();
        return consolidation(stateHead(), "12/BC-SVHTTDL", LocalDate.of(2026, 12, 5),
                new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", SIGNER), CONSOLIDATING, narrative(), groups(bodies),
                bodies, indicators(bodies), List.of("Bộ Văn hóa, Thể thao và Du lịch (Cục Hợp tác quốc tế)",
                        "UBND tỉnh Quảng Ngãi", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Giám đốc, các Phó Giám đốc Sở"),
                "VT, TTĐN");
    }

    /** The same round as the Ban Tuyên giáo of a Party committee reports it (Guidance 36-HD/VPTW). */
    static Consolidation party() {
        Consolidation s = state();
        Letterhead head = new Letterhead(true, List.of(new IssuerLine("TỈNH ỦY NINH THUẬN", false),
                new IssuerLine("BAN TUYÊN GIÁO", true)), "Phan Rang - Tháp Chàm");
        return consolidation(head, "12-BC/BTGTU", s.dated(), new Signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", PARTY_SIGNER),
                "Ban Tuyên giáo Tỉnh ủy Ninh Thuận", s.narrative(), s.groups(), s.bodies(), s.indicators(),
                List.of("Ban Tuyên giáo Trung ương", "Thường trực Tỉnh ủy"), "Văn phòng Ban");
    }

    /** Not approved yet: no number, no day, no signer. */
    static Consolidation draft() {
        Consolidation s = state();
        return consolidation(s.letterhead(), null, null, null, s.consolidatingName(), s.narrative(), s.groups(),
                s.bodies(), s.indicators(), s.recipients(), s.archive());
    }

    /** The Sở Y tế's own report to the Sở VHTTDL: one body, its tasks, its summary and proposals. */
    static Consolidation agency() {
        Body health = bodies().stream().filter(b -> b.name().equals(LATE)).findFirst().orElseThrow();
        List<Group> groups = new ArrayList<>();
        for (Group group : groups(bodies())) {
            List<Task> tasks = new ArrayList<>();
            for (Task task : group.tasks()) {
                task.cells().stream().filter(c -> c.bodyCode().equals(health.code())).findFirst()
                        .ifPresent(c -> tasks.add(new Task(task.number(), task.content(), c.status(), List.of(c))));
            }
            if (!tasks.isEmpty()) {
                groups.add(new Group(group.number(), group.title(), tasks));
            }
        }
        Letterhead head = new Letterhead(false, List.of(new IssuerLine("UBND TỈNH QUẢNG NGÃI", false),
                new IssuerLine("SỞ Y TẾ", true)), "Quảng Ngãi");
        Narrative narrative = new Narrative("Năm 2026, Sở Y tế đã phối hợp đón tiếp 04 đoàn chuyên gia y tế quốc tế"
                + " và tổ chức khám bệnh nhân đạo cho người dân đặc khu Lý Sơn.\nCác tin, bài về hợp tác y tế được đăng"
                + " tải trên Cổng thông tin điện tử của Sở.", null, null, null,
                "Đề nghị Sở Văn hóa, Thể thao và Du lịch hỗ trợ biên dịch tài liệu giới thiệu sang tiếng Anh, tiếng Nhật.");
        Indicator visits = new Indicator("visits", "Số đoàn khách quốc tế được đón tiếp", "đoàn", BigDecimal.valueOf(4),
                BigDecimal.valueOf(3), Map.of(health.code(), BigDecimal.valueOf(4)));
        return consolidation(head, "05/BC-SYT", LocalDate.of(2026, 12, 3), new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                AGENCY_SIGNER), CONSOLIDATING, narrative, groups, List.of(health), List.of(visits),
                List.of(CONSOLIDATING), "VT, NVY");
    }

    /** The same report under another subject line. */
    static Consolidation withSubject(Consolidation c, String subject) {
        return new Consolidation(c.roundId(), c.plan(), c.year(), c.kind(), c.title(), subject, c.period(), c.deadline(),
                c.consolidatingCode(), c.consolidatingName(), c.letterhead(), c.state(), c.version(), c.number(),
                c.dated(), c.signer(), c.narrative(), c.groups(), c.bodies(), c.indicators(), c.taskCounts(),
                c.bodyCounts(), c.recipients(), c.archive(), c.assembledAt(), c.planDocument(), c.register());
    }

    static int taskCount(Consolidation c) {
        return c.groups().stream().mapToInt(g -> g.tasks().size()).sum();
    }

    private static Letterhead stateHead() {
        return new Letterhead(false, List.of(new IssuerLine("UBND TỈNH QUẢNG NGÃI", false),
                new IssuerLine("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", true)), "Quảng Ngãi");
    }

    private static Consolidation consolidation(Letterhead head, String number, LocalDate dated, Signer signer,
                                               String consolidating, Narrative narrative, List<Group> groups,
                                               List<Body> bodies, List<Indicator> indicators, List<String> recipients,
                                               String archive) {
        return new Consolidation(7L, new PlanLabel(3L, "116/KH-UBND", "Thông tin đối ngoại giai đoạn 2024-2030"), 2026,
                RoundKind.YEARLY, "Báo cáo kết quả thực hiện năm 2026 — Kế hoạch số 116/KH-UBND", SUBJECT,
                new RoundView.Period(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 12, 14)), LocalDate.of(2026, 12, 1),
                "SVHTTDL", consolidating, head, number == null ? Consolidation.State.DRAFT : Consolidation.State.APPROVED,
                2, number, dated, signer, narrative, groups, bodies, indicators, Map.of(), Map.of(), recipients, archive,
                Instant.parse("2026-12-04T02:00:00Z"),
                "Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi",
                head.party() ? "BTGTU" : "SVHTTDL");
    }

    private static Narrative narrative() {
        return new Narrative("""
                Công tác thông tin đối ngoại năm 2026 được các cơ quan, đơn vị triển khai đồng bộ, bám sát Kế hoạch.
                Hình ảnh Quảng Ngãi được giới thiệu tại các hội chợ, triển lãm ở Đắk Lắk, Khánh Hòa và Thừa Thiên Huế (cũ); \
                các ấn phẩm song ngữ Việt - Anh, Việt - Nhật, Việt - Hàn được phát hành rộng rãi tới các đối tác nước ngoài.
                Các cơ quan báo chí của tỉnh đăng tải 1.250 tin, bài về chủ quyền biển, đảo, về đặc khu Lý Sơn và Khu kinh tế \
                Dung Quất; tổ chức đón tiếp 46 đoàn khách quốc tế, trong đó có đoàn của Bộ trưởng Bộ Ngoại giao Nhật Bản.
                """, """
                Một số cơ quan, đơn vị gửi báo cáo chậm so với thời hạn; nội dung báo cáo của một số xã còn sơ sài, \
                chưa có số liệu cụ thể.
                Việc cung cấp thông tin cho phóng viên nước ngoài chưa kịp thời, chưa có người phát ngôn chuyên trách.
                """, """
                Cán bộ làm công tác thông tin đối ngoại ở cấp xã phần lớn kiêm nhiệm, chưa được bồi dưỡng nghiệp vụ.
                Kinh phí dành cho công tác thông tin đối ngoại còn hạn chế.
                """, """
                Tiếp tục triển khai Kế hoạch số 116/KH-UBND; đẩy mạnh thông tin đối ngoại trên nền tảng số.
                Tổ chức 02 lớp bồi dưỡng nghiệp vụ cho cán bộ cấp xã trong quý I năm 2027.
                """, """
                Đề nghị UBND tỉnh bố trí kinh phí cho việc xuất bản ấn phẩm giới thiệu Quảng Ngãi bằng tiếng Anh, tiếng Nhật.
                Đề nghị Bộ Văn hóa, Thể thao và Du lịch hỗ trợ tài liệu tuyên truyền về chủ quyền biển, đảo.
                """);
    }

    private static List<Body> bodies() {
        String[][] rows = {
                {"VPUB", "Văn phòng UBND tỉnh Quảng Ngãi", "VP UBND"},
                {"SNGV", "Sở Ngoại vụ tỉnh Quảng Ngãi", "Sở Ngoại vụ"},
                {"SNV", "Sở Nội vụ tỉnh Quảng Ngãi", "Sở Nội vụ"},
                {"STC", "Sở Tài chính tỉnh Quảng Ngãi", "Sở Tài chính"},
                {"SKHCN", "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", "Sở KH&CN"},
                {"SGDDT", "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", "Sở GD&ĐT"},
                {"SYT", LATE, "Sở Y tế"},
                {"SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi", "Sở NN&MT"},
                {"SCT", "Sở Công Thương tỉnh Quảng Ngãi", "Sở Công Thương"},
                {"SXD", "Sở Xây dựng tỉnh Quảng Ngãi", "Sở Xây dựng"},
                {"SDTTG", DECOMPOSED, "Sở DT&TG"},
                {"CAT", "Công an tỉnh Quảng Ngãi", "Công an tỉnh"},
                {"BCHQS", "Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi", "BCH Quân sự"},
                {"BDBP", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ngãi", "BĐBP tỉnh"},
                {"BPTTH", "Báo và Phát thanh, Truyền hình Quảng Ngãi", "Báo và PT-TH"},
                {"BQLKKT", "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", "BQL KKT"},
                {"CDKT", "Trường Cao đẳng Kỹ thuật Công nghiệp Dung Quất", "CĐ Kỹ thuật"},
                {"LYSON", "UBND đặc khu Lý Sơn", "Lý Sơn"},
                {"CAMTHANH", "UBND phường Cẩm Thành", "P. Cẩm Thành"},
                {"BATO", "UBND xã Ba Tơ", "X. Ba Tơ"},
                {"TRABONG", "UBND xã Trà Bồng", "X. Trà Bồng"},
                {"MINHLONG", MISSING, "X. Minh Long"},
                {"SAHUYNH", "UBND phường Sa Huỳnh", null},
                {"LHHN", SILENT, "LH Hữu nghị"}};
        List<Body> bodies = new ArrayList<>();
        for (String[] row : rows) {
            bodies.add(body(row[0], row[1], row[2]));
        }
        return bodies;
    }

    private static Body body(String code, String name, String shortName) {
        String replaces = code.equals("SKHCN") ? "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi" : null;
        AskKind kind = code.equals("LHHN") ? AskKind.REQUESTED : AskKind.ASSIGNED;
        if (name.equals(MISSING) || name.equals(SILENT)) {
            Timeliness timeliness = kind == AskKind.REQUESTED ? Timeliness.PENDING : Timeliness.MISSING;
            return new Body(code, name, shortName, replaces, kind, BodyState.MISSING, timeliness, 0, null, null, null,
                    List.of("3", "7"));
        }
        boolean late = name.equals(LATE);
        Instant submitted = DEADLINE.minusSeconds(late ? -2 * 86_400 : 3 * 86_400 + code.length() * 3_600L);
        return new Body(code, name, shortName, replaces, kind, BodyState.RECEIVED,
                late ? Timeliness.LATE : Timeliness.ON_TIME, late ? 1 : 0, submitted, submitted.plusSeconds(7_200),
                String.format("%02d/BC-%s", code.length() + 3, code), List.of());
    }

    private static List<Group> groups(List<Body> bodies) {
        String[][] groups = {
                {"I", "Thông tin, tuyên truyền về tỉnh Quảng Ngãi ra nước ngoài"},
                {"II", "Thông tin về tình hình thế giới, chủ trương đối ngoại cho Nhân dân trong tỉnh"},
                {"III", "Xây dựng lực lượng, bảo đảm điều kiện cho công tác thông tin đối ngoại"}};
        String[] tasks = {
                "Xây dựng, phát hành ấn phẩm song ngữ giới thiệu tiềm năng du lịch, đầu tư của tỉnh",
                "Tuyên truyền về chủ quyền biển, đảo; về đặc khu Lý Sơn trên báo chí và mạng xã hội",
                "Tổ chức đón tiếp, cung cấp thông tin cho phóng viên nước ngoài đến tỉnh",
                "Giới thiệu hình ảnh Quảng Ngãi tại các hội chợ, triển lãm trong nước và quốc tế",
                "Cập nhật thông tin đối ngoại trên Cổng thông tin điện tử tỉnh bằng tiếng Anh",
                "Thông tin cho Nhân dân về chủ trương, đường lối đối ngoại của Đảng, Nhà nước",
                "Tuyên truyền về hội nhập quốc tế, các hiệp định thương mại tự do",
                "Định hướng thông tin về người Việt Nam ở nước ngoài, công tác bảo hộ công dân",
                "Thông tin về các sự kiện quốc tế có liên quan đến tỉnh",
                "Phản bác thông tin sai lệch về tình hình tỉnh trên không gian mạng",
                "Bồi dưỡng nghiệp vụ thông tin đối ngoại cho cán bộ cấp xã",
                "Kiện toàn người phát ngôn, cung cấp thông tin cho báo chí",
                "Bố trí kinh phí thực hiện Kế hoạch hằng năm",
                "Ứng dụng công nghệ số trong thông tin đối ngoại",
                "Sơ kết, đánh giá kết quả thực hiện Kế hoạch"};
        List<Group> result = new ArrayList<>();
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            List<Task> list = new ArrayList<>();
            for (int t = 0; t < 5; t++, n++) {
                list.add(task(n, tasks[n], bodies));
            }
            result.add(new Group(groups[g][0], groups[g][1], list));
        }
        return result;
    }

    /** The task's lead body and a handful of cooperating ones; statuses cycle so every kind appears. */
    private static Task task(int n, String content, List<Body> bodies) {
        Status[] cycle = {Status.DONE_ON_TIME, Status.IN_PROGRESS, Status.DONE_LATE, Status.DONE_ON_TIME,
                Status.OVERDUE, Status.NOT_STARTED};
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            if ((i + n) % 3 != 0 && i != n % 7) {
                continue;
            }
            Body body = bodies.get(i);
            boolean silent = body.state() == BodyState.MISSING;
            Status status = silent ? Status.UNREPORTED : cycle[(i + n) % cycle.length];
            String role = i == n % 7 ? "lead" : "cooperate";
            cells.add(new Cell(body.code(), role, status, silent ? null : "Đã triển khai " + (i + 2) + " hoạt động",
                    silent || i % 2 == 0 ? null : "Thiếu kinh phí", silent || i % 4 != 1 ? null : "Bổ sung kinh phí",
                    body.timeliness() == Timeliness.LATE));
        }
        Status overall = cells.stream().filter(c -> c.role().equals("lead")).findFirst().map(Cell::status)
                .orElse(Status.UNREPORTED);
        return new Task(Integer.toString(n + 1), content, overall, cells);
    }

    private static List<Indicator> indicators(List<Body> bodies) {
        return List.of(indicator("news", "Số tin, bài thông tin đối ngoại", "tin, bài", 1250, 1104, bodies),
                indicator("visits", "Số đoàn khách quốc tế được đón tiếp", "đoàn", 46, 39, bodies),
                indicator("prints", "Số ấn phẩm thông tin đối ngoại phát hành", "ấn phẩm", 18, null, bodies),
                indicator("events", "Số hội nghị, hội thảo quốc tế", "hội nghị", 7, null, bodies));
    }

    private static Indicator indicator(String code, String label, String unit, int total, Integer lastYear,
                                       List<Body> bodies) {
        Map<String, BigDecimal> byBody = new LinkedHashMap<>();
        int rest = total;
        for (int i = 0; i < 5; i++) {
            int share = i == 4 ? rest : total / 6;
            byBody.put(bodies.get(i * 3).code(), BigDecimal.valueOf(share));
            rest -= share;
        }
        return new Indicator(code, label, unit, BigDecimal.valueOf(total),
                lastYear == null ? null : BigDecimal.valueOf(lastYear), byBody);
    }
}
