package org.rallylab.domain.roster;

import java.util.Comparator;

/**
 * Car numbers are opaque labels ("7", "B100"). They sort naturally: runs of digits compare
 * as numbers, so "B9" comes before "B100" and "2" before "10". Equal numeric value with
 * different leading zeros ("07" and "7") falls back to plain text order so the order is total.
 */
public final class CarNumbers {

    /** Natural order of car numbers. */
    public static final Comparator<String> NATURAL = CarNumbers::compareNaturally;

    private CarNumbers() {
    }

    static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int cmp = compareDigitRuns(a, i, endA, b, j, endB);
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
            } else {
                int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int cmp = Integer.compare(a.length() - i, b.length() - j);
        return cmp != 0 ? cmp : a.compareTo(b);
    }

    private static int compareDigitRuns(String a, int startA, int endA, String b, int startB, int endB) {
        int sa = skipZeros(a, startA, endA);
        int sb = skipZeros(b, startB, endB);
        int lengthCmp = Integer.compare(endA - sa, endB - sb);
        if (lengthCmp != 0) {
            return lengthCmp;
        }
        for (int k = 0; k < endA - sa; k++) {
            int cmp = Character.compare(a.charAt(sa + k), b.charAt(sb + k));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static int skipZeros(String s, int start, int end) {
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        return start;
    }

    private static int digitsEnd(String s, int start) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
