package vn.ttdn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import vn.ttdn.plan.PlanFile;

/** The five seed plan files of {@code plans/}, and variants of them for import tests. */
public final class SeedPlans {

    public static final String QUANG_NGAI = "quang-ngai-kh-116.yaml";
    public static final String NAM_DINH = "nam-dinh-kh-nq47.yaml";
    public static final String NINH_THUAN = "ninh-thuan-kh-nq47.yaml";
    public static final String DAK_LAK = "dak-lak-kh-nq47.yaml";
    public static final String PHAN_RANG = "phan-rang-thap-cham-kh-256.yaml";
    public static final List<String> ALL = List.of(DAK_LAK, NAM_DINH, NINH_THUAN, PHAN_RANG, QUANG_NGAI);

    public static final ObjectMapper YAML = YAMLMapper.builder().addModule(new JavaTimeModule()).build();

    private SeedPlans() {
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of("plans", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed plan as the application keeps it: in NFC (the Đắk Lắk file, copied from its source,
     * has words in NFD; every text is normalized on input).
     */
    public static PlanFile read(String file) {
        try {
            return YAML.readValue(java.text.Normalizer.normalize(new String(bytes(file),
                    java.nio.charset.StandardCharsets.UTF_8), java.text.Normalizer.Form.NFC), PlanFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seed plan as a YAML tree, changed by {@code change}, with a fresh code so it can be imported. */
    public static byte[] variant(String file, String newCode, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(bytes(file));
            tree.put("code", newCode);
            change.accept(tree);
            return YAML.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode task(ObjectNode plan, int group, int task) {
        JsonNode node = plan.path("groups").path(group).path("tasks").path(task);
        return (ObjectNode) node;
    }
}
