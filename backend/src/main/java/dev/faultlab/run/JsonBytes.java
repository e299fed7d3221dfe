package dev.faultlab.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer that JSON is written into as UTF-8 bytes, for the frames a run stream sends many of. Field names
 * and fixed strings are encoded once ({@link #name}, {@link #quoted}); strings are escaped as Jackson escapes them
 * (short forms for backspace, tab, newline, form feed and carriage return, a six-character escape with upper-case
 * hex for the other control characters, nothing else) and encoded as {@link String#getBytes} would, so the bytes are
 * those of Jackson's JSON sent as text. Not thread-safe: each thread keeps its own.
 */
final class JsonBytes {
    private static final byte[] NULL = ascii("null");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final byte[] MIN_LONG = ascii(Long.toString(Long.MIN_VALUE));
    /** For each ASCII character: 0 as is, a letter for its short escape, 'u' for a six-character escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private byte[] bytes;
    private int size;

    JsonBytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** {@code "name":} as bytes, to write before a field's value. */
    static byte[] name(String name) {
        return concat(quoted(name), new byte[] {':'});
    }

    /** A string as a JSON value, escaped and quoted. */
    static byte[] quoted(String text) {
        JsonBytes out = new JsonBytes(text.length() + 8);
        out.string(text);
        return out.toBytes();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** The bytes written since the last reset, in an array of their own (the buffer is reused). */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    JsonBytes raw(byte[] part) {
        ensure(part.length);
        System.arraycopy(part, 0, bytes, size, part.length);
        size += part.length;
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    JsonBytes nullValue() {
        return raw(NULL);
    }

    JsonBytes number(long value) {
        if (value == Long.MIN_VALUE) {
            return raw(MIN_LONG);
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int at = size + digits - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** JSON text already written as characters, as UTF-8 bytes of their own (the buffer is reset first). */
    byte[] utf8(String json) {
        reset();
        ensure(3 * json.length());
        size = encode(json, bytes, 0, false);
        return toBytes();
    }

    /** A string value, or {@code null}. */
    JsonBytes string(String text) {
        if (text == null) {
            return nullValue();
        }
        // At most 6 bytes per char (an escape); 3 for any char outside ASCII, 4 for a surrogate pair.
        ensure(2 + 6 * text.length());
        bytes[size++] = '"';
        size = encode(text, bytes, size, true);
        bytes[size++] = '"';
        return this;
    }

    /**
     * Encodes {@code text} into {@code b} from {@code at}, escaped as a JSON string's content if {@code escaping};
     * returns where the bytes end.
     */
    private static int encode(String text, byte[] b, int at, boolean escaping) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                byte escape = escaping ? ESCAPES[c] : 0;
                if (escape == 0) {
                    b[at++] = (byte) c;
                } else if (escape == 'u') {
                    b[at++] = '\\';
                    b[at++] = 'u';
                    b[at++] = '0';
                    b[at++] = '0';
                    b[at++] = HEX[c >> 4];
                    b[at++] = HEX[c & 0xF];
                } else {
                    b[at++] = '\\';
                    b[at++] = escape;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // What String.getBytes does with half a pair, and so what the frame's text became before.
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
