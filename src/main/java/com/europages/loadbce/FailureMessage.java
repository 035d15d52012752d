package com.europages.loadbce;

/**
 * One line that says what failed: the exception's type and message and, when a cause says something the message does
 * not, that cause's type and message. An exception without a message gets the place it was thrown from instead, so no
 * failure is ever reported as "null".
 */
public final class FailureMessage {
    private static final int MAX_LENGTH = 600;

    private FailureMessage() {
    }

    public static String of(Throwable e) {
        String text = describe(e);
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && !text.contains(oneLine(m))) {
                text += "; caused by " + describe(c);
                break;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return oneLine(text);
    }

    /** "Type: message", or "Type at Class.method(File:line)" when there is no message. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank()) {
            return e.getClass().getSimpleName() + ": " + m;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getSimpleName() + (trace.length == 0 ? " (no message)" : " at " + trace[0]);
    }

    /** Whitespace runs (newlines included) collapsed to one space, and at most {@value #MAX_LENGTH} characters. */
    public static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= MAX_LENGTH ? t : t.substring(0, MAX_LENGTH - 1) + "…";
    }
}
