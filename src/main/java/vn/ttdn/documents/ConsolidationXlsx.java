package vn.ttdn.documents;

import static vn.ttdn.documents.Texts.nfc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Group;
import vn.ttdn.reporting.Consolidation.Indicator;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Task;

/**
 * The Excel file of a report: "Tổng hợp", one row per task (its group in a column, so the
 * auto-filter can pick a group) with each body's status in words and colour and the counts per
 * status; "Chỉ tiêu", the indicators per body with the total and last year; "Cơ quan báo cáo", who
 * reported when. Heads are frozen; a body's column head is its short name, the full name in a comment.
 */
final class ConsolidationXlsx {

    static final String MATRIX = "Tổng hợp";
    static final String INDICATORS = "Chỉ tiêu";
    static final String BODIES = "Cơ quan báo cáo";
    /** Rows above the matrix's head: the subject and the caption, then a blank row. */
    static final int MATRIX_HEAD = 3;
    private static final int FIXED = 4;
    /** Characters: group, number, content, overall status; then each status column. */
    private static final int[] WIDTHS = {32, 7, 60, 24};
    private static final int STATUS_WIDTH = 16;
    private static final float LINE_POINTS = 15;

    byte[] draw(Consolidation c) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XlsxStyles styles = new XlsxStyles(workbook);
            ReportLayout layout = ReportLayouts.of(c);
            matrix(workbook.createSheet(WorkbookUtil.createSafeSheetName(MATRIX)), c, layout, styles);
            indicators(workbook.createSheet(WorkbookUtil.createSafeSheetName(INDICATORS)), c, styles);
            bodies(workbook.createSheet(WorkbookUtil.createSafeSheetName(BODIES)), c, styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void matrix(XSSFSheet sheet, Consolidation c, ReportLayout layout, XlsxStyles styles) {
        int last = FIXED + c.bodies().size() + Status.values().length - 1;
        title(sheet, 0, layout.subject(), styles.title, last);
        title(sheet, 1, layout.appendix().caption(), styles.subtitle, last);
        matrixHead(sheet, c, styles);
        int r = MATRIX_HEAD + 1;
        for (Group group : c.groups()) {
            for (Task task : group.tasks()) {
                taskRow(sheet.createRow(r++), c, group, task, styles);
            }
        }
        sheet.createFreezePane(FIXED, MATRIX_HEAD + 1);
        sheet.setAutoFilter(new CellRangeAddress(MATRIX_HEAD, Math.max(MATRIX_HEAD, r - 1), 0, last));
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        for (int i = FIXED; i <= last; i++) {
            sheet.setColumnWidth(i, STATUS_WIDTH * 256);
        }
    }

    private static void matrixHead(XSSFSheet sheet, Consolidation c, XlsxStyles styles) {
        XSSFRow row = sheet.createRow(MATRIX_HEAD);
        row.setHeightInPoints(48);
        List<String> heads = new ArrayList<>(List.of("Nhóm nhiệm vụ", Words.NUMBER, Words.TASK, "Tình trạng chung"));
        c.bodies().forEach(b -> heads.add(shortName(b)));
        for (Status status : Status.values()) {
            heads.add(status.label);
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        for (int i = 0; i < heads.size(); i++) {
            XSSFCell cell = text(row, i, heads.get(i), styles.header);
            int body = i - FIXED;
            if (body >= 0 && body < c.bodies().size()) {
                cell.setCellComment(comment(drawing, cell, AppendixGrids.fullName(c.bodies().get(body))));
            }
        }
    }

    private static XSSFComment comment(XSSFDrawing drawing, XSSFCell cell, String text) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, cell.getColumnIndex(), cell.getRowIndex(),
                cell.getColumnIndex() + 4, cell.getRowIndex() + 3);
        XSSFComment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(nfc(text)));
        return comment;
    }

    private static void taskRow(XSSFRow row, Consolidation c, Group group, Task task, XlsxStyles styles) {
        text(row, 0, group.number() + ". " + group.title(), styles.text);
        text(row, 1, task.number(), styles.centred);
        text(row, 2, task.content(), styles.text);
        Status overall = AppendixGrids.status(c, task);
        text(row, 3, overall.label, styles.of(overall));
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (int i = 0; i < c.bodies().size(); i++) {
            Status status = status(task, c.bodies().get(i));
            if (status == null) {
                text(row, FIXED + i, "", styles.text);
            } else {
                text(row, FIXED + i, status.label, styles.of(status));
                counts.merge(status, 1, Integer::sum);
            }
        }
        int column = FIXED + c.bodies().size();
        for (Status status : Status.values()) {
            XSSFCell cell = row.createCell(column++);
            cell.setCellValue(counts.getOrDefault(status, 0));
            cell.setCellStyle(styles.centred);
        }
        int lines = Math.max(lines(row.getCell(0).getStringCellValue(), WIDTHS[0]),
                Math.max(lines(task.content(), WIDTHS[2]), lines(Status.IN_PROGRESS.label, STATUS_WIDTH)));
        row.setHeightInPoints(lines * LINE_POINTS);
    }

    /**
     * How many lines a wrapped text takes in a column so many characters wide: Excel and
     * LibreOffice do not grow a row to its wrapped text on opening, so the row is made high enough.
     */
    private static int lines(String text, int width) {
        return Math.max(1, (int) Math.ceil(text.length() * 1.15 / width));
    }

    /** The body's status on the task, or null when the task does not ask it. */
    private static Status status(Task task, Body body) {
        return task.cells().stream().filter(x -> body.code().equals(x.bodyCode())).findFirst()
                .map(Cell::status).map(s -> s == null ? Status.UNREPORTED : s).orElse(null);
    }

    private static void indicators(XSSFSheet sheet, Consolidation c, XlsxStyles styles) {
        List<Indicator> indicators = c.indicators() == null ? List.of() : c.indicators();
        title(sheet, 0, "Chỉ tiêu theo cơ quan, đơn vị", styles.title, Math.max(1, indicators.size() + 1));
        XSSFRow head = sheet.createRow(1);
        text(head, 0, Words.NUMBER, styles.header);
        text(head, 1, Words.BODY, styles.header);
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String unit = indicator.unit() == null ? "" : " (" + indicator.unit() + ")";
            text(head, i + 2, indicator.label() + unit, styles.header);
            sheet.setColumnWidth(i + 2, 20 * 256);
        }
        int r = 2;
        for (Body body : c.bodies()) {
            XSSFRow row = sheet.createRow(r);
            text(row, 0, Integer.toString(r - 1), styles.centred);
            text(row, 1, AppendixGrids.fullName(body), styles.text);
            figures(row, indicators, i -> i.byBody() == null ? null : i.byBody().get(body.code()), styles.figure);
            r++;
        }
        totalRow(sheet.createRow(r), "Tổng cộng", indicators, Indicator::total, styles);
        totalRow(sheet.createRow(r + 1), "Năm trước", indicators, Indicator::lastYear, styles);
        sheet.setColumnWidth(0, 7 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        sheet.createFreezePane(2, 2);
    }

    private static void totalRow(XSSFRow row, String label, List<Indicator> indicators,
                                 Function<Indicator, BigDecimal> value, XlsxStyles styles) {
        text(row, 0, "", styles.bold);
        text(row, 1, label, styles.bold);
        figures(row, indicators, value, styles.figure);
    }

    private static void figures(XSSFRow row, List<Indicator> indicators,
                                Function<Indicator, BigDecimal> value, XSSFCellStyle style) {
        for (int i = 0; i < indicators.size(); i++) {
            XSSFCell cell = row.createCell(i + 2);
            cell.setCellStyle(style);
            BigDecimal figure = value.apply(indicators.get(i));
            if (figure != null) {
                cell.setCellValue(figure.doubleValue());
            }
        }
    }

    private static void bodies(XSSFSheet sheet, Consolidation c, XlsxStyles styles) {
        List<String> heads = List.of(Words.NUMBER, Words.BODY, "Tên viết tắt", "Thay cho", "Hình thức",
                "Tình hình gửi", "Trạng thái", "Số báo cáo", "Ngày gửi", "Ngày nhận", "Số lần trả lại",
                "Nhiệm vụ chưa báo cáo");
        XSSFRow head = sheet.createRow(0);
        for (int i = 0; i < heads.size(); i++) {
            text(head, i, heads.get(i), styles.header);
        }
        int r = 1;
        for (Body body : c.bodies()) {
            bodyRow(sheet.createRow(r), r, body, styles);
            r++;
        }
        int[] widths = {7, 55, 16, 40, 12, 16, 16, 20, 18, 18, 10, 24};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(2, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, heads.size() - 1));
    }

    private static void bodyRow(XSSFRow row, int number, Body body, XlsxStyles styles) {
        text(row, 0, Integer.toString(number), styles.centred);
        text(row, 1, body.name(), styles.text);
        text(row, 2, shortName(body), styles.centred);
        text(row, 3, body.replacesName() == null ? "" : body.replacesName(), styles.text);
        text(row, 4, Words.ask(body.kind()), styles.centred);
        text(row, 5, body.timeliness() == null ? "" : body.timeliness().label, styles.centred);
        text(row, 6, body.state() == null ? "" : Words.state(body.state()), styles.centred);
        text(row, 7, body.reportNumber() == null ? "" : body.reportNumber(), styles.centred);
        moment(row.createCell(8), body.submittedAt(), styles.moment);
        moment(row.createCell(9), body.receivedAt(), styles.moment);
        XSSFCell returns = row.createCell(10);
        returns.setCellValue(body.returns());
        returns.setCellStyle(styles.centred);
        text(row, 11, AppendixGrids.unreported(body), styles.text);
    }

    /** A moment as a date cell of Việt Nam's clock, shown dd/mm/yyyy hh:mm. */
    private static void moment(XSSFCell cell, Instant instant, XSSFCellStyle style) {
        cell.setCellStyle(style);
        if (instant != null) {
            cell.setCellValue(instant.atZone(Texts.VIET_NAM).toLocalDateTime());
        }
    }

    private static String shortName(Body body) {
        return Texts.present(body.shortName()) ? body.shortName() : body.name();
    }

    private static void title(XSSFSheet sheet, int r, String text, XSSFCellStyle style, int lastColumn) {
        text(sheet.createRow(r), 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, Math.max(1, lastColumn)));
    }

    private static XSSFCell text(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(nfc(text));
        cell.setCellStyle(style);
        return cell;
    }
}
