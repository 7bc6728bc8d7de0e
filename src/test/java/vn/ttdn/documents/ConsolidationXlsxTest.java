package vn.ttdn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidation.Status;

/** The Excel file read back with POI: sheets, heads, frozen panes, filters, status words and colours, figures, moments. */
class ConsolidationXlsxTest {

    private final Consolidation consolidation = ReportFixtures.state();
    private final DataFormatter formatter = new DataFormatter();
    private XSSFWorkbook workbook;

    @BeforeEach
    void draw() throws IOException {
        byte[] bytes = Outputs.writeBytes("state.xlsx", new ConsolidationXlsx().draw(consolidation));
        workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @AfterEach
    void close() throws IOException {
        workbook.close();
    }

    @Test
    void hasThreeValidlyNamedSheets() {
        List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
        assertThat(names).containsExactly("Tổng hợp", "Chỉ tiêu", "Cơ quan báo cáo");
        names.forEach(name -> {
            assertThat(name.length()).isLessThanOrEqualTo(31);
            WorkbookUtil.validateSheetName(name);
        });
    }

    @Test
    void theMatrixHasAFrozenFilteredHeadAndOneRowPerTask() {
        XSSFSheet sheet = workbook.getSheet("Tổng hợp");
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
        assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 4);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A4:");
        List<String> head = texts(sheet.getRow(3));
        assertThat(head).startsWith("Nhóm nhiệm vụ", "STT", "Nội dung nhiệm vụ", "Tình trạng chung", "VP UBND", "Sở Ngoại vụ")
                .contains("UBND phường Sa Huỳnh").endsWith(Status.NOT_STARTED.label, Status.UNREPORTED.label);
        assertThat(sheet.getRow(3).getCell(8).getCellComment().getString().getString())
                .isEqualTo("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (thay cho Sở Thông tin và Truyền thông tỉnh Quảng Ngãi)");
        assertThat(sheet.getLastRowNum()).isEqualTo(3 + ReportFixtures.taskCount(consolidation));
        List<String> first = texts(sheet.getRow(4));
        assertThat(first.subList(0, 4)).containsExactly("I. " + consolidation.groups().get(0).title(), "1",
                consolidation.groups().get(0).tasks().get(0).content(), "Hoàn thành đúng hạn");
    }

    @Test
    void statusCellsCarryTheirWordsAndColourAndEachRowItsCounts() {
        XSSFSheet sheet = workbook.getSheet("Tổng hợp");
        int bodies = consolidation.bodies().size();
        List<Status> seen = new ArrayList<>();
        for (int r = 4; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            int filled = 0;
            for (int c = 4; c < 4 + bodies; c++) {
                XSSFCell cell = row.getCell(c);
                if (!cell.getStringCellValue().isEmpty()) {
                    Status status = status(cell.getStringCellValue());
                    assertThat(fill(cell)).isEqualTo(status.colour);
                    assertThat(fontColour(cell)).isEqualTo(status == Status.UNREPORTED ? "000000" : "FFFFFF");
                    seen.add(status);
                    filled++;
                }
            }
            int counted = IntStream.range(0, Status.values().length)
                    .map(i -> (int) row.getCell(4 + bodies + i).getNumericCellValue()).sum();
            assertThat(counted).isEqualTo(filled);
        }
        assertThat(seen).contains(Status.values());
        XSSFCell missing = sheet.getRow(4).getCell(4 + 21);
        assertThat(missing.getStringCellValue()).isEqualTo(Status.UNREPORTED.label);
    }

    @Test
    void indicatorsPerBodyWithTotalAndLastYear() {
        XSSFSheet sheet = workbook.getSheet("Chỉ tiêu");
        assertThat(texts(sheet.getRow(1))).startsWith("STT", "Cơ quan, đơn vị", "Số tin, bài thông tin đối ngoại (tin, bài)");
        int total = 2 + consolidation.bodies().size();
        assertThat(figures(sheet.getRow(total))).containsExactly("Tổng cộng", 1250.0, 46.0, 18.0, 7.0);
        assertThat(figures(sheet.getRow(total + 1))).containsExactly("Năm trước", 1104.0, 39.0, "", "");
        assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(208.0);
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    }

    @Test
    void whoReportedWhenInVietNamsTime() {
        XSSFSheet sheet = workbook.getSheet("Cơ quan báo cáo");
        assertThat(texts(sheet.getRow(0))).containsExactly("STT", "Cơ quan, đơn vị", "Tên viết tắt", "Thay cho", "Hình thức",
                "Tình hình gửi", "Trạng thái", "Số báo cáo", "Ngày gửi", "Ngày nhận", "Số lần trả lại",
                "Nhiệm vụ chưa báo cáo");
        assertThat(texts(sheet.getRow(7))).containsExactly("7", ReportFixtures.LATE, "Sở Y tế", "", "Giao", "Quá hạn",
                "Đã tiếp nhận", "06/BC-SYT", "03/12/2026 17:00", "03/12/2026 19:00", "1", "");
        assertThat(texts(sheet.getRow(22))).containsExactly("22", ReportFixtures.MISSING, "X. Minh Long", "", "Giao",
                "Không báo cáo", "Không báo cáo", "", "", "", "0", "3, 7");
        assertThat(texts(sheet.getRow(24)).subList(1, 7)).containsExactly(ReportFixtures.SILENT, "LH Hữu nghị", "",
                "Đề nghị", "Chưa gửi", "Không báo cáo");
        assertThat(sheet.getRow(23).getCell(2).getStringCellValue()).as("no short name: the name").isEqualTo("UBND phường Sa Huỳnh");
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
    }

    private List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }

    /** The label, then each figure as a number (or "" where there is none). */
    private static List<Object> figures(XSSFRow row) {
        List<Object> figures = new ArrayList<>(List.of(row.getCell(1).getStringCellValue()));
        for (int c = 2; c < row.getLastCellNum(); c++) {
            XSSFCell cell = row.getCell(c);
            figures.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? cell.getNumericCellValue() : "");
        }
        return figures;
    }

    private static Status status(String label) {
        for (Status s : Status.values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new AssertionError("not a status: " + label);
    }

    private static String fill(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        return HexFormat.of().withUpperCase().formatHex(style.getFillForegroundColorColor().getRGB());
    }

    private static String fontColour(XSSFCell cell) {
        return HexFormat.of().withUpperCase().formatHex(cell.getCellStyle().getFont().getXSSFColor().getRGB());
    }
}
