package vn.ttdn.documents;

import vn.ttdn.reporting.AskKind;
import vn.ttdn.reporting.BodyState;
import vn.ttdn.reporting.Consolidation.Status;

/**
 * The fixed words of the documents: the legal text of a report's layout (national heading, type,
 * "Nơi nhận:"), its section headings and the column heads of its tables. They are the document's
 * own words, the same whatever the language of the pages, so they are constants, not bundle keys.
 */
final class Words {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";
    static final String TYPE = "BÁO CÁO";
    static final String DRAFT = "DỰ THẢO";
    static final String RECIPIENTS = "Nơi nhận:";
    static final String ARCHIVE = "Lưu: ";
    static final String APPENDIX = "PHỤ LỤC";
    static final String ACHIEVEMENTS = "KẾT QUẢ ĐẠT ĐƯỢC";
    static final String SHORTCOMINGS = "TỒN TẠI, HẠN CHẾ";
    static final String CAUSES = "NGUYÊN NHÂN";
    static final String SHORTCOMINGS_AND_CAUSES = "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN";
    static final String DIRECTIONS = "PHƯƠNG HƯỚNG, NHIỆM VỤ";
    static final String RECOMMENDATIONS = "KIẾN NGHỊ, ĐỀ XUẤT";
    static final String NUMBER = "STT";
    static final String TASK = "Nội dung nhiệm vụ";
    static final String BODY = "Cơ quan, đơn vị";

    private Words() {
    }

    /**
     * The one-letter mark of a status in the appendix matrix, explained in the note under it: with
     * one column per body, words do not fit, and a legend is how statistical appendices say it.
     */
    static String mark(Status status) {
        return switch (status) {
            case DONE_ON_TIME -> "Đ";
            case DONE_LATE -> "Q";
            case IN_PROGRESS -> "T";
            case OVERDUE -> "X";
            case NOT_STARTED -> "C";
            case UNREPORTED -> "-";
        };
    }

    /** The note under the matrix: what the marks and the numbered columns mean. */
    static String matrixNote() {
        StringBuilder note = new StringBuilder("Ghi chú: các cột đánh số là cơ quan, đơn vị theo số thứ tự tại Biểu 2; ");
        for (Status status : Status.values()) {
            note.append(mark(status)).append(": ").append(Texts.inSentence(status.label)).append("; ");
        }
        return note.append("ô trống: cơ quan, đơn vị không được giao nhiệm vụ.").toString();
    }

    static String ask(AskKind kind) {
        return kind == AskKind.REQUESTED ? "Đề nghị" : "Giao";
    }

    static String state(BodyState state) {
        return switch (state) {
            case PENDING -> "Chưa gửi";
            case DRAFT -> "Đang dự thảo";
            case RETURNED -> "Bị trả lại";
            case SUBMITTED -> "Đã gửi";
            case RECEIVED -> "Đã tiếp nhận";
            case MISSING -> "Không báo cáo";
        };
    }
}
