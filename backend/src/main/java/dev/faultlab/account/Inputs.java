package dev.faultlab.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for what people type: each check names the request field it rejects. */
public final class Inputs {
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COURSE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,31}");

    private Inputs() {
    }

    /** Lower-cased and trimmed, so one person cannot hold two accounts that differ only in case. */
    public static String email(String field, String raw) {
        String email = required(field, raw, "an email address").trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw AccountException.invalid(field, "'" + abbreviate(email) + "' is not an email address.");
        }
        return email;
    }

    public static String password(String field, String raw) {
        String password = required(field, raw, "a password");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH) {
            throw AccountException.invalid(field, "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (length > MAX_PASSWORD_LENGTH) {
            throw AccountException.invalid(field, "A password may have at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (CommonPasswords.contains(password)) {
            throw AccountException.invalid(field, "This password is one of the most commonly used ones, which are "
                    + "guessed first. Please choose another.");
        }
        return password;
    }

    public static String displayName(String field, String raw) {
        return text(field, raw, "a name", 100);
    }

    public static String courseTitle(String field, String raw) {
        return text(field, raw, "a title", 200);
    }

    public static String courseCode(String field, String raw) {
        String code = required(field, raw, "a course code").trim();
        if (!COURSE_CODE.matcher(code).matches()) {
            throw AccountException.invalid(field, "A course code has 2 to 32 letters, digits, dots, dashes or "
                    + "underscores, starting with a letter or digit.");
        }
        return code;
    }

    /** Join codes are shown in upper case; people type them in any case and with spaces or dashes. */
    public static String joinCode(String field, String raw) {
        return required(field, raw, "a join code").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String token(String field, String raw) {
        return required(field, raw, "a token").trim();
    }

    private static String text(String field, String raw, String what, int maxLength) {
        String text = required(field, raw, what).trim();
        if (text.isEmpty()) {
            throw AccountException.invalid(field, "Please enter " + what + ".");
        }
        if (text.length() > maxLength) {
            throw AccountException.invalid(field, "At most " + maxLength + " characters, please.");
        }
        return text;
    }

    private static String required(String field, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw AccountException.invalid(field, "Please enter " + what + ".");
        }
        return raw;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
