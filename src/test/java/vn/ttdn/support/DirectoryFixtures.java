package vn.ttdn.support;

import java.time.LocalDate;
import java.util.List;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.SuccessorRelation;

/** Bodies of the demo directory, as plain values for tests that need no database. */
public final class DirectoryFixtures {

    public static final BodyView BTTTT = body("BTTTT", "Bộ Thông tin và Truyền thông", "Bộ TT&TT",
            BodyKind.GOVERNMENT, BodyLevel.CENTRAL, "CP", null, LocalDate.of(2025, 2, 28),
            List.of(new BodyView.Successor("BVHTTDL", SuccessorRelation.FUNCTION_TRANSFERRED)), List.of());
    public static final BodyView BVHTTDL = body("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ VHTTDL",
            BodyKind.GOVERNMENT, BodyLevel.CENTRAL, "CP", null, null, List.of(), List.of());
    public static final BodyView QNG_UBND = body("QNG-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh",
            BodyKind.PEOPLES_COMMITTEE, BodyLevel.PROVINCE, null, "UBND", null, List.of(), List.of());
    public static final BodyView QNG_STTTT = body("QNG-STTTT", "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi",
            "Sở Thông tin và Truyền thông", BodyKind.DEPARTMENT, BodyLevel.PROVINCE, "QNG-UBND", "STTTT",
            LocalDate.of(2025, 2, 28),
            List.of(new BodyView.Successor("QNG-SVHTTDL", SuccessorRelation.FUNCTION_TRANSFERRED)), List.of());
    public static final BodyView QNG_SVHTTDL = body("QNG-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi",
            "Sở Văn hóa, Thể thao và Du lịch", BodyKind.DEPARTMENT, BodyLevel.PROVINCE, "QNG-UBND", null, null,
            List.of(), List.of());
    public static final BodyView QNG_SBN = body("QNG-SBN", "Các sở, ban, ngành tỉnh Quảng Ngãi", "Các sở, ban, ngành",
            BodyKind.COLLECTIVE, BodyLevel.PROVINCE, null, null, null, List.of(),
            List.of("QNG-STTTT", "QNG-SVHTTDL"));
    public static final BodyView QNG_UBND_HUYEN = body("QNG-UBND-HUYEN",
            "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Quảng Ngãi", "UBND cấp huyện", BodyKind.COLLECTIVE,
            BodyLevel.DISTRICT, null, null, LocalDate.of(2025, 6, 30), List.of(), List.of());
    public static final BodyView NTH_TU = body("NTH-TU", "Tỉnh ủy Ninh Thuận", "Tỉnh ủy", BodyKind.PARTY_COMMITTEE,
            BodyLevel.PROVINCE, null, "TU", null, List.of(), List.of());
    public static final BodyView PRTC_TU = body("PRTC-TU", "Thành ủy Phan Rang - Tháp Chàm", "Thành ủy",
            BodyKind.PARTY_COMMITTEE, BodyLevel.DISTRICT, "NTH-TU", "TU", LocalDate.of(2025, 6, 30),
            List.of(new BodyView.Successor("NTH-TU", SuccessorRelation.DISSOLVED_INTO)), List.of());
    public static final BodyView PRTC_BTG = body("PRTC-BTG", "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm",
            "Ban Tuyên giáo Thành ủy", BodyKind.PARTY_BOARD, BodyLevel.DISTRICT, "PRTC-TU", null,
            LocalDate.of(2025, 6, 30), List.of(), List.of());
    public static final BodyView PRTC_VPTU = body("PRTC-VPTU", "Văn phòng Thành ủy Phan Rang - Tháp Chàm",
            "Văn phòng Thành ủy", BodyKind.OFFICE, BodyLevel.DISTRICT, "PRTC-TU", null, LocalDate.of(2025, 6, 30),
            List.of(), List.of());
    public static final BodyView PRTC_UBND = body("PRTC-UBND", "Ủy ban nhân dân thành phố Phan Rang - Tháp Chàm",
            "Ủy ban nhân dân thành phố", BodyKind.PEOPLES_COMMITTEE, BodyLevel.DISTRICT, "NTH-UBND", null,
            LocalDate.of(2025, 6, 30), List.of(), List.of());

    public static final List<BodyView> ALL = List.of(BTTTT, BVHTTDL, QNG_UBND, QNG_STTTT, QNG_SVHTTDL, QNG_SBN,
            QNG_UBND_HUYEN, NTH_TU, PRTC_TU, PRTC_BTG, PRTC_VPTU, PRTC_UBND);

    private DirectoryFixtures() {
    }

    private static BodyView body(String code, String name, String shortName, BodyKind kind, BodyLevel level,
                                 String parent, String register, LocalDate validTo,
                                 List<BodyView.Successor> successors, List<String> members) {
        return new BodyView(code, name, shortName, kind, level, parent, register, null, validTo, successors, members);
    }
}
