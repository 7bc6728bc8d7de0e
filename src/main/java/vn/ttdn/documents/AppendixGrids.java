package vn.ttdn.documents;

import static vn.ttdn.documents.Texts.present;

import java.util.ArrayList;
import java.util.List;
import vn.ttdn.documents.ReportLayout.Appendix;
import vn.ttdn.documents.ReportLayout.Column;
import vn.ttdn.documents.ReportLayout.Grid;
import vn.ttdn.documents.ReportLayout.Row;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Group;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Task;

/**
 * The appendix tables. One body's own report gets one portrait table of its tasks (status, result,
 * difficulties and proposals). A consolidated report gets, in landscape:
 * <ul>
 * <li>Biểu 1, the matrix: one row per task under its group's row, the overall status in words, then
 * one narrow column per body holding a one-letter mark explained in the note. With 20 to 100 bodies
 * neither names nor words fit a column, so the columns carry the body's number in Biểu 2 (as
 * statistical appendices key their columns), and the bodies are split over several tables of at most
 * {@value #MATRIX_BODIES} columns, each repeating the tasks, so every column stays 8 mm or wider;</li>
 * <li>Biểu 2, one row per body: full name (and whom it replaces), assigned or requested, on time or
 * late or missing, its report's number and day, how often it was returned, the tasks it left out.</li>
 * </ul>
 * The full matrix with names and colours is the Excel file's.
 */
final class AppendixGrids {

    static final int MATRIX_BODIES = 15;

    private AppendixGrids() {
    }

    static Appendix of(Consolidation c, String caption) {
        if (ReportLayouts.single(c)) {
            return new Appendix(Words.APPENDIX, caption, false, List.of(detail(c)));
        }
        List<Grid> grids = new ArrayList<>(matrices(c));
        grids.add(bodies(c));
        return new Appendix(Words.APPENDIX, caption, true, grids);
    }

    /** The status a task is counted under: the body's own in its report, else the overall one. */
    static Status status(Consolidation c, Task task) {
        if (ReportLayouts.single(c)) {
            Cell cell = cell(task, c.bodies().get(0));
            return cell == null || cell.status() == null ? Status.UNREPORTED : cell.status();
        }
        return task.overall() == null ? Status.UNREPORTED : task.overall();
    }

    private static Cell cell(Task task, Body body) {
        return task.cells().stream().filter(x -> body.code().equals(x.bodyCode())).findFirst().orElse(null);
    }

    private static Grid detail(Consolidation c) {
        List<Column> columns = List.of(new Column(Words.NUMBER, 14, true), new Column(Words.TASK, 48, false),
                new Column("Tình trạng", 28, true), new Column("Kết quả thực hiện", 43, false),
                new Column("Khó khăn, vướng mắc; đề xuất", 32, false));
        List<Row> rows = new ArrayList<>();
        Body body = c.bodies().get(0);
        for (Group group : c.groups()) {
            rows.add(Row.group(group.number(), group.title()));
            for (Task task : group.tasks()) {
                Cell cell = cell(task, body);
                rows.add(Row.of(List.of(task.number(), task.content(), status(c, task).label,
                        cell == null || cell.result() == null ? "" : cell.result(), difficulties(cell))));
            }
        }
        return new Grid("Kết quả thực hiện các nhiệm vụ", columns, rows, null);
    }

    private static String difficulties(Cell cell) {
        if (cell == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (present(cell.difficulties())) {
            parts.add(cell.difficulties().strip());
        }
        if (present(cell.proposals())) {
            parts.add("Đề xuất: " + cell.proposals().strip());
        }
        return String.join("\n", parts);
    }

    private static List<Grid> matrices(Consolidation c) {
        int count = c.bodies().size();
        int tables = (count + MATRIX_BODIES - 1) / MATRIX_BODIES;
        int per = (count + tables - 1) / tables;
        List<Grid> grids = new ArrayList<>();
        for (int from = 0; from < count; from += per) {
            int to = Math.min(count, from + per);
            String title = "Biểu 1. Tình hình thực hiện nhiệm vụ của các cơ quan, đơn vị"
                    + (tables > 1 ? " (cơ quan, đơn vị số " + (from + 1) + " - " + to + ")" : "");
            grids.add(matrix(c, title, from, to, to == count ? Words.matrixNote() : null));
        }
        return grids;
    }

    private static Grid matrix(Consolidation c, String title, int from, int to, String note) {
        int fixed = 14 + 30;
        int bodyWidth = Math.min(20, (ReportLayouts.LANDSCAPE_WIDTH - fixed - 80) / (to - from));
        List<Column> columns = new ArrayList<>(List.of(new Column(Words.NUMBER, 14, true),
                new Column(Words.TASK, ReportLayouts.LANDSCAPE_WIDTH - fixed - bodyWidth * (to - from), false),
                new Column("Tình trạng chung", 30, true)));
        for (int i = from; i < to; i++) {
            columns.add(new Column(Integer.toString(i + 1), bodyWidth, true));
        }
        List<Body> bodies = c.bodies().subList(from, to);
        List<Row> rows = new ArrayList<>();
        for (Group group : c.groups()) {
            rows.add(Row.group(group.number(), group.title()));
            for (Task task : group.tasks()) {
                List<String> cells = new ArrayList<>(List.of(task.number(), task.content(), status(c, task).label));
                bodies.forEach(b -> cells.add(mark(cell(task, b))));
                rows.add(Row.of(cells));
            }
        }
        return new Grid(title, columns, rows, note);
    }

    private static String mark(Cell cell) {
        return cell == null ? "" : Words.mark(cell.status() == null ? Status.UNREPORTED : cell.status());
    }

    private static Grid bodies(Consolidation c) {
        List<Column> columns = List.of(new Column(Words.NUMBER, 14, true), new Column(Words.BODY, 92, false),
                new Column("Hình thức", 22, true), new Column("Tình hình gửi", 26, true),
                new Column("Số báo cáo", 34, true), new Column("Ngày gửi", 28, true),
                new Column("Số lần trả lại", 18, true), new Column("Nhiệm vụ chưa báo cáo", 18, true));
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Body body : c.bodies()) {
            rows.add(Row.of(List.of(Integer.toString(++i), fullName(body), Words.ask(body.kind()),
                    body.timeliness() == null ? "" : body.timeliness().label,
                    body.reportNumber() == null ? "" : body.reportNumber(),
                    Texts.day(body.submittedAt()),
                    Integer.toString(body.returns()), unreported(body))));
        }
        return new Grid("Biểu 2. Tình hình gửi báo cáo của các cơ quan, đơn vị", columns, rows, null);
    }

    /** "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi (thay cho Sở Thông tin và Truyền thông)". */
    static String fullName(Body body) {
        return present(body.replacesName()) ? body.name() + " (thay cho " + body.replacesName() + ")" : body.name();
    }

    static String unreported(Body body) {
        return body.unreportedTasks() == null ? "" : String.join(", ", body.unreportedTasks());
    }
}
