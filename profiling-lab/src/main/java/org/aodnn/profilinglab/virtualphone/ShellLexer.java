package org.aodnn.profilinglab.virtualphone;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words and operators the way a POSIX shell does: quotes and {@code $(...)} stay
 * inside their word (raw, expanded later), operators are {@code ; & && || | ( )}, newlines and redirections
 * ({@code > >> < 2> 2>> 2>&1}).
 */
final class ShellLexer {

    /** A word (raw text with its quotes) or an operator. */
    record Token(boolean op, String text) {
        static Token word(String s) {
            return new Token(false, s);
        }

        static Token op(String s) {
            return new Token(true, s);
        }

        boolean is(String s) {
            return op && text.equals(s);
        }

        boolean isWord(String s) {
            return !op && text.equals(s);
        }
    }

    private ShellLexer() {
    }

    static List<Token> lex(String line) throws ShellSyntaxException {
        List<Token> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'' ) {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("unterminated quoted string");
                }
                w.append(line, i, end + 1);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int end = closingDoubleQuote(line, i);
                w.append(line, i, end + 1);
                inWord = true;
                i = end + 1;
            } else if (c == '\\' && i + 1 < n) {
                if (line.charAt(i + 1) == '\n') {
                    i += 2; // line continuation
                    continue;
                }
                w.append(line, i, i + 2);
                inWord = true;
                i += 2;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                int end = closingParen(line, i + 1);
                w.append(line, i, end + 1);
                inWord = true;
                i = end + 1;
            } else if (c == '#' && !inWord) {
                while (i < n && line.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                inWord = flush(out, w, inWord);
                i++;
            } else if (c == '\n' || c == ';' || c == '(' || c == ')') {
                inWord = flush(out, w, inWord);
                out.add(Token.op(String.valueOf(c)));
                i++;
            } else if (c == '&' || c == '|') {
                inWord = flush(out, w, inWord);
                if (i + 1 < n && line.charAt(i + 1) == c) {
                    out.add(Token.op("" + c + c));
                    i += 2;
                } else {
                    out.add(Token.op(String.valueOf(c)));
                    i++;
                }
            } else if (c == '>' || c == '<') {
                String fd = "";
                if (inWord && w.length() == 1 && Character.isDigit(w.charAt(0))) {
                    fd = w.toString();
                    w.setLength(0);
                    inWord = false;
                }
                inWord = flush(out, w, inWord);
                String op = fd + c;
                i++;
                if (c == '>' && i < n && line.charAt(i) == '>') {
                    op += ">";
                    i++;
                } else if (c == '>' && i + 1 < n && line.charAt(i) == '&' && Character.isDigit(line.charAt(i + 1))) {
                    op += "&" + line.charAt(i + 1);
                    i += 2;
                }
                out.add(Token.op(op));
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        flush(out, w, inWord);
        return out;
    }

    private static boolean flush(List<Token> out, StringBuilder w, boolean inWord) {
        if (inWord) {
            out.add(Token.word(w.toString()));
            w.setLength(0);
        }
        return false;
    }

    static int closingDoubleQuote(String s, int open) throws ShellSyntaxException {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                i = closingParen(s, i + 1) + 1;
            } else {
                i++;
            }
        }
        throw new ShellSyntaxException("unterminated quoted string");
    }

    static int closingParen(String s, int open) throws ShellSyntaxException {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    break;
                }
                i = end + 1;
                continue;
            }
            if (c == '"') {
                i = closingDoubleQuote(s, i) + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new ShellSyntaxException("unterminated $(...)");
    }
}
