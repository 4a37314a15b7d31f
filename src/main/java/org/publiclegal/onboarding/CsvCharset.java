package org.publiclegal.onboarding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of an uploaded CSV: UTF-8 (with or without BOM) when its start decodes as UTF-8, otherwise GB18030
 * (the superset of GBK that Excel in China saves "CSV" as). Only the first bytes are looked at; a multi-byte
 * character cut at the end of them is not held against UTF-8.
 */
public final class CsvCharset {

    public static final Charset GB18030 = Charset.forName("GB18030");
    /** How many leading bytes decide. */
    public static final int SAMPLE = 64 * 1024;

    private CsvCharset() {
    }

    public static Charset detect(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int length = Math.min(content.length, SAMPLE);
        int end = length == content.length ? length : trimPartial(content, length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(content, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    /** The sample length without a trailing, possibly cut UTF-8 sequence (its lead byte and continuation bytes). */
    static int trimPartial(byte[] content, int length) {
        int i = length - 1;
        int continuation = 0;
        while (i >= 0 && continuation < 3 && (content[i] & 0xC0) == 0x80) {
            i--;
            continuation++;
        }
        if (i >= 0 && (content[i] & 0xC0) == 0xC0) {
            return i;
        }
        return length;
    }

    /** The length of a leading UTF-8 BOM (3) or 0. */
    public static int bomLength(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
