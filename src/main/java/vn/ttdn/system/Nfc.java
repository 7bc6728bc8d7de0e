package vn.ttdn.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vietnamese text in one form. The same word can be typed or pasted in two Unicode forms: "ễ" as one
 * character (NFC, what Vietnamese keyboards and Word send) or as "e" with two combining marks (NFD, what
 * some Mac and PDF copies give). They look alike and must compare, search and sort alike, so every text
 * that comes in is put in NFC once, where it enters: the API's JSON ({@link NfcInput}), the pages'
 * parameters, the names of uploaded files, the plan and directory files.
 */
public final class Nfc {

    private Nfc() {
    }

    /** The text in NFC (itself when it already is; null stays null). */
    public static String of(String text) {
        if (text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * A parsed file (YAML or JSON) with every text and every key in NFC, changed in place; the tree itself.
     * Normalized after parsing, not before: a long line the writer folded, or an escape such as
     * {@code \u0301}, puts a combining mark where a pass over the raw text cannot join it to its letter.
     */
    public static JsonNode tree(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            object.removeAll();
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                object.set(of(field.getKey()), value.isTextual() ? TextNode.valueOf(of(value.asText())) : tree(value));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.set(i, value.isTextual() ? TextNode.valueOf(of(value.asText())) : tree(value));
            }
        }
        return node;
    }
}
