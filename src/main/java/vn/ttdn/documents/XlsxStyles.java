package vn.ttdn.documents;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ttdn.reporting.Consolidation.Status;

/**
 * The few cell styles of the workbook, made once (a workbook holds at most 64,000): titles, heads,
 * text, figures, moments, and one per task status, filled with its colour and lettered in white or
 * black, whichever reads on it.
 */
final class XlsxStyles {

    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle bold;
    final XSSFCellStyle centred;
    final XSSFCellStyle figure;
    final XSSFCellStyle moment;
    private final Map<Status, XSSFCellStyle> statuses = new EnumMap<>(Status.class);

    XlsxStyles(XSSFWorkbook workbook) {
        title = workbook.createCellStyle();
        title.setFont(font(workbook, 14, true, false));
        subtitle = workbook.createCellStyle();
        subtitle.setFont(font(workbook, 11, false, true));
        header = bordered(workbook, font(workbook, 11, true, false));
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex("E0E0E0"), null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        XSSFFont plain = font(workbook, 11, false, false);
        text = bordered(workbook, plain);
        bold = bordered(workbook, font(workbook, 11, true, false));
        centred = bordered(workbook, plain);
        centred.setAlignment(HorizontalAlignment.CENTER);
        figure = bordered(workbook, plain);
        figure.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));
        moment = bordered(workbook, plain);
        moment.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        moment.setAlignment(HorizontalAlignment.CENTER);
        for (Status status : Status.values()) {
            statuses.put(status, status(workbook, status));
        }
    }

    XSSFCellStyle of(Status status) {
        return statuses.get(status);
    }

    private static XSSFCellStyle status(XSSFWorkbook workbook, Status status) {
        byte[] rgb = HexFormat.of().parseHex(status.colour);
        XSSFFont font = font(workbook, 11, false, false);
        font.setColor(new XSSFColor(HexFormat.of().parseHex(light(rgb) ? "000000" : "FFFFFF"), null));
        XSSFCellStyle style = bordered(workbook, font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setFillForegroundColor(new XSSFColor(rgb, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** Relative luminance above 0.6: black letters read better than white. */
    static boolean light(byte[] rgb) {
        double luminance = (0.2126 * (rgb[0] & 0xFF) + 0.7152 * (rgb[1] & 0xFF) + 0.0722 * (rgb[2] & 0xFF)) / 255;
        return luminance > 0.6;
    }

    private static XSSFCellStyle bordered(XSSFWorkbook workbook, XSSFFont font) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static XSSFFont font(XSSFWorkbook workbook, int points, boolean bold, boolean italic) {
        XSSFFont font = workbook.createFont();
        font.setFontName(Word.FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }
}
