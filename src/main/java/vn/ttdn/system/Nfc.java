package vn.ttdn.system;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

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
     * A file's UTF-8 text in NFC, as bytes again; the bytes themselves when they are not UTF-8 (the file's
     * reader then says what is wrong with them) or already in NFC.
     */
    public static byte[] ofUtf8(byte[] content) {
        if (content == null) {
            return null;
        }
        String text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            text = chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return content;
        }
        String normal = of(text);
        return normal == text ? content : normal.getBytes(StandardCharsets.UTF_8);
    }
}
