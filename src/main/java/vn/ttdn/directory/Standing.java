package vn.ttdn.directory;

/**
 * Who acts for a body a document names, on a given day: the body itself while it exists, otherwise
 * the successor its work passed to ({@code replaces} is then the body named). A 2024 plan names the
 * Sở TT&TT; on 1/12/2026 the Sở VHTTDL stands for it ("thay cho Sở Thông tin và Truyền thông").
 */
public record Standing(BodyView body, BodyView replaces) {

    public boolean isReplacement() {
        return replaces != null;
    }
}
