package vn.ttdn.plan;

import java.util.Arrays;

/**
 * The kinds of document a plan file may be (Decree 30/2020/NĐ-CP, Appendix III): its symbol in
 * the number ("05/CTr-CP", "116/KH-UBND") and the register it is taken from, and its name as
 * running text names it ("Kèm theo Chương trình số …", "Đã ban hành Kế hoạch số …"). The heading
 * the document prints (KẾ HOẠCH, CHƯƠNG TRÌNH) is the bundle's {@code document.heading.<symbol>}.
 */
public enum DocumentType {

    /** Kế hoạch. */
    PLAN("KH", "Kế hoạch"),
    /** Chương trình (a programme, e.g. "Chương trình hành động"). */
    PROGRAMME("CTr", "Chương trình");

    private final String symbol;
    private final String word;

    DocumentType(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** "KH", "CTr": as numbers print it and the plan file gives it ({@code documentType}). */
    public String symbol() {
        return symbol;
    }

    /** "Kế hoạch", "Chương trình": the name inside a sentence. */
    public String word() {
        return word;
    }

    /** The type a plan file's symbol names; a Kế hoạch when it names none. */
    public static DocumentType of(String symbol) {
        return Arrays.stream(values()).filter(t -> t.symbol.equals(symbol)).findFirst().orElse(PLAN);
    }
}
